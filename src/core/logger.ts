/**
 * The one logger. Everything shipgate prints about its work (not reports) goes through here, so secrets
 * registered with addSecret() are masked everywhere, every line is one printable line whatever untrusted
 * text it carries, and each front door decides where lines go.
 */
import { progressLine, type ProgressState } from './progress';
import { printable } from './text';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  write(level: LogLevel, line: string): void;
  /** Called once per registered secret, for sinks with their own masking (GitHub `::add-mask::`). */
  secret?(value: string): void;
  /** A collapsible section of the log begins (GitHub `::group::`, GitLab `section_start`). Never nested. */
  group?(title: string): void;
  endGroup?(): void;
  /** Progress of long work, for sinks that draw it (a terminal bar); the others get a line now and then. */
  progress?(state: ProgressState): void;
  /** Stops drawing (a terminal's bars): the command is over, or an error cut its work short. */
  close?(): void;
}

/** How often a CI log gets a progress line for long work. */
export const PROGRESS_INTERVAL_MS = 5000;

/** Long work reporting how far it got. */
export interface Progress {
  /** Adds to what is done (bytes or items). */
  add(n: number): void;
  done(): void;
}

class ProgressReporter implements Progress {
  private readonly state: ProgressState;
  private lastLine: number;
  private printed = false;

  constructor(
    private readonly sinkList: LogSink[],
    private readonly clock: () => number,
    label: string,
    total: number | undefined,
    unit: ProgressState['unit'],
  ) {
    const now = clock();
    this.state = { label, done: 0, unit, startedAt: now, now, finished: false };
    if (total !== undefined) this.state.total = total;
    this.lastLine = now;
  }

  add(n: number): void {
    if (this.state.finished) return;
    this.state.done += n;
    this.emit();
  }

  done(): void {
    if (this.state.finished) return;
    this.state.finished = true;
    this.emit();
  }

  private emit(): void {
    this.state.now = this.clock();
    const due = this.state.now - this.lastLine >= PROGRESS_INTERVAL_MS;
    // A finished piece of work gets a closing line only where progress lines were printed for it.
    const line = (this.state.finished ? this.printed : due)
      ? printable(mask(progressLine(this.state)))
      : undefined;
    for (const sink of this.sinkList) {
      if (sink.progress) sink.progress({ ...this.state });
      else if (line !== undefined) sink.write('info', line);
    }
    if (line !== undefined) {
      this.lastLine = this.state.now;
      this.printed = true;
    }
  }
}

const SILENT: Progress = { add() {}, done() {} };
let groupDepth = 0;

const secrets = new Set<string>();

/** Registers a value that must never be printed; it is replaced by *** in every log line and report. */
export function addSecret(value: string | undefined): void {
  if (!value || value.length < 4 || secrets.has(value)) return;
  secrets.add(value);
  for (const sink of sinks) sink.secret?.(value);
}

/** Replaces every registered secret in the text. */
export function mask(text: string): string {
  if (secrets.size === 0) return text;
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***');
  return out;
}

/**
 * Forgets one secret. A long-running service registers every credential it reads and forgets it once the
 * request is answered, so the set does not grow with every request.
 */
export function forgetSecret(value: string | undefined): void {
  if (value) secrets.delete(value);
}

/** Test helper: forget registered secrets. */
export function clearSecrets(): void {
  secrets.clear();
}

const sinks: LogSink[] = [];

export class Logger {
  constructor(
    private readonly sinkList: LogSink[],
    public level: LogLevel = 'info',
    private readonly prefix = '',
  ) {}

  debug(msg: string): void {
    this.log('debug', msg);
  }
  info(msg: string): void {
    this.log('info', msg);
  }
  warn(msg: string): void {
    this.log('warn', msg);
  }
  error(msg: string): void {
    this.log('error', msg);
  }

  enabled(level: LogLevel): boolean {
    return LEVELS[level] >= LEVELS[this.level];
  }

  /** The clock progress is measured with (tests set a fake one). */
  clock: () => number = () => performance.now();

  /** Reports progress of long work: a bar on a terminal, a line every few seconds in a CI log. */
  progress(label: string, options: { total?: number; unit?: ProgressState['unit'] } = {}): Progress {
    if (!this.enabled('info')) return SILENT;
    return new ProgressReporter(
      this.sinkList,
      this.clock,
      printable(mask(`${this.prefix}${label}`)),
      options.total,
      options.unit ?? 'bytes',
    );
  }

  /** Runs work inside a collapsible log section where the sink has them; nested calls do not nest. */
  async group<T>(title: string, work: () => Promise<T>): Promise<T> {
    if (!this.enabled('info') || groupDepth > 0) return work();
    groupDepth++;
    const line = printable(mask(title));
    for (const s of this.sinkList) s.group?.(line);
    try {
      return await work();
    } finally {
      for (const s of this.sinkList) s.endGroup?.();
      groupDepth--;
    }
  }

  /** A child logger that prefixes its lines, e.g. "[image] ". */
  child(prefix: string): Logger {
    const child = new Logger(this.sinkList, this.level, `${this.prefix}${prefix}`);
    child.clock = this.clock;
    return child;
  }

  /** Runs work with start/finish lines and the elapsed time at debug level (progress on long work). */
  async step<T>(title: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    this.info(`${title}...`);
    try {
      return await work();
    } finally {
      this.debug(`${title}: done in ${Math.round(performance.now() - t0)} ms`);
    }
  }

  private log(level: LogLevel, msg: string): void {
    if (!this.enabled(level)) return;
    const line = printable(mask(`${this.prefix}${msg}`));
    for (const s of this.sinkList) s.write(level, line);
  }
}

/** Writes to stderr, keeping stdout for reports. */
const stderrSink: LogSink = {
  write(level, line) {
    const tag = level === 'warn' ? 'warning: ' : level === 'error' ? 'error: ' : '';
    process.stderr.write(`${tag}${line}\n`);
  },
};

/** Collects lines in memory (tests). */
export class MemorySink implements LogSink {
  lines: { level: LogLevel; line: string }[] = [];
  write(level: LogLevel, line: string): void {
    this.lines.push({ level, line });
  }
  text(): string {
    return this.lines.map((l) => `${l.level}: ${l.line}`).join('\n');
  }
}

let current: Logger | undefined;

/** The process-wide logger, configured by the front door at start. */
export function logger(): Logger {
  current ??= new Logger([stderrSink], process.env.SHIPGATE_LOG_LEVEL === 'debug' ? 'debug' : 'info');
  return current;
}

export function setLogger(l: Logger, sinkList: LogSink[] = []): void {
  current = l;
  sinks.length = 0;
  sinks.push(...sinkList);
  for (const s of secrets) for (const sink of sinkList) sink.secret?.(s);
}
