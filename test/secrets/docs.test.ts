import { describe, expect, it } from 'vitest';
import { ruleHelpUri } from '../../src/core/finding';
import { SECRETS_DOCS, renderRuleDocs } from '../../src/secrets';
import { checkDocs } from './docs-check';

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
