/**
 * Progress and log sections as each front door's log shows them: a terminal gets bars (cli-progress), a CI
 * log a line every few seconds, the Actions log ::group:: sections, a GitLab job log section_start/end, and
 * --quiet none of it.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addSecret,
  clearSecrets,
  Logger,
  MemorySink,
  PROGRESS_INTERVAL_MS,
  type LogSink,
} from '../../../src/core/logger';
import { formatBytes, progressLine } from '../../../src/core/progress';
import { batchedSink, cliSink, gitlabSink, plainSink } from '../../../src/cli/log-sinks';
import { TerminalSink } from '../../../src/cli/terminal-sink';

/** A stream that records what is written, optionally claiming to be a terminal. */
function recorder(tty = false): PassThrough & { isTTY?: boolean; columns?: number; text(): string } {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number; text(): string };
  let out = '';
  s.on('data', (d: Buffer) => (out += d.toString()));
  s.text = () => out;
  if (tty) {
    s.isTTY = true;
    s.columns = 120;
  }
  return s;
}

function fakeClock(): { now: number; fn: () => number } {
  const c = { now: 1000, fn: () => c.now };
  return c;
}

afterEach(() => clearSecrets());

describe('progress text', () => {
  it('formats sizes, percentage, rate and time left', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(80_000_000)).toBe('80.0 MB');
    const line = progressLine({
      label: 'downloading OSV npm data',
      done: 12_300_000,
      total: 80_000_000,
      unit: 'bytes',
      startedAt: 0,
      now: 3000,
      finished: false,
    });
    expect(line).toBe('downloading OSV npm data: 12.3 MB of 80.0 MB (15%), 4.1 MB/s, about 17 s left');
    expect(
      progressLine({ label: 'x', done: 5, unit: 'bytes', startedAt: 0, now: 100, finished: false }),
    ).toBe('x: 5 B');
  });
});

describe('progress in a CI log (no terminal)', () => {
  it('prints a line only every few seconds, and a closing line when lines were printed', () => {
    const sink = new MemorySink();
    const log = new Logger([sink]);
    const clock = fakeClock();
    log.clock = clock.fn;
    const p = log.progress('downloading OSV Debian data', { total: 100_000_000 });
    p.add(10_000_000);
    expect(sink.lines).toHaveLength(0);
    clock.now += PROGRESS_INTERVAL_MS;
    p.add(40_000_000);
    clock.now += 1000;
    p.add(10_000_000);
    expect(sink.lines.map((l) => l.line)).toEqual([
      'downloading OSV Debian data: 50.0 MB of 100.0 MB (50%), 10.0 MB/s, about 5 s left',
    ]);
    clock.now += 2000;
    p.add(40_000_000);
    p.done();
    expect(sink.lines.at(-1)!.line).toBe(
      'downloading OSV Debian data: 100.0 MB of 100.0 MB (100%), 12.5 MB/s, done in 8 s',
    );
    expect(sink.lines).toHaveLength(2);
  });

  it('prints nothing for quick work', () => {
    const sink = new MemorySink();
    const log = new Logger([sink]);
    const p = log.progress('reading the layers of app', { total: 10 });
    p.add(10);
    p.done();
    expect(sink.lines).toEqual([]);
  });

  it('masks secrets in the label', () => {
    addSecret('s3cr3t-token');
    const sink = new MemorySink();
    const log = new Logger([sink]);
    const clock = fakeClock();
    log.clock = clock.fn;
    const p = log.progress('downloading https://user:s3cr3t-token@mirror.example/all.zip');
    clock.now += PROGRESS_INTERVAL_MS;
    p.add(1);
    expect(sink.text()).toContain('https://user:***@mirror.example/all.zip');
    expect(sink.text()).not.toContain('s3cr3t-token');
  });
});

