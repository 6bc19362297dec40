import { describe, expect, it } from 'vitest';
import { IMAGE_CONFIG_DOCS, IMG_RULE_META } from '../../src/config';
import { ruleHelpUri } from '../../src/core/finding';
import { renderRuleDocs } from '../../src/secrets';
import { checkDocs } from '../secrets/docs-check';

describe('docs/rules/image-config.md', () => {
  const md = renderRuleDocs(IMAGE_CONFIG_DOCS);
  it('matches the rule metadata', async () => checkDocs('image-config.md', md));
  it('documents every rule with complete metadata and an anchor', () => {
    expect(new Set(IMG_RULE_META.map((r) => r.id)).size).toBe(IMG_RULE_META.length);
    for (const r of IMG_RULE_META) {
      expect(r.id).toMatch(/^SG-IMG-\d{3}$/);
      expect(r.tags).toContain('security');
      expect(ruleHelpUri(r)).toMatch(new RegExp(`rules/image-config\\.md#${r.id.toLowerCase()}$`));
      expect(md).toContain(`<a id="${r.id.toLowerCase()}"></a>`);
    }
  });
});
