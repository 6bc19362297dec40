/**
 * docs/rules/*.md are rendered from the registry's rules by one renderer: each committed page equals the rendering
 * (as the repository's formatter leaves it), and every rule has the anchor its help URI links to and its sections.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules, ruleDocsPages } from '../../../src/analyzers/registry';
import { IMG_RULE_META } from '../../../src/config';
import { ruleHelpUri } from '../../../src/core/finding';
import { renderRuleDocs, type RuleDocsPage } from '../../../src/core/rule-docs';
import { ROOT } from '../../support/tools';

let pages: { file: string; page: RuleDocsPage }[] = [];
beforeAll(async () => {
  pages = await ruleDocsPages();
});

describe('docs/rules', () => {
  it('has one page for every rule kind but vulnerabilities, together holding every rule but SG-OS-001', async () => {
    expect(pages.map((p) => p.file)).toEqual([
      'dockerfile.md',
      'manifests.md',
      'secrets.md',
      'image-config.md',
      'malware.md',
    ]);
    const documented = pages.flatMap((p) => p.page.rules.map((r) => r.id));
    const all = (await allRules()).filter((r) => r.kind !== 'vulnerability').map((r) => r.id);
    expect([...new Set(documented)].sort()).toEqual([...new Set(all)].sort());
  });

  it('the image-configuration families together document every SG-IMG rule once, with complete metadata', () => {
    const rules = pages.find((p) => p.file === 'image-config.md')!.page.rules;
    expect(rules.map((r) => r.id)).toEqual(IMG_RULE_META.map((r) => r.id));
    for (const r of rules) {
      expect(r.id).toMatch(/^SG-IMG-\d{3}$/);
      expect(r.tags).toContain('security');
    }
  });

  it('gives every rule the anchor its help URI links to, with what/why/fix and equivalents', () => {
    for (const { file, page } of pages) {
      const md = renderRuleDocs(page);
      for (const r of page.rules) {
        const anchor = r.id.toLowerCase();
        expect(ruleHelpUri(r)).toMatch(new RegExp(`rules/${file.replace('.', '\\.')}#${anchor}$`));
        const section = md.slice(md.indexOf(`<a id="${anchor}"></a>`)).split('\n<a id=')[0] ?? '';
        expect(section, `${file} ${r.id}`).toContain(`## ${r.id}: `);
        for (const part of [
          '**What it checks.**',
          '**Why it matters.**',
          '**How to fix.**',
          '**Equivalent checks.**',
        ])
          expect(section, `${file} ${r.id}`).toContain(part);
        for (const id of r.equivalents?.hadolint ?? []) expect(section).toContain(id);
      }
    }
  });

  it('is up to date (regenerate with SHIPGATE_UPDATE_DOCS=1 npx vitest run test/analyzers/rule-docs.test.ts)', async () => {
    for (const { file, page } of pages) {
      const path = join(ROOT, 'docs', 'rules', file);
      const expected = await format(renderRuleDocs(page), { ...(await resolveConfig(path)), filepath: path });
      if (process.env.SHIPGATE_UPDATE_DOCS === '1') writeFileSync(path, expected);
      expect(existsSync(path), `${path} missing: run with SHIPGATE_UPDATE_DOCS=1`).toBe(true);
      expect(readFileSync(path, 'utf8'), file).toBe(expected);
    }
  });
});
