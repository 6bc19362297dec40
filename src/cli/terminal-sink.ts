import cliProgress, { type SingleBar } from 'cli-progress';
import type { LogLevel, LogSink } from '../core/logger';
import { progressLine, type ProgressState } from '../core/progress';
import { tagged } from './log-line';

// cli-progress is CommonJS: its classes are read from the default export (no named ESM exports).
const { Format, MultiBar } = cliProgress;

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
