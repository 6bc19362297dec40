/**
 * A registry that accepts connections and never answers: the scan's deadline (--timeout, SHIPGATE_TIMEOUT)
 * ends it with one TIMEOUT line and exit 4 instead of hanging. docs/cli.md documents the flag as --help
 * prints it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/pipeline/deadline';
import { ROOT } from '../support/tools';
import { shipgate } from './support';

let server: Server;
let port = 0;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('hostile servers: a stalled registry ends at the scan deadline', () => {
  it('--timeout 2s', async () => {
    const start = Date.now();
    const r = await shipgate([
      'scan',
      '--image',
      `127.0.0.1:${port}/app:1`,
      '--scanners',
      'secret',
      '--timeout',
      '2s',
    ]);
    expect(r.code).toBe(4);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^shipgate: error \[TIMEOUT\]: the scan did not finish within 2s \(hint: raise the limit with --timeout/,
    );
    expect(Date.now() - start).toBeLessThan(20_000);
  });

  it('SHIPGATE_TIMEOUT when no flag is given', async () => {
    const r = await shipgate(['scan', '--image', `127.0.0.1:${port}/app:1`, '--scanners', 'secret'], {
      env: { SHIPGATE_TIMEOUT: '1s' },
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error [TIMEOUT]: the scan did not finish within 1s');
  });

  it('an invalid duration is a usage error', async () => {
    const r = await shipgate(['scan', '--image', 'docker-archive:x.tar', '--timeout', '5 minutes']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^shipgate: error \[USAGE\]: --timeout: invalid duration "5 minutes"/);
  });
});

describe('the scan deadline: durations and documentation', () => {
  it('parses and formats durations', () => {
    expect(parseDuration('15m', 't')).toBe(900_000);
    expect(parseDuration('90', 't')).toBe(90_000);
    expect(parseDuration('1h30m', 't')).toBe(5_400_000);
    expect(parseDuration('0', 't')).toBe(0);
    for (const bad of ['', 'm', '-5s', '1d', '1.5m'])
      expect(() => parseDuration(bad, 't')).toThrow(/invalid duration/);
    expect([formatDuration(900_000), formatDuration(3_600_000), formatDuration(90_000)]).toEqual([
      '15m',
      '1h',
      '90s',
    ]);
  });

  it('docs/cli.md shows scan --help and the exit codes as the CLI prints them', async () => {
    const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    expect(doc).toContain((await shipgate(['scan', '--help'])).stdout.trimEnd());
    expect(doc).toContain('4 remote service error\nor timeout.');
  });
});
