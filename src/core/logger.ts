/**
 * The one logger. Everything shipgate prints about its work (not reports) goes through here, so secrets
 * registered with addSecret() are masked everywhere, every line is one printable line whatever untrusted
 * text it carries, and each front door decides where lines go.
 */
import { printable } from './text';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  write(level: LogLevel, line: string): void;
  /** Called once per registered secret, for sinks with their own masking (GitHub `::add-mask::`). */
  secret?(value: string): void;
}

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

  /** A child logger that prefixes its lines, e.g. "[image] ". */
  child(prefix: string): Logger {
    return new Logger(this.sinkList, this.level, `${this.prefix}${prefix}`);
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
export const stderrSink: LogSink = {
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
