/**
 * `shipgate lint` over many files on worker threads (src/dockerfile/lint-pool.ts) gives exactly what it gives
 * on one thread: the same report, the same decision, and for bad input the same first error and exit code.
 * The workers exist only in the bundle, so the bundled CLI runs here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, runCli } from '../../support/bundle';
import { FIXTURES } from '../../support/tools';

const REAL = join(FIXTURES, 'dockerfiles');
const files = readdirSync(REAL)
  .filter((f) => f.includes('Dockerfile'))
  .sort()
  .map((f) => join(REAL, f));

let dir: string;
beforeAll(async () => {
  await ensureBundle();
  dir = mkdtempSync(join(tmpdir(), 'shipgate-lint-workers-'));
  writeFileSync(join(dir, 'policy.yaml'), 'version: 1\ndockerfile:\n  shellcheck: false\n');
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The report without its start and end times. */
function report(path: string): unknown {
  const { startedAt, finishedAt, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<
    string,
    unknown
  >;
  expect(typeof startedAt).toBe('string');
  expect(typeof finishedAt).toBe('string');
  return rest;
}

async function lint(workers: string | undefined, out: string, targets: string[] = files) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (workers === undefined) delete env.SHIPGATE_LINT_WORKERS;
  else env.SHIPGATE_LINT_WORKERS = workers;
  return runCli(
    ['lint', ...targets, '-c', join(dir, 'policy.yaml'), '--format', 'json', '-o', join(dir, out), '-q'],
    dir,
    env,
  );
}

describe('lint on worker threads', () => {
  it(`gives the one-thread report on ${files.length} real Dockerfiles`, async () => {
    expect(files.length).toBeGreaterThanOrEqual(300);
    const one = await lint('0', 'one.json');
    const three = await lint('3', 'three.json');
    const auto = await lint(undefined, 'auto.json');
    expect(one.code).toBe(1);
    expect(three.code).toBe(one.code);
    expect(auto.code).toBe(one.code);
    const expected = report(join(dir, 'one.json')) as { findings: unknown[]; dockerfiles: unknown[] };
    expect(expected.findings.length).toBeGreaterThan(1000);
    expect(expected.dockerfiles).toHaveLength(files.length);
    expect(report(join(dir, 'three.json'))).toEqual(expected);
    expect(report(join(dir, 'auto.json'))).toEqual(expected);
  }, 300_000);

  it('fails on the first invalid Dockerfile in input order, with the same message and exit code', async () => {
    const bad = (n: number) => {
      const path = join(dir, `bad-${n}.Dockerfile`);
      writeFileSync(path, `RUN echo before any FROM ${n}\nFROM debian:12\n`);
      return path;
    };
    // Two bad files far apart, so on several threads the later one may well fail first.
    const targets = [...files.slice(0, 40), bad(1), ...files.slice(40, 90), bad(2), ...files.slice(90, 120)];
    const one = await lint('0', 'bad-one.json', targets);
    const three = await lint('3', 'bad-three.json', targets);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('bad-1.Dockerfile');
    expect(one.stderr).not.toContain('bad-2.Dockerfile');
    expect(three.code).toBe(one.code);
    expect(three.stderr).toBe(one.stderr);
  }, 300_000);

  it('refuses a worker count that is not a number', async () => {
    const run = await lint('many', 'never.json', files.slice(0, 30));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SHIPGATE_LINT_WORKERS=many is not a number');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
