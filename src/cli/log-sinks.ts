/**
 * Where the CLI's log lines go: stderr, with progress bars on an interactive terminal, collapsible sections in
 * a GitLab job log, and plain lines (progress every few seconds) anywhere else, such as other CI systems.
 */
import cliProgress, { type SingleBar } from 'cli-progress';
import type { LogLevel, LogSink } from '../core/logger';
import { progressLine, type ProgressState } from '../core/progress';

function tagged(level: LogLevel, line: string): string {
  const tag = level === 'warn' ? 'warning: ' : level === 'error' ? 'error: ' : '';
  return `${tag}${line}\n`;
}

// cli-progress is CommonJS: its classes are read from the default export (no named ESM exports).
const { Format, MultiBar } = cliProgress;

/** Plain lines on a stream. */
export function plainSink(stream: NodeJS.WritableStream): LogSink {
  return { write: (level, line) => void stream.write(tagged(level, line)) };
}

/**
 * Plain lines on a stream, those of one turn of the event loop in one write: a service answering a burst of
 * requests writes their audit lines with one system call instead of one each. Queued lines are written
 * when the process exits.
 */
export function batchedSink(stream: NodeJS.WritableStream): LogSink {
  let queued = '';
  const flush = () => {
    if (!queued) return;
    const text = queued;
    queued = '';
    stream.write(text);
  };
  process.on('exit', flush);
  return {
    write(level, line) {
      if (!queued) setImmediate(flush);
      queued += tagged(level, line);
    },
  };
}

/** GitLab job logs fold `section_start`/`section_end` pairs; names are [a-z0-9_] and unique per job. */
export function gitlabSink(stream: NodeJS.WritableStream, now: () => number = Date.now): LogSink {
  let counter = 0;
  let open: string | undefined;
  const ESC = '\u001b[0K';
  return {
    write: (level, line) => void stream.write(tagged(level, line)),
    group(title) {
      open = `shipgate_${++counter}`;
      stream.write(
        `${ESC}section_start:${Math.floor(now() / 1000)}:${open}[collapsed=true]\r${ESC}${title}\n`,
      );
    },
    endGroup() {
      if (open === undefined) return;
      stream.write(`${ESC}section_end:${Math.floor(now() / 1000)}:${open}\r${ESC}\n`);
      open = undefined;
    },
  };
}

/** An interactive terminal: a bar per piece of long work (cli-progress), log lines printed above the bars. */
export class TerminalSink implements LogSink {
  private bars: InstanceType<typeof MultiBar> | undefined;
  private readonly active = new Map<string, SingleBar>();

  constructor(private readonly stream: NodeJS.WritableStream) {}

  write(level: LogLevel, line: string): void {
    if (this.bars) this.bars.log(tagged(level, line));
    else this.stream.write(tagged(level, line));
  }

  progress(state: ProgressState): void {
    const payload = { line: progressLine(state) };
    let bar = this.active.get(state.label);
    if (state.finished) {
      if (bar) {
        bar.update(state.done, payload);
        this.bars?.remove(bar);
        this.active.delete(state.label);
      }
      if (this.active.size === 0) this.close();
      return;
    }
    this.bars ??= new MultiBar({
      stream: this.stream,
      clearOnComplete: true,
      hideCursor: null,
      barsize: 24,
      // Work of unknown size gets no bar, only the line (bytes so far and the rate).
      format: (options, params, p: { line: string }) =>
        params.total > 0 ? `${Format.BarFormat(params.progress, options)} ${p.line}` : p.line,
      barCompleteChar: '█',
      barIncompleteChar: '░',
    });
    if (!bar) {
      bar = this.bars.create(state.total ?? 0, state.done, payload);
      this.active.set(state.label, bar);
    } else {
      if (state.total !== undefined) bar.setTotal(state.total);
      bar.update(state.done, payload);
    }
  }

  /** Stops drawing (the bars are cleared); later lines print plainly. */
  close(): void {
    this.bars?.stop();
    this.bars = undefined;
    this.active.clear();
  }
}

/** The sink for this process: a terminal gets bars, a GitLab job sections, anything else plain lines. */
export function cliSink(
  env: NodeJS.ProcessEnv = process.env,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): LogSink {
  if (env.GITLAB_CI === 'true') return gitlabSink(stream);
  if (stream.isTTY && !env.CI && env.TERM !== 'dumb') return new TerminalSink(stream);
  return plainSink(stream);
}
