/** Finds and reads the Kubernetes manifests a front door named: files, folders (recursively) and `-` for stdin. */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ShipgateError } from '../core/errors';
import { repoRelative } from './paths';
import { compareText } from '../core/order';

/** A manifest stream larger than this is refused (a rendered chart of a large platform stays far below it). */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
/** A folder holding more YAML files than this is not a manifest folder. */
const MAX_MANIFEST_FILES = 5_000;

const YAML_FILE = /\.ya?ml$/i;
/** Folders that hold no manifests of this repository. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'vendor']);

export interface ManifestInput {
  /** As reported: relative to the repository root, or `-` for stdin. */
  path: string;
  content: string;
}

async function readBounded(stream: AsyncIterable<Buffer | string>, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += b.length;
    if (total > MAX_MANIFEST_BYTES)
      throw new ShipgateError(
        'INPUT',
        `${name} is larger than ${MAX_MANIFEST_BYTES} bytes, too large for manifests`,
        {
          hint: 'split the manifests into several files',
        },
      );
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => compareText(a.name, b.name));
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(join(dir, e.name), out);
    } else if (e.isFile() && YAML_FILE.test(e.name)) {
      out.push(join(dir, e.name));
      if (out.length > MAX_MANIFEST_FILES)
        throw new ShipgateError('INPUT', `${dir}: more than ${MAX_MANIFEST_FILES} YAML files`, {
          hint: 'name the manifest folders themselves, not the repository root',
        });
    }
  }
}

/** The files behind each path (a folder gives its .yaml/.yml files, sorted), read; `-` reads stdin once. */
export async function readManifests(
  paths: readonly string[],
  repoRoot: string,
  stdin: AsyncIterable<Buffer | string> = process.stdin,
): Promise<ManifestInput[]> {
  const out: ManifestInput[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ path: '-', content: await readBounded(stdin, 'standard input') });
      continue;
    }
    const abs = resolve(path);
    const s = await stat(abs).catch(() => undefined);
    if (!s)
      throw new ShipgateError('NOT_FOUND', `manifest path ${path} does not exist`, {
        hint: 'check the path (it is relative to the working directory)',
      });
    const files: string[] = [];
    if (s.isDirectory()) {
      await walk(abs, files);
      // A folder with nothing to lint must not pass as if it had been checked.
      if (files.length === 0)
        throw new ShipgateError('INPUT', `${path} is a folder without .yaml or .yml files`, {
          hint: 'name a Dockerfile, or a folder or file of Kubernetes manifests',
        });
    } else files.push(abs);
    for (const f of files)
      out.push({
        path: repoRelative(repoRoot, f),
        content: await readBounded(
          createReadStream(f, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>,
          f,
        ),
      });
  }
  return out;
}
