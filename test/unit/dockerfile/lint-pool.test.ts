import { describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, lintDockerfilesParallel, workerCount } from '../../../src/dockerfile/lint-pool';
import { lintDockerfiles } from '../../../src/dockerfile/lint';

describe('workerCount', () => {
  it('starts no worker for a few files or on up to three cores', () => {
    expect(workerCount(1, {}, 8)).toBe(0);
    expect(workerCount(2 * FILES_PER_WORKER - 1, {}, 8)).toBe(0);
    expect(workerCount(1000, {}, 1)).toBe(0);
    expect(workerCount(1000, {}, 2)).toBe(0);
    expect(workerCount(1000, {}, 3)).toBe(0);
  });

  it('adds one worker per FILES_PER_WORKER files beyond the first share and per two cores, at most three', () => {
    expect(workerCount(1000, {}, 4)).toBe(1);
    expect(workerCount(1000, {}, 6)).toBe(2);
    expect(workerCount(2 * FILES_PER_WORKER, {}, 16)).toBe(1);
    expect(workerCount(3 * FILES_PER_WORKER, {}, 16)).toBe(2);
    expect(workerCount(300, {}, 64)).toBe(3);
  });

  it('follows SHIPGATE_LINT_WORKERS, never more workers than files less one', () => {
    expect(workerCount(300, { SHIPGATE_LINT_WORKERS: '0' }, 8)).toBe(0);
    expect(workerCount(300, { SHIPGATE_LINT_WORKERS: '5' }, 2)).toBe(5);
    expect(workerCount(3, { SHIPGATE_LINT_WORKERS: '5' }, 2)).toBe(2);
    expect(workerCount(300, { SHIPGATE_LINT_WORKERS: '' }, 4)).toBe(1);
    expect(() => workerCount(300, { SHIPGATE_LINT_WORKERS: '-1' }, 2)).toThrow(/not a number/);
  });
});

describe('lintDockerfilesParallel without a built worker', () => {
  it('lints on this thread, as lintDockerfiles does', async () => {
    const inputs = Array.from({ length: 60 }, (_, i) => ({
      path: `d${i}/Dockerfile`,
      content: `FROM debian:12\nRUN apt-get update && apt-get install -y curl${i}\n`,
    }));
    const got = await lintDockerfilesParallel(inputs, {}, undefined);
    expect(got).toEqual(await lintDockerfiles(inputs, {}));
    expect(got).toHaveLength(60);
    expect(got[7]!.findings.some((f) => f.location?.path === 'd7/Dockerfile')).toBe(true);
  });
});
