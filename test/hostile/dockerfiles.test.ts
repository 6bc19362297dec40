/**
 * Hostile Dockerfiles through the CLI: each either lints (exit 0/1) where Docker would build it, or ends in
 * exit 2 with one error line naming the file where Docker refuses it too. Never a stack trace, always within
 * a time and a peak-memory bound.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shipgate, suiteTmp, type CliRun } from './support';

const tmp = suiteTmp('dockerfiles');
const MiB = 1024 ** 2;
/**
 * The bound on the CLI's CPU time: at least 15 s, or eight times what a one-line Dockerfile takes (the CLI
 * starts from the sources through tsx). A quadratic blow-up (10,000 stages once took 35 s on an idle machine)
 * still exceeds it; a busy CI runner, which stretches wall time, does not.
 */
let timeBoundMs = 15_000;
// Peak RSS of the whole CLI process. The largest cases peak near 260 MB on Node 20 and 800 MB on Node 24 (most
// of it outside the JavaScript heap); the bound is there to catch growth without limit, not to pin either.
const MEMORY_BOUND = 1024 * MiB;
// Spawning the CLI from the sources (tsx) takes a few seconds on a busy machine; the bound is per run.
const TEST_TIMEOUT = 60_000;

beforeAll(async () => {
  const file = join(tmp, 'baseline.Dockerfile');
  writeFileSync(file, 'FROM alpine:3.20\n');
  const baseline = await shipgate(['lint', file]);
  expect(baseline.cpuMs).toBeGreaterThan(0);
  timeBoundMs = Math.max(15_000, 8 * baseline.cpuMs);
}, TEST_TIMEOUT);

function write(name: string, content: string | Buffer): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

async function run(args: string[]): Promise<CliRun> {
  const r = await shipgate(args);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.cpuMs).toBeGreaterThan(0);
  expect(r.cpuMs).toBeLessThan(timeBoundMs);
  expect(r.maxRss).toBeGreaterThan(0);
  expect(r.maxRss).toBeLessThan(MEMORY_BOUND);
  return r;
}

/** Exit 2 with exactly one error line, naming the file and matching `message`. */
function expectRefused(r: CliRun, file: string, code: string, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('shipgate: error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^shipgate: error \\[${code}\\]: `));
  expect(errors[0]).toContain(file);
  expect(errors[0]).toMatch(message);
}

/** Exit 0 or 1 (findings), no error line. */
function expectLinted(r: CliRun): void {
  expect([0, 1], r.stderr).toContain(r.code);
  expect(r.stderr).not.toContain('shipgate: error');
}

describe('hostile Dockerfiles', { timeout: TEST_TIMEOUT }, () => {
  it('binary content is refused (exit 2)', async () => {
    // No NUL byte, so the control characters among the random bytes give it away.
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((i * 7919 + 13) % 255);
    const file = write('binary.Dockerfile', bytes);
    expectRefused(await run(['lint', file]), file, 'DOCKERFILE_PARSE', /binary content/);
  });

  it('invalid UTF-8 bytes in an otherwise valid file lint, as Docker builds them (exit 0/1)', async () => {
    const file = write(
      'invalid-utf8.Dockerfile',
      Buffer.concat([
        Buffer.from('FROM alpine:3.20\n# caf'),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
        Buffer.from('\nLABEL note="'),
        Buffer.from([0xe2, 0x82]),
        Buffer.from('"\nRUN echo \x80\x81 > /x\nUSER 1000\n'),
      ]),
    );
    const r = await run(['lint', file, '--format', 'json']);
    expectLinted(r);
    expect(JSON.parse(r.stdout)).toHaveProperty('findings');
  });

  it('a file over the 4 MiB cap is refused (exit 2)', async () => {
    const file = write('big.Dockerfile', `FROM alpine:3.20\n${'# padding line\n'.repeat(300_000)}`);
    expectRefused(await run(['lint', file]), file, 'INPUT', /too large for a Dockerfile/);
  });

  it('10,000 stages lint, as Docker builds them (exit 0/1)', async () => {
    const stages = Array.from({ length: 10_000 }, (_, i) => `FROM alpine:3.20 AS s${i}\nRUN echo ${i}\n`);
    const file = write('stages.Dockerfile', `${stages.join('')}USER 1000\n`);
    expectLinted(await run(['lint', file]));
  });

  it('10,000 RUN lines lint, as Docker builds them (exit 0/1)', async () => {
    const runs = Array.from({ length: 10_000 }, (_, i) => `RUN echo ${i} >> /log\n`).join('');
    const file = write('runs.Dockerfile', `FROM alpine:3.20\n${runs}USER 1000\n`);
    expectLinted(await run(['lint', file]));
  });

  it('one 1 MB line lints, as Docker builds it (exit 0/1)', async () => {
    const words = Array.from({ length: 100_000 }, (_, i) => `a${i % 100000}`.padEnd(9, 'x')).join(' ');
    const file = write(
      'long-line.Dockerfile',
      `FROM alpine:3.20\nRUN echo ${words.slice(0, MiB)}\nUSER 1000\n`,
    );
    expectLinted(await run(['scan', '--dockerfile', file]));
  });

  it('moderately nested quotes and $(...) in RUN lint, as Docker builds them (exit 0/1)', async () => {
    let script = 'x';
    for (let i = 0; i < 40; i++) script = `"$(echo ${script})"`;
    const file = write('nested.Dockerfile', `FROM alpine:3.20\nRUN echo ${script}\nUSER 1000\n`);
    expectLinted(await run(['lint', file]));
  });

  it('quotes and $(...) nested thousands deep in RUN are refused past the nesting bound (exit 2)', async () => {
    const depth = 2500;
    const script = `${'"$(echo '.repeat(depth)}x${')"'.repeat(depth)}`;
    const file = write('deep-nested.Dockerfile', `FROM alpine:3.20\nRUN echo ${script}\n`);
    expectRefused(await run(['lint', file]), file, 'DOCKERFILE_PARSE', /:2: RUN: .*nests more than/);
  });

  it('a command behind thousands of wrappers (sudo sudo ...) is refused past the wrapper bound (exit 2)', async () => {
    const deep = write('wrappers.Dockerfile', `FROM alpine:3.20\nRUN ${'sudo '.repeat(20_000)}echo hi\n`);
    expectRefused(await run(['lint', deep]), deep, 'DOCKERFILE_PARSE', /:2: RUN: .*more than 32 wrappers/);
    // A few wrappers, as real scripts write them, still lint and the wrapped command is still checked.
    const few = write(
      'few-wrappers.Dockerfile',
      `FROM alpine:3.20\nRUN sudo -E env A=1 nice -n 5 apk add curl\nUSER 1000\n`,
    );
    const r = await run(['lint', few, '--format', 'json']);
    expectLinted(r);
    expect(r.stdout).toContain('"SG-DF-018"');
  });

  it('an unterminated heredoc is refused, as Docker refuses it (exit 2)', async () => {
    const file = write('heredoc.Dockerfile', 'FROM alpine:3.20\nRUN <<EOF\napk add curl\necho done\n');
    expectRefused(
      await run(['scan', '--dockerfile', file]),
      file,
      'DOCKERFILE_PARSE',
      /unterminated heredoc/,
    );
  });

  it('`# escape=` set to an odd character is refused, as Docker refuses it (exit 2)', async () => {
    const file = write('escape.Dockerfile', '# escape=x\nFROM alpine:3.20\nRUN echo a x\n  b\n');
    expectRefused(await run(['lint', file]), file, 'DOCKERFILE_PARSE', /escape/);
  });
});
