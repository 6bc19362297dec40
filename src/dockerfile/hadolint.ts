import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ShipgateError } from '../core/errors';
import type { HadolintConfig } from './options';

const NAMES = ['.hadolint.yaml', '.hadolint.yml'];

function stringList(value: unknown, key: string, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number'))
    throw new ShipgateError('CONFIG_INVALID', `${path}: "${key}" must be a list of strings`, {
      hint: `e.g. ${key}:\n  - DL3008`,
    });
  return value.map(String);
}

/** Reads `.hadolint.yaml` (or `.yml`) at the repository root; undefined when there is none. */
export async function loadHadolintConfig(repoRoot: string): Promise<HadolintConfig | undefined> {
  for (const name of NAMES) {
    const path = join(repoRoot, name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ShipgateError('CONFIG_INVALID', `${path}: cannot be read (${(e as Error).message})`, {
        cause: e,
      });
    }
    return parseHadolintConfig(text, name);
  }
  return undefined;
}

export function parseHadolintConfig(text: string, path: string): HadolintConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0] ?? 'invalid YAML';
    throw new ShipgateError('CONFIG_INVALID', `${path}: ${msg}`, { hint: 'fix the YAML syntax', cause: e });
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new ShipgateError('CONFIG_INVALID', `${path}: expected a mapping at the top level`);
  const o = doc as Record<string, unknown>;
  const disable = o['disable-ignore-pragma'];
  if (disable !== undefined && typeof disable !== 'boolean')
    throw new ShipgateError('CONFIG_INVALID', `${path}: "disable-ignore-pragma" must be true or false`);
  return {
    path,
    ignored: stringList(o.ignored, 'ignored', path),
    trustedRegistries: stringList(o.trustedRegistries, 'trustedRegistries', path),
    disableIgnorePragma: disable === true,
  };
}
