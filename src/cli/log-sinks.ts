/**
 * Where the CLI's log lines go: stderr, with progress bars on an interactive terminal, collapsible sections in
 * a GitLab job log, and plain lines (progress every few seconds) anywhere else, such as other CI systems.
 */
import type { LogSink } from '../core/logger';
import { tagged } from './log-line';

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

/**
 * The sink for this process: a terminal gets bars, a GitLab job sections, anything else plain lines. The
 * progress-bar library loads only for a terminal.
 */
export async function cliSink(
  env: NodeJS.ProcessEnv = process.env,
  stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Promise<LogSink> {
  if (env.GITLAB_CI === 'true') return gitlabSink(stream);
  if (stream.isTTY && !env.CI && env.TERM !== 'dumb') {
    const { TerminalSink } = await import('./terminal-sink');
    return new TerminalSink(stream);
  }
  return plainSink(stream);
}
