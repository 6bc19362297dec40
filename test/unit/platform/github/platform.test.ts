import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../../src/core/errors';
import { MemorySink, Logger, setLogger } from '../../../../src/core/logger';
import {
  appendJobSummary,
  commentMarker,
  createClient,
  omittedNote,
  planAnnotations,
  readGitHubContext,
  uploadSarif,
  upsertPrComment,
  type GitHubContext,
} from '../../../../src/platform/github';
import { toSarif } from '../../../../src/report/sarif';
import { FILES, REPO_ROOT, fullResult, hugeResult, readFile, RULES } from '../../../support/report-fixtures';
import { FakeGitHub, type FakeGitHubOptions } from '../../../support/fake-github';

const SHA = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);

function ctxFor(fake: FakeGitHub, over: Partial<GitHubContext> = {}): GitHubContext {
  const env = {
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: SHA,
    GITHUB_API_URL: fake.url,
    GITHUB_WORKSPACE: REPO_ROOT,
  };
  return { ...readGitHubContext(env, { payload: {}, workspaceHead: null }), ...over };
}

const fakes: FakeGitHub[] = [];
async function fake(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const f = await new FakeGitHub(opts).start();
  fakes.push(f);
  return f;
}
afterEach(async () => {
  while (fakes.length) await fakes.pop()!.stop();
});

let sink: MemorySink;
beforeAll(() => {
  sink = new MemorySink();
  setLogger(new Logger([sink], 'debug'));
});

