/** OSV data from a local directory or zip of OSV JSON files (`--vuln-db DIR|ZIP`, mirrors, air-gapped use). */
import { closeSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { IndexBuilder } from './compact';
import { IndexedVulnDatabase } from './db';
import { parseOsvRecord } from './types';
import { fileSource, isZipError, zipFiles, type ZipSource } from './zip';

const decoder = new TextDecoder();

function* jsonFiles(dir: string): Generator<string> {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) yield* jsonFiles(p);
    else if (ent.isFile() && ent.name.endsWith('.json')) yield p;
  }
}

function addRecord(builder: IndexBuilder, text: string, where: string): void {
  try {
    builder.add(parseOsvRecord(text));
  } catch (e) {
    throw new ShipgateError('VULN_DB', `${where}: not an OSV record (${(e as Error).message})`, {
      hint: 'the vulnerability data must be OSV JSON files (https://ossf.github.io/osv-schema/)',
    });
  }
}

/** Feeds every OSV record of a zip into the builder; the zip is verified entry by entry. */
function addZip(builder: IndexBuilder, src: ZipSource, label: string): number {
  let n = 0;
  try {
    for (const f of zipFiles(src)) {
      if (!f.name.endsWith('.json')) continue;
      addRecord(builder, decoder.decode(f.data), `${label}:${f.name}`);
      n++;
    }
  } catch (e) {
    if (isZipError(e))
      throw new ShipgateError('VULN_DB', `${label}: corrupt zip archive (${e.message})`, {
        hint: 'download the archive again or remove the cached copy',
      });
    throw e;
  }
  return n;
}

/** addZip over a file on disk, read entry by entry. */
export function addZipFile(builder: IndexBuilder, path: string, label: string): number {
  const fd = openSync(path, 'r');
  try {
    return addZip(builder, fileSource(fd), label);
  } finally {
    closeSync(fd);
  }
}

/** Loads a directory tree or zip of OSV records, keeping only the given ecosystem archives (all when undefined). */
export function loadLocalDatabase(path: string, ecosystems?: readonly string[]): IndexedVulnDatabase {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ShipgateError('VULN_DB', `vulnerability data not found: ${path}`, {
      hint: 'pass a directory or .zip of OSV JSON files to --vuln-db',
    });
  }
  const builder = new IndexBuilder(ecosystems ? new Set(ecosystems) : undefined);
  let count = 0;
  if (st.isDirectory()) {
    for (const f of jsonFiles(path)) {
      addRecord(builder, readFileSync(f, 'utf8'), f);
      count++;
    }
  } else {
    count = addZipFile(builder, path, path);
  }
  logger().info(`vulnerability data: ${count} OSV records from ${path}`);
  return new IndexedVulnDatabase(builder.compiled(), `osv files (${path})`);
}
