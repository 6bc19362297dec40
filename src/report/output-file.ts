/** Where report bytes leave shipgate: files and standard output, each through the mask on the way out. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ShipgateError } from '../core/errors';
import { mask } from '../core/logger';

/** Writes the masked text to path, creating its folder; returns the absolute path. */
export async function writeReportFile(path: string, text: string): Promise<string> {
  const abs = resolve(path);
  try {
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, mask(text));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ShipgateError('INPUT', `cannot write ${path} (${code})`, {
      hint: 'check the path and its permissions',
    });
  }
  return abs;
}

export function writeReportStdout(text: string): void {
  process.stdout.write(mask(text));
}
