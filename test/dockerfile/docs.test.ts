import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { ruleHelpUri } from '../../src/core/finding';
import { DOCKERFILE_DOCS_INTRO, dockerfileRules, renderRuleDocs } from '../../src/dockerfile/index';
import { ROOT } from '../support/tools';

const DOC = join(ROOT, 'docs', 'rules', 'dockerfile.md');
const TITLE = 'Dockerfile rules';

describe('docs/rules/dockerfile.md', () => {
  const rendered = renderRuleDocs(dockerfileRules(), TITLE, DOCKERFILE_DOCS_INTRO);

  it('has an anchor, what/why/fix and equivalents for every rule, matching its help URI', () => {
    for (const r of dockerfileRules()) {
      const anchor = r.id.toLowerCase();
      expect(rendered).toContain(`<a id="${anchor}"></a>`);
      expect(ruleHelpUri(r)).toMatch(new RegExp(`rules/dockerfile\\.md#${anchor}$`));
      const section = rendered.slice(rendered.indexOf(`<a id="${anchor}"></a>`)).split('\n<a id=')[0] ?? '';
      for (const part of [
        '**What it checks.**',
        '**Why it matters.**',
        '**How to fix.**',
        '**Equivalent checks.**',
      ])
        expect(section).toContain(part);
      for (const id of r.equivalents?.hadolint ?? []) expect(section).toContain(id);
    }
  });

  it('is up to date (regenerate with SHIPGATE_UPDATE_DOCS=1 npx vitest run test/dockerfile/docs.test.ts)', async () => {
    // The committed file is the rendering as the repository's formatter leaves it.
    const expected = await format(rendered, { ...(await resolveConfig(DOC)), filepath: DOC });
    if (process.env.SHIPGATE_UPDATE_DOCS === '1') {
      mkdirSync(dirname(DOC), { recursive: true });
      writeFileSync(DOC, expected);
    }
    expect(existsSync(DOC)).toBe(true);
    expect(readFileSync(DOC, 'utf8')).toBe(expected);
  });
});
