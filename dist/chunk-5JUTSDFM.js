#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/core/progress.ts
var UNITS = ["B", "kB", "MB", "GB", "TB"];
function formatBytes(n) {
  let v = Math.max(0, n);
  let i = 0;
  while (v >= 1e3 && i < UNITS.length - 1) {
    v /= 1e3;
    i++;
  }
  return `${i === 0 ? v.toFixed(0) : v.toFixed(1)} ${UNITS[i]}`;
}
function formatSeconds(s) {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
function rate(state) {
  const seconds = (state.now - state.startedAt) / 1e3;
  return seconds >= 0.5 && state.done > 0 ? state.done / seconds : void 0;
}
function progressLine(state) {
  const amount = (n) => state.unit === "bytes" ? formatBytes(n) : String(n);
  const parts = [];
  if (state.total !== void 0 && state.total > 0) {
    const pct = Math.min(100, Math.floor(state.done / state.total * 100));
    parts.push(`${amount(state.done)} of ${amount(state.total)} (${pct}%)`);
  } else parts.push(amount(state.done));
  const r = rate(state);
  if (r !== void 0) {
    parts.push(state.unit === "bytes" ? `${formatBytes(r)}/s` : `${r.toFixed(1)}/s`);
    if (!state.finished && state.total !== void 0 && state.total > state.done)
      parts.push(`about ${formatSeconds((state.total - state.done) / r)} left`);
  }
  if (state.finished) parts.push(`done in ${formatSeconds((state.now - state.startedAt) / 1e3)}`);
  return `${state.label}: ${parts.join(", ")}`;
}

export {
  progressLine
};
