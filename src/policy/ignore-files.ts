/** Finds and reads trivy ignore files: `.trivyignore` / `.trivyignore.yaml` at the repository root, and named ones. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { ShipgateError } from '../core/errors';
import {
  isYamlIgnoreFile,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
  type TrivyIgnoreEntry,
} from './trivyignore';

/** Read from the repository root when present, in this order. */
const TRIVY_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml'] as const;

// An ignore list is a few kilobytes; this bounds a mistaken path (a log, an image tarball).
const MAX_IGNORE_FILE_BYTES = 4 * 1024 * 1024;

export interface IgnoreFile {
  /** The path as reports show it: relative to the repository root when inside it. */
  source: string;
  entries: TrivyIgnoreEntry[];
}

/**
 * The root's trivy ignore files, then the named ones (relative paths resolve against the working
 * directory); a file named twice is read once.
 */
export function readIgnoreFiles(repoRoot: string, named: readonly string[] = []): IgnoreFile[] {
  const seen = new Set<string>();
  const out: IgnoreFile[] = [];
  const add = (abs: string, given: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push(readIgnoreFile(abs, given, repoRoot));
  };
  for (const name of TRIVY_IGNORE_FILES) {
    const abs = resolve(repoRoot, name);
    if (existsSync(abs) && statSync(abs).isFile()) add(abs, name);
  }
  for (const given of named) {
    const abs = resolve(given);
    if (!existsSync(abs))
      throw new ShipgateError('NOT_FOUND', `ignore file ${given} does not exist`, {
        hint: 'check the --ignorefile flag or the trivyignores input',
      });
    if (!statSync(abs).isFile())
      throw new ShipgateError('INPUT', `ignore file ${given} is not a regular file`, {
        hint: 'give the path of a .trivyignore or .trivyignore.yaml file',
      });
    add(abs, given);
  }
  return out;
}

function readIgnoreFile(abs: string, given: string, repoRoot: string): IgnoreFile {
  const rel = relative(repoRoot, abs);
  const source = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : given;
  if (statSync(abs).size > MAX_IGNORE_FILE_BYTES)
    throw new ShipgateError('CONFIG_INVALID', `${source} is larger than ${MAX_IGNORE_FILE_BYTES >> 20} MiB`, {
      hint: 'an ignore file lists ids, one a line; check the path',
    });
  const text = readFileSync(abs, 'utf8');
  const entries = isYamlIgnoreFile(basename(abs))
    ? parseTrivyIgnoreYaml(text, source)
    : parseTrivyIgnore(text, source);
  return { source, entries };
}
