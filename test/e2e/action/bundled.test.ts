/**
 * Runs the bundled action (dist/index.js) the way the runner does: node on the file, inputs as INPUT_*
 * variables (name upper-cased, hyphens kept), GITHUB_* variables, event payload files, output and summary
 * files, and GITHUB_API_URL pointing at the fake GitHub API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSarif } from '../../support/sarif-validate';
import { FakeGitHub, type FakeGitHubOptions } from '../../support/fake-github';
import { ROOT, runAction, SHA, useBundledAction } from '../../support/action';

useBundledAction();
const HEAD = '2'.repeat(40);

const BAD = `FROM node:latest
WORKDIR /app
COPY . .
RUN npm install
EXPOSE 3000
CMD npm start
`;
const GOOD = `# syntax=docker/dockerfile:1
FROM golang:1.23-bookworm@sha256:${'a'.repeat(64)} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot@sha256:${'b'.repeat(64)}
COPY --from=build /out/app /app
USER 65532:65532
HEALTHCHECK NONE
ENTRYPOINT ["/app"]
`;

const fakes: FakeGitHub[] = [];
async function fake(o: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const f = await new FakeGitHub(o).start();
  fakes.push(f);
  return f;
}
afterAll(async () => {
  for (const f of fakes) await f.stop();
});

const prPayload = (fork: boolean) => ({
  pull_request: {
    number: 5,
    merge_commit_sha: SHA,
    head: { sha: HEAD, ref: 'feature', repo: { full_name: fork ? 'stranger/web' : 'acme/web' } },
    base: { sha: '3'.repeat(40), ref: 'main', repo: { full_name: 'acme/web' } },
  },
});

describe('bundled action (dist/index.js)', () => {
  it('push: refuses the bad Dockerfile, uploads valid SARIF, writes outputs, summary and annotations, exits 1', async () => {
    const gh = await fake();
    const r = await runAction({
      inputs: { dockerfile: 'app/Dockerfile', token: gh.token },
      event: 'push',
      payload: { ref: 'refs/heads/main', after: SHA },
      fake: gh,
      files: { 'app/Dockerfile': BAD },
    });
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs.approved).toBe('false');
    expect(r.outputs['sarif-file']).toBe('shipgate.sarif');
    const sarif = JSON.parse(readFileSync(join(r.ws, 'shipgate.sarif'), 'utf8')) as Log;
    const results = sarif.runs.flatMap((run) => run.results ?? []);
    const json = JSON.parse(readFileSync(join(r.ws, 'shipgate.json'), 'utf8')) as {
      findings: { suppressed?: unknown; severity: string }[];
    };
    const active = json.findings.filter((f) => !f.suppressed);
    expect(Number(r.outputs.findings)).toBe(active.length);
    for (const s of ['critical', 'high', 'medium', 'low'])
      expect(Number(r.outputs[s])).toBe(active.filter((f) => f.severity === s).length);
    expect(results.length).toBeGreaterThanOrEqual(active.length);
    const reasons = JSON.parse(r.outputs.reasons!) as { blocking: boolean; message: string }[];
    expect(reasons.some((x) => x.blocking)).toBe(true);
    // The failure line carries the same reasons.
    expect(r.stdout).toContain(
      `::error::shipgate: not approved: ${reasons.filter((x) => x.blocking)[0]!.message}`,
    );
    // Annotations on the Dockerfile lines.
    expect(r.stdout).toMatch(/::(error|warning) (title=[^,]*,)?file=app\/Dockerfile,line=\d+/);
    // GitHub shows at most 10 annotations per level per step; shipgate stays within that.
    const levels = r.stdout.split('\n').map((l) => /^::(error|warning)\b/.exec(l)?.[1]);
    expect(levels.filter((l) => l === 'warning').length).toBeLessThanOrEqual(10);
    expect(levels.filter((l) => l === 'error').length).toBeLessThanOrEqual(11); // + the failure line
    expect(r.summary).toMatch(/^## shipgate: ❌ not approved\n/);
    for (const reason of reasons) expect(r.summary).toContain(reason.message.slice(0, 30));
    // The upload the fake received is the SARIF file (GitHub-limited), for the push ref and commit.
    expect(gh.uploads).toHaveLength(1);
    const u = gh.uploads[0]!;
    expect(u.body).toMatchObject({ ref: 'refs/heads/main', commit_sha: SHA, tool_name: 'shipgate' });
    expect(u.errors).toEqual([]);
    expect(u.sarif!.runs.map((x) => x.automationDetails?.id)).toEqual(
      sarif.runs.map((x) => x.automationDetails?.id),
    );
    expect(r.outputs['sarif-id']).toBe(u.id);
    const v = await validateSarif(sarif);
    expect(v.schemaErrors).toEqual([]);
    expect(v.multitoolErrors).toEqual([]);
  });

  it('pull_request: approves the good Dockerfile, uploads to the merge ref, writes the PR comment, exits 0', async () => {
    const gh = await fake();
    const r = await runAction({
      inputs: { dockerfile: 'Dockerfile', token: gh.token, 'pr-comment': 'true', 'fail-on': 'critical' },
      event: 'pull_request',
      ref: 'refs/pull/5/merge',
      payload: prPayload(false),
      fake: gh,
      files: { Dockerfile: GOOD },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.approved).toBe('true');
    expect(gh.uploads[0]!.body).toMatchObject({ ref: 'refs/pull/5/merge', commit_sha: SHA });
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toMatch(/^<!-- shipgate:[^>]+ -->\n## shipgate: ✅ approved\n/);
    expect(r.summary).toMatch(/^## shipgate: ✅ approved\n/);
    // File links point at the scanned commit.
    if (r.summary.includes('/blob/')) expect(r.summary).toContain(`https://github.com/acme/web/blob/${SHA}/`);
    // The token is masked: the runner is told to hide it, and it appears nowhere else.
    expect(r.stdout).toContain(`::add-mask::${gh.token}`);
    expect(r.stdout.replace(`::add-mask::${gh.token}`, '')).not.toContain(gh.token);
  });

  it('fork pull_request: the 403 on upload is a warning; the gate alone decides the exit code', async () => {
    const gh = await fake({ mode: 'forbidden' });
    const r = await runAction({
      inputs: { dockerfile: 'Dockerfile', token: gh.token, 'fail-on': 'none' },
      event: 'pull_request',
      ref: 'refs/pull/5/merge',
      payload: prPayload(true),
      fake: gh,
      files: { Dockerfile: GOOD },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /::warning title=shipgate%3A code scanning::SARIF not uploaded: pull requests from forks get a read-only token/,
    );
    expect(r.outputs.approved).toBe('true');
    expect(gh.uploads).toHaveLength(0);
  });

  it('a bad input fails with one line and exit code 2, without a stack trace', async () => {
    const r = await runAction({
      inputs: { dockerfile: 'Dockerfile', 'fail-on': 'urgent', 'upload-sarif': 'false' },
      event: 'push',
      payload: {},
      files: { Dockerfile: GOOD },
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('::error::shipgate: error [USAGE]: input fail-on: invalid value "urgent"');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    const bad = await runAction({
      inputs: { dockerfile: 'Dockerfile', 'upload-sarif': 'false' },
      event: 'push',
      payload: {},
      files: { Dockerfile: GOOD, 'shipgate.yaml': 'version: 1\ngate:\n  fail-on: urgent\n' },
    });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(
      '::error::shipgate: error [CONFIG_INVALID]: shipgate.yaml: gate.fail-on: invalid value "urgent" (expected one of critical, high, medium, low, info, none)',
    );
  });

  it('the repository examples: go-good is approved and node-bad refused, as example.yml expects', async () => {
    const files = {
      'examples/go-good/Dockerfile': readFileSync(join(ROOT, 'examples', 'go-good', 'Dockerfile'), 'utf8'),
      'examples/node-bad/Dockerfile': readFileSync(join(ROOT, 'examples', 'node-bad', 'Dockerfile'), 'utf8'),
    };
    const good = await runAction({
      inputs: { dockerfile: 'examples/go-good/Dockerfile', 'upload-sarif': 'false' },
      event: 'push',
      payload: {},
      files,
    });
    expect(good.code, good.stdout).toBe(0);
    expect(good.outputs.approved).toBe('true');
    const bad = await runAction({
      inputs: { dockerfile: 'examples/node-bad/Dockerfile', 'upload-sarif': 'false' },
      event: 'push',
      payload: {},
      files,
    });
    expect(bad.code).toBe(1);
    expect(bad.outputs.approved).toBe('false');
  });
});
