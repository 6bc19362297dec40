import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { expect } from 'vitest';
import { ROOT } from '../support/tools';

/**
 * The committed docs page must equal what the rule metadata renders, formatted as the repository formats
 * markdown (SHIPGATE_UPDATE_DOCS=1 rewrites it).
 */
export async function checkDocs(file: string, rendered: string): Promise<void> {
  const path = join(ROOT, 'docs', 'rules', file);
  const markdown = await format(rendered, { ...(await resolveConfig(path)), filepath: path });
  if (process.env.SHIPGATE_UPDATE_DOCS === '1') writeFileSync(path, markdown);
  expect(existsSync(path), `${path} missing: run with SHIPGATE_UPDATE_DOCS=1`).toBe(true);
  expect(readFileSync(path, 'utf8')).toBe(markdown);
}
