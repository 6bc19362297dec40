/** The action's exit-code input: the step's exit code when the policy refuses the image, and nothing else. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runSourceAction } from '../../support/action-source';

const ws = mkdtempSync(join(tmpdir(), 'shipgate-action-exit-'));
// Runs as root: one high finding, refused at the default threshold.
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
    },
    inputs,
  );
}

describe('action input exit-code', () => {
  it('is the exit code of a refused scan', async () => {
    const { code, log } = await action({ dockerfile: 'Dockerfile', 'exit-code': '3' });
    expect(code).toBe(3);
    expect(log).toMatch(/::error::shipgate: not approved: /);
  });

  it('0 reports the refusal as a warning and passes the step', async () => {
    const { code, log } = await action({ dockerfile: 'Dockerfile', 'exit-code': '0' });
    expect(code).toBe(0);
    expect(log).toMatch(/::warning::shipgate: not approved: /);
    expect(log).not.toMatch(/::error::/);
  });

  it('leaves errors their own exit codes', async () => {
    expect((await action({ dockerfile: 'missing.Dockerfile', 'exit-code': '3' })).code).toBe(2);
  });

  it('the severity input hides what it does not list, and the refusal goes with it', async () => {
    const { code, log } = await action({ dockerfile: 'Dockerfile', severity: 'CRITICAL', 'exit-code': '3' });
    expect(code).toBe(0);
    expect(log).toMatch(/hidden by severity CRITICAL/);
  });
});
