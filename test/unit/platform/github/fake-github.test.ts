/** The fake API must reject what GitHub rejects, or the upload tests prove nothing. */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Log, Run } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../../../support/fake-github';

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await new FakeGitHub({ validate: false, pendingPolls: 0 }).start();
});
afterAll(() => gh.stop());

const run = (category: string, results = 0): Run => ({
  tool: { driver: { name: 'shipgate', rules: [{ id: 'R1' }] } },
  automationDetails: { id: category },
  results: Array.from({ length: results }, () => ({ ruleId: 'R1', message: { text: 'x' } })),
});

async function post(
  body: Record<string, unknown>,
  token = gh.token,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const res = await fetch(`${gh.url}/repos/acme/web/code-scanning/sarifs`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, data: (await res.json()) as Record<string, unknown> };
}

const sarif = (log: Log) => gzipSync(JSON.stringify(log)).toString('base64');
const base = { commit_sha: 'a'.repeat(40), ref: 'refs/heads/main' };

async function processed(id: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${gh.url}/repos/acme/web/code-scanning/sarifs/${String(id)}`, {
    headers: { authorization: `token ${gh.token}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('fake GitHub code scanning API', () => {
  it('checks the token, required fields, the SHA and the ref format', async () => {
    const ok = sarif({ version: '2.1.0', runs: [run('a/')] });
    expect((await post({ ...base, sarif: ok }, 'nope')).status).toBe(401);
    expect((await post({ ref: base.ref, sarif: ok })).status).toBe(422);
    expect((await post({ ...base, commit_sha: 'abc', sarif: ok })).status).toBe(422);
    for (const ref of ['main', 'refs/pull/1/merged', 'refs/pull/x/head'])
      expect((await post({ ...base, ref, sarif: ok })).status, ref).toBe(422);
    for (const ref of ['refs/heads/a/b', 'refs/tags/v1', 'refs/pull/12/merge', 'refs/pull/12/head'])
      expect((await post({ ...base, ref, sarif: ok })).status, ref).toBe(202);
    expect((await post({ ...base, sarif: Buffer.from('{}').toString('base64') })).status).toBe(400);
  });

  it('rejects more than 10 MB gzipped with 413', async () => {
    const big = randomBytes(10 * 1000 * 1000 + 1).toString('base64');
    expect((await post({ ...base, sarif: big })).status).toBe(413);
  });

  it('fails processing for too many runs, duplicate categories and too many results', async () => {
    const cases: [Log, RegExp][] = [
      [
        { version: '2.1.0', runs: Array.from({ length: 21 }, (_, i) => run(`c${i}/`)) },
        /more runs than allowed \(21 > 20\)/,
      ],
      [{ version: '2.1.0', runs: [run('same/'), run('same/')] }, /multiple runs with the same category/],
      [
        { version: '2.1.0', runs: [run('a/', 25_001)] },
        /more results per run than allowed \(25001 > 25000\)/,
      ],
    ];
    for (const [log, error] of cases) {
      const r = await post({ ...base, sarif: sarif(log) });
      expect(r.status).toBe(202);
      const status = await processed(r.data.id);
      expect(status.processing_status).toBe('failed');
      expect((status.errors as string[]).join('\n')).toMatch(error);
    }
    const good = await post({ ...base, sarif: sarif({ version: '2.1.0', runs: [run('a/', 3), run('b/')] }) });
    expect(await processed(good.data.id)).toMatchObject({ processing_status: 'complete', errors: [] });
  });
});
