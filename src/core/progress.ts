/**
 * Progress of long work (downloads, the layer walk) as plain data and text: the front doors' sinks render it
 * as a bar on a terminal or as a line every few seconds in a CI log. Pure: the clock is passed in.
 */

export interface ProgressState {
  label: string;
  /** Bytes (or items) done so far. */
  done: number;
  /** The whole, when known. */
  total?: number;
  unit: 'bytes' | 'items';
  /** performance.now() when the work started, and now. */
  startedAt: number;
  now: number;
  finished: boolean;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 kB" (decimal units, as registries and download tools show sizes). */
export function formatBytes(n: number): string {
  let v = Math.max(0, n);
  let i = 0;
  while (v >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[i]}`;
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** Units per second so far; undefined before a meaningful interval has passed. */
function rate(state: ProgressState): number | undefined {
  const seconds = (state.now - state.startedAt) / 1000;
  return seconds >= 0.5 && state.done > 0 ? state.done / seconds : undefined;
}

/** "downloading OSV npm data: 12.3 MB of 80.0 MB (15%), 4.1 MB/s, about 16 s left". */
export function progressLine(state: ProgressState): string {
  const amount = (n: number) => (state.unit === 'bytes' ? formatBytes(n) : String(n));
  const parts: string[] = [];
  if (state.total !== undefined && state.total > 0) {
    const pct = Math.min(100, Math.floor((state.done / state.total) * 100));
    parts.push(`${amount(state.done)} of ${amount(state.total)} (${pct}%)`);
  } else parts.push(amount(state.done));
  const r = rate(state);
  if (r !== undefined) {
    parts.push(state.unit === 'bytes' ? `${formatBytes(r)}/s` : `${r.toFixed(1)}/s`);
    if (!state.finished && state.total !== undefined && state.total > state.done)
      parts.push(`about ${formatSeconds((state.total - state.done) / r)} left`);
  }
  if (state.finished) parts.push(`done in ${formatSeconds((state.now - state.startedAt) / 1000)}`);
  return `${state.label}: ${parts.join(', ')}`;
}