describe('log sections', () => {
  it('the Actions log gets one ::group:: per phase, never nested', async () => {
    const calls: string[] = [];
    const actions: LogSink = {
      write: (_l, line) => calls.push(line),
      group: (t) => calls.push(`::group::${t}`),
      endGroup: () => calls.push('::endgroup::'),
    };
    const log = new Logger([actions]);
    await log.group('shipgate: Dockerfile lint', async () => {
      log.info('Dockerfile: 3 Dockerfile findings');
      await log.group('inner', async () => log.info('inner line'));
    });
    await log.group('shipgate: image scan of oci:app', async () => log.info('layer 1/1'));
    expect(calls).toEqual([
      '::group::shipgate: Dockerfile lint',
      'Dockerfile: 3 Dockerfile findings',
      'inner line',
      '::endgroup::',
      '::group::shipgate: image scan of oci:app',
      'layer 1/1',
      '::endgroup::',
    ]);
  });

  it('a GitLab job log gets collapsed section_start/section_end pairs with unique names', async () => {
    const out = recorder();
    const log = new Logger([gitlabSink(out, () => 1_764_000_000_000)]);
    await log.group('shipgate: Dockerfile lint', async () => log.info('a line'));
    await log.group('shipgate: image scan', async () => log.warn('careful'));
    expect(out.text()).toBe(
      [
        '\u001b[0Ksection_start:1764000000:shipgate_1[collapsed=true]\r\u001b[0Kshipgate: Dockerfile lint',
        'a line',
        '\u001b[0Ksection_end:1764000000:shipgate_1\r\u001b[0K',
        '\u001b[0Ksection_start:1764000000:shipgate_2[collapsed=true]\r\u001b[0Kshipgate: image scan',
        'warning: careful',
        '\u001b[0Ksection_end:1764000000:shipgate_2\r\u001b[0K',
        '',
      ].join('\n'),
    );
  });

  it('--quiet (level warn) prints no section, no progress', async () => {
    const out = recorder();
    const log = new Logger([gitlabSink(out)], 'warn');
    const clock = fakeClock();
    log.clock = clock.fn;
    await log.group('shipgate: image scan', async () => {
      const p = log.progress('reading', { total: 10 });
      clock.now += PROGRESS_INTERVAL_MS * 2;
      p.add(5);
      p.done();
      log.warn('still shown');
    });
    expect(out.text()).toBe('warning: still shown\n');
  });
});

describe('progress on a terminal', () => {
  it('draws a bar with the line, prints log lines above it, and clears it when done', async () => {
    const out = recorder(true);
    const sink = new TerminalSink(out);
    const log = new Logger([sink]);
    const clock = fakeClock();
    log.clock = clock.fn;
    const p = log.progress('downloading OSV npm data', { total: 1_000_000 });
    clock.now += 1000;
    p.add(250_000);
    log.info('a log line while downloading');
    clock.now += 1000;
    p.add(250_000);
    await new Promise((r) => setTimeout(r, 150)); // cli-progress redraws on a timer
    const drawn = out.text();
    expect(drawn).toContain('a log line while downloading\n');
    expect(drawn).toMatch(/█+░+ downloading OSV npm data: 500\.0 kB of 1\.0 MB \(50%\), 250\.0 kB\/s/);
    p.done();
    log.info('after');
    expect(out.text().endsWith('after\n')).toBe(true);
  });

  it('is chosen only for an interactive terminal outside CI; GitLab gets sections, the rest plain lines', async () => {
    expect(await cliSink({}, recorder(true))).toBeInstanceOf(TerminalSink);
    expect(await cliSink({ CI: 'true' }, recorder(true))).not.toBeInstanceOf(TerminalSink);
    expect(await cliSink({ TERM: 'dumb' }, recorder(true))).not.toBeInstanceOf(TerminalSink);
    expect(await cliSink({}, recorder(false))).not.toBeInstanceOf(TerminalSink);
    expect((await cliSink({ GITLAB_CI: 'true', CI: 'true' }, recorder(false))).group).toBeTypeOf('function');
    expect(plainSink(recorder()).group).toBeUndefined();
  });

  it('a service writes the lines of one turn of the event loop in one write, in order', async () => {
    const out = recorder();
    const writes: string[] = [];
    const write = out.write.bind(out);
    out.write = ((chunk: string) => (writes.push(chunk), write(chunk))) as typeof out.write;
    const log = new Logger([batchedSink(out)], 'info');
    log.info('first');
    log.warn('second');
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    log.info('third');
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['first\nwarning: second\n', 'third\n']);
  });
});
