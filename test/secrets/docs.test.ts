import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { ruleHelpUri } from '../../src/core/finding';
import { SECRETS_DOCS, renderRuleDocs } from '../../src/secrets';
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

describe('docs/rules/secrets.md', () => {
  const md = renderRuleDocs(SECRETS_DOCS);
  it('matches the rule metadata', async () => checkDocs('secrets.md', md));
  it('has an anchor for every rule, as ruleHelpUri links to', () => {
    for (const r of SECRETS_DOCS.rules) {
      expect(ruleHelpUri(r)).toMatch(new RegExp(`rules/secrets\\.md#${r.id.toLowerCase()}$`));
      expect(md).toContain(`<a id="${r.id.toLowerCase()}"></a>`);
    }
  });
});
