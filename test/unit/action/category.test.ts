/** The action's category input: codeql-action's category, each part's run a subcategory of it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runSourceAction } from '../../support/action-source';
import { validateSarif } from '../../support/sarif-validate';

const ws = mkdtempSync(join(tmpdir(), 'shipgate-action-category-'));
writeFileSync(join(ws, 'Dockerfile'), 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n');
writeFileSync(join(ws, 'outputs'), '');
afterAll(() => rmSync(ws, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = 0;
});

/** Runs the action from the sources with the real pipeline; returns the exit code and the runner commands. */
function action(inputs: Record<string, string>): Promise<{ code: number; log: string }> {
  return runSourceAction(
    {
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: join(ws, 'outputs'),
      'INPUT_UPLOAD-SARIF': 'false',
      INPUT_SUMMARY: 'false',
      INPUT_ANNOTATIONS: 'false',
      'INPUT_FAIL-ON': 'none',
    },
    inputs,
  );
}

const ids = (file: string): string[] =>
  (JSON.parse(readFileSync(join(ws, file), 'utf8')) as Log).runs.map((r) => r.automationDetails?.id ?? '');

describe('action input category', () => {
  it("is the category of the upload, as codeql-action's; the part is its last segment", async () => {
    const { code } = await action({ dockerfile: 'Dockerfile', category: 'web', 'sarif-file': 'web.sarif' });
    expect(code).toBe(0);
    expect(ids('web.sarif')).toEqual(['web/dockerfile/', 'web/secret/']);
    const v = await validateSarif(JSON.parse(readFileSync(join(ws, 'web.sarif'), 'utf8')) as Log);
    expect([...v.schemaErrors, ...v.multitoolErrors]).toEqual([]);
  });

  it('unset keeps the category of earlier releases, so existing alerts stay matched', async () => {
    expect((await action({ dockerfile: 'Dockerfile', 'sarif-file': 'default.sarif' })).code).toBe(0);
    expect(ids('default.sarif')).toEqual(['shipgate/dockerfile/dockerfile/', 'shipgate/secret/dockerfile/']);
  });

  it('refuses a control character before scanning, with a one-line error and exit 2', async () => {
    const { code, log } = await action({ dockerfile: 'Dockerfile', category: 'web\u0007x' });
    expect(code).toBe(2);
    expect(log).toMatch(/::error::.*input category: the category contains a control character/);
  });
});
