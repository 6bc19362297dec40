/**
 * Mangled real Dockerfiles (truncated, lines dropped or duplicated, bytes flipped) must either lint or fail
 * with a one-line DOCKERFILE_PARSE error — never any other exception. Deterministic pseudo-random choices.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { lintDockerfile } from '../../../src/dockerfile/index';
import { FIXTURES } from '../../support/tools';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NOISE = [
  '\\',
  '"',
  "'",
  '`',
  '$(',
  '<<EOF',
  '[',
  ']',
  '{',
  '#',
  '\n',
  '\r\n',
  '|',
  '&&',
  ';',
  '\t',
  '\u00e9',
  '\ufffd',
];

function mangle(text: string, r: () => number): string {
  const lines = text.split('\n');
  switch (Math.floor(r() * 4)) {
    case 0:
      return text.slice(0, Math.floor(r() * text.length));
    case 1:
      return lines.filter(() => r() > 0.15).join('\n');
    case 2: {
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, ...lines.slice(i, i + 3));
      return lines.join('\n');
    }
    default: {
      let out = text;
      for (let k = 0; k < 8; k++) {
        const at = Math.floor(r() * out.length);
        out = out.slice(0, at) + (NOISE[Math.floor(r() * NOISE.length)] as string) + out.slice(at + 1);
      }
      return out;
    }
  }
}

describe('robustness', () => {
  it('never throws anything but a clean DOCKERFILE_PARSE error on mangled input', async () => {
    const dir = join(FIXTURES, 'dockerfiles');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('Dockerfile'))
      .filter((_, i) => i % 3 === 0);
    const r = rng(20260101);
    let parsed = 0;
    let rejected = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (let k = 0; k < 3; k++) {
        const content = mangle(text, r);
        try {
          await lintDockerfile({ path: f, content });
          parsed++;
        } catch (e) {
          rejected++;
          expect(e instanceof ShipgateError, `${f} variant ${k}: ${String(e)}`).toBe(true);
          expect((e as ShipgateError).code).toBe('DOCKERFILE_PARSE');
          expect((e as Error).message).toMatch(new RegExp(`^${f.replace(/[.+]/g, '\\$&')}:\\d+: [^\\n]+$`));
        }
      }
    }
    expect(parsed).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(0);
  });
});
