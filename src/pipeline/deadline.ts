/**
 * The whole-scan deadline. The work gets an AbortSignal (streams and requests that take one stop early);
 * whatever does not listen, the deadline still ends the wait with a TIMEOUT error, never a hang.
 */
import { ShipgateError } from '../core/errors';

/** `15m`, `90s`, `1h`, `1h30m` or plain seconds; 0 means no deadline. Returns milliseconds. */
export function parseDuration(text: string, what: string): number {
  const t = text.trim();
  const bad = (): never => {
    throw new ShipgateError('USAGE', `${what}: invalid duration "${text.slice(0, 40)}"`, {
      hint: 'use e.g. 15m, 90s, 1h or 0 for no limit',
    });
  };
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!t || !m) return bad();
  const [, h = '0', min = '0', s = '0'] = m;
  return ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

/** Runs `work` with a deadline of `ms` (none when undefined or 0). */
export async function withDeadline<T>(
  ms: number | undefined,
  work: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  if (!ms) return work(undefined);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new ShipgateError('TIMEOUT', `the scan did not finish within ${formatDuration(ms)}`, {
        hint: 'raise the limit with --timeout (or SHIPGATE_TIMEOUT), e.g. --timeout 30m',
      });
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