describe('readGitHubContext', () => {
  const prPayload = (fork: boolean) => ({
    pull_request: {
      number: 42,
      merge_commit_sha: SHA,
      head: { sha: HEAD, ref: 'feature', repo: { full_name: fork ? 'someone/web' : 'acme/web' } },
      base: { sha: 'c'.repeat(40), ref: 'main', repo: { full_name: 'acme/web' } },
    },
  });
  const env = (event: string, ref: string) => ({
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_EVENT_NAME: event,
    GITHUB_REF: ref,
    GITHUB_SHA: SHA,
    GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
    GITHUB_SERVER_URL: 'https://ghe.example.com',
    GITHUB_RUN_ID: '77',
  });

  it('push: GITHUB_REF and GITHUB_SHA, GHES API URL', () => {
    const c = readGitHubContext(env('push', 'refs/heads/main'), { payload: {}, workspaceHead: SHA });
    expect(c).toMatchObject({
      ref: 'refs/heads/main',
      sha: SHA,
      apiUrl: 'https://ghe.example.com/api/v3',
      isFork: false,
      owner: 'acme',
      repo: 'web',
    });
  });

  it('pull_request on the default merge checkout: the merge ref with the merge commit GITHUB_SHA', () => {
    const c = readGitHubContext(env('pull_request', 'refs/pull/42/merge'), {
      payload: prPayload(false),
      workspaceHead: SHA,
    });
    expect(c).toMatchObject({ ref: 'refs/pull/42/merge', sha: SHA, headCheckout: false, isFork: false });
    expect(c.pullRequest).toMatchObject({ number: 42, headSha: HEAD, baseRef: 'main' });
  });

  it('pull_request with the head checked out: the head ref with the head SHA', () => {
    const c = readGitHubContext(env('pull_request', 'refs/pull/42/merge'), {
      payload: prPayload(true),
      workspaceHead: HEAD,
    });
    expect(c).toMatchObject({ ref: 'refs/pull/42/head', sha: HEAD, headCheckout: true, isFork: true });
  });

  it('pull_request_target: base branch unless the PR head is checked out', () => {
    const e = { ...env('pull_request_target', 'refs/heads/main'), GITHUB_SHA: 'c'.repeat(40) };
    expect(readGitHubContext(e, { payload: prPayload(true), workspaceHead: 'c'.repeat(40) })).toMatchObject({
      ref: 'refs/heads/main',
      sha: 'c'.repeat(40),
      isFork: true,
    });
    expect(readGitHubContext(e, { payload: prPayload(true), workspaceHead: HEAD })).toMatchObject({
      ref: 'refs/pull/42/head',
      sha: HEAD,
    });
  });

  it('merge_group and workflow_dispatch use GITHUB_REF/GITHUB_SHA; reads the payload file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-ctx-'));
    try {
      const path = join(dir, 'event.json');
      writeFileSync(
        path,
        JSON.stringify({
          merge_group: { head_sha: SHA, head_ref: 'refs/heads/gh-readonly-queue/main/pr-1-x' },
        }),
      );
      const c = readGitHubContext(
        { ...env('merge_group', 'refs/heads/gh-readonly-queue/main/pr-1-x'), GITHUB_EVENT_PATH: path },
        { workspaceHead: null },
      );
      expect(c).toMatchObject({ ref: 'refs/heads/gh-readonly-queue/main/pr-1-x', sha: SHA });
      expect(
        readGitHubContext(env('workflow_dispatch', 'refs/tags/v1'), { payload: {}, workspaceHead: null }).ref,
      ).toBe('refs/tags/v1');
      writeFileSync(path, '{');
      expect(() => readGitHubContext({ ...env('push', 'refs/heads/main'), GITHUB_EVENT_PATH: path })).toThrow(
        ShipgateError,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('uploadSarif against the fake API', () => {
  const log = () => toSarif(fullResult(), { repoRoot: REPO_ROOT, readFile });

  it('uploads gzip+base64 SARIF with ref, sha and checkout URI, then polls until complete', async () => {
    const gh = await fake({ pendingPolls: 2 });
    const client = createClient(gh.token, { baseUrl: gh.url, backoffMs: 10 });
    const out = await uploadSarif(client, ctxFor(gh), log(), {
      startedAt: '2026-01-02T03:04:05.678Z',
      pollIntervalMs: 10,
    });
    expect(out.status).toBe('complete');
    expect(gh.uploads).toHaveLength(1);
    const u = gh.uploads[0]!;
    expect(u.errors).toEqual([]);
    expect(u.polls).toBe(3);
    expect(u.body).toMatchObject({
      commit_sha: SHA,
      ref: 'refs/heads/main',
      started_at: '2026-01-02T03:04:05Z',
      tool_name: 'shipgate',
      checkout_uri: `file://${REPO_ROOT}`,
    });
    expect(u.sarif).toEqual(out.uploaded);
    expect(u.sarif!.runs.map((r) => r.automationDetails?.id)).toEqual(
      log().runs.map((r) => r.automationDetails?.id),
    );
  });

  // Builds and gzips SARIF files of GitHub's limits (tens of MB): slow on a loaded machine.
  it(
    'trims to GitHub limits before upload, with a warning, and the fake accepts the result',
    { timeout: 120_000 },
    async () => {
      const gh = await fake({ validate: false });
      const client = createClient(gh.token, { baseUrl: gh.url, backoffMs: 10 });
      const big = toSarif(hugeResult(26_000), { repoRoot: REPO_ROOT, readFile });
      const out = await uploadSarif(client, ctxFor(gh), big, { pollIntervalMs: 5 });
      expect(out.status).toBe('complete');
      expect(out.warnings.join('\n')).toMatch(/result/);
      const results = gh.uploads[0]!.sarif!.runs.map((r) => r.results?.length ?? 0);
      expect(Math.max(...results)).toBeLessThanOrEqual(25_000);
      expect(gh.uploads[0]!.errors).toEqual([]);
    },
  );

  it('a trimmed log still passes GitHub processing (schema and multitool with GitHub rule kinds)', async () => {
    const gh = await fake();
    const client = createClient(gh.token, { baseUrl: gh.url, backoffMs: 10 });
    const log = toSarif(hugeResult(120), { repoRoot: REPO_ROOT, readFile });
    const total = log.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
    const out = await uploadSarif(client, ctxFor(gh), log, {
      pollIntervalMs: 5,
      limits: { maxResultsPerRun: 50 },
    });
    expect(out.status).toBe('complete');
    const kept = gh.uploads[0]!.sarif!.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
    expect(kept).toBeLessThan(total);
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(gh.uploads[0]!.errors).toEqual([]);
  });

  it('explains 403 for a fork and for a read-only token, and 404 when code scanning is off, without failing', async () => {
    const gh = await fake({ mode: 'forbidden' });
    const client = createClient(gh.token, { baseUrl: gh.url, backoffMs: 10 });
    const fork = await uploadSarif(client, ctxFor(gh, { isFork: true }), log());
    expect(fork.status).toBe('skipped');
    expect(fork.warnings.at(-1)).toMatch(
      /forks get a read-only token .*HTTP 403: Resource not accessible by integration/,
    );
    const ro = await uploadSarif(client, ctxFor(gh), log());
    expect(ro.warnings.at(-1)).toContain('security-events: write');
    const off = await fake({ mode: 'disabled' });
    const out = await uploadSarif(createClient(off.token, { baseUrl: off.url }), ctxFor(off), log());
    expect(out.status).toBe('skipped');
    expect(out.warnings.at(-1)).toContain('code scanning is not enabled for this repository');
  });

  it('retries 5xx with backoff, and gives a one-line error when the API stays down', async () => {
    const gh = await fake({ mode: 'flaky', failures: 2, validate: false });
    const out = await uploadSarif(
      createClient(gh.token, { baseUrl: gh.url, backoffMs: 5 }),
      ctxFor(gh),
      log(),
      { pollIntervalMs: 5 },
    );
    expect(out.status).toBe('complete');
    expect(gh.requests.slice(0, 3).map((r) => r.status)).toEqual([502, 502, 202]);
    const down = await fake({ mode: 'down' });
    const err = await uploadSarif(
      createClient(down.token, { baseUrl: down.url, backoffMs: 5, attempts: 3 }),
      ctxFor(down),
      log(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShipgateError);
    expect((err as ShipgateError).code).toBe('GITHUB_API');
    expect((err as ShipgateError).message).toBe('code scanning upload failed: HTTP 502: Server Error');
    expect(down.requests).toHaveLength(3);
  });

  it('reports processing errors and bad credentials', async () => {
    const gh = await fake({ validate: false });
    const bad = log();
    bad.runs.push(structuredClone(bad.runs[0]!));
    const err = await uploadSarif(createClient(gh.token, { baseUrl: gh.url }), ctxFor(gh), bad, {
      pollIntervalMs: 5,
    }).catch((e: unknown) => e);
    expect((err as ShipgateError).message).toMatch(
      /^code scanning rejected the SARIF upload sarif-1: A delivery cannot contain multiple runs with the same category/,
    );
    const auth = await uploadSarif(createClient('wrong-token', { baseUrl: gh.url }), ctxFor(gh), log()).catch(
      (e: unknown) => e,
    );
    expect((auth as ShipgateError).code).toBe('AUTH');
    const ref = await uploadSarif(
      createClient(gh.token, { baseUrl: gh.url }),
      ctxFor(gh, { ref: 'main' }),
      log(),
    ).catch((e: unknown) => e);
    expect((ref as ShipgateError).code).toBe('INPUT');
  });
});

describe('annotations', () => {
  it('keeps the 10 most severe errors and warnings with locations and counts the rest', () => {
    const findings = fullResult().findings;
    const plan = planAnnotations(findings, RULES, { errors: 2, warnings: 1 });
    const located = findings.filter((f) => !f.suppressed && f.location);
    const errors = located.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
    const warnings = located.filter((f) => f.severity === 'medium' || f.severity === 'low').length;
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(Math.min(2, errors));
    expect(plan.omitted).toEqual({ error: Math.max(0, errors - 2), warning: Math.max(0, warnings - 1) });
    for (const a of plan.annotations) {
      expect(FILES[a.file]).toBeDefined();
      expect(a.startLine).toBeGreaterThan(0);
    }
    if (plan.omitted.error) expect(omittedNote(plan)).toMatch(/more not annotated/);
  });
});

describe('PR comment', () => {
  it('creates the comment once and then updates it in place', async () => {
    const gh = await fake();
    const client = createClient(gh.token, { baseUrl: gh.url });
    const ctx = ctxFor(gh, { pullRequest: { number: 7, headSha: HEAD, headRef: 'f', baseRef: 'main' } });
    for (let i = 0; i < 120; i++) gh.comments.push({ id: 1000 + i, body: `other ${i}`, issue: 7 });
    const first = await upsertPrComment(client, ctx, 'shipgate/app', 'first');
    const second = await upsertPrComment(client, ctx, 'shipgate/app', 'second');
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const mine = gh.comments.filter((c) => c.body.includes(commentMarker('shipgate/app')));
    expect(mine.map((c) => c.body)).toEqual([`${commentMarker('shipgate/app')}\nsecond`]);
  });
});

describe('job summary', () => {
  it('appends to GITHUB_STEP_SUMMARY', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-sum-'));
    try {
      const file = join(dir, 'summary.md');
      writeFileSync(file, '# before\n');
      expect(appendJobSummary('## shipgate', { GITHUB_STEP_SUMMARY: file })).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('# before\n## shipgate\n');
      expect(appendJobSummary('x', {})).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
