/** The audit cache: what it remembers, when a pass stops counting, and that a bad file is never trusted. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Logger, MemorySink, setLogger } from '../../../src/core/logger';
import { AuditCache, expectationsFingerprint } from '../../../src/pipeline/audit-cache';

const A = `r.example/acme/app@sha256:${'a'.repeat(64)}`;
const B = `r.example/acme/app@sha256:${'b'.repeat(64)}`;
const OTHER = `r.example/acme/api@sha256:${'c'.repeat(64)}`;
const NOW = new Date('2026-06-01T00:00:00Z');

describe('audit cache', () => {
  let dir: string;
  let path: string;
  let sink: MemorySink;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipgate-audit-cache-'));
    path = join(dir, 'cache.json');
    sink = new MemorySink();
    setLogger(new Logger([sink], 'info'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers passes and signature manifests for the same fingerprint, atomically written', async () => {
    const cache = await AuditCache.load(path, 'f1');
    cache.auditing('r.example/acme/app');
    expect(cache.hasPassed(A, NOW)).toBe(false);
    cache.rememberPass(A, { verifiedAt: NOW.toISOString() });
    cache.rememberSignatureManifest(B);
    await cache.save();
    expect(readdirSync(dir)).toEqual(['cache.json']);
    const again = await AuditCache.load(path, 'f1');
    expect(again.hasPassed(A, NOW)).toBe(true);
    expect(again.isSignatureManifest(B)).toBe(true);
  });

  it('forgets everything when the expectations changed', async () => {
    const cache = await AuditCache.load(path, 'f1');
    cache.rememberPass(A, { verifiedAt: NOW.toISOString() });
    await cache.save();
    const other = await AuditCache.load(path, 'f2');
    expect(other.hasPassed(A, NOW)).toBe(false);
    expect(sink.text()).toMatch(/the signer, checks or trust changed/);
  });

  it('a pass stops counting once its oldest signature reaches the maximum age', async () => {
    const cache = await AuditCache.load(path, 'f1');
    cache.rememberPass(A, { verifiedAt: NOW.toISOString(), expiresAt: '2026-06-02T00:00:00.000Z' });
    expect(cache.hasPassed(A, NOW)).toBe(true);
    expect(cache.hasPassed(A, new Date('2026-06-02T00:00:00Z'))).toBe(false);
  });

  it('drops entries of an audited repository that were not seen again, keeps other repositories', async () => {
    const first = await AuditCache.load(path, 'f1');
    first.rememberPass(A, { verifiedAt: NOW.toISOString() });
    first.rememberPass(B, { verifiedAt: NOW.toISOString() });
    first.rememberPass(OTHER, { verifiedAt: NOW.toISOString() });
    await first.save();
    const second = await AuditCache.load(path, 'f1');
    second.auditing('r.example/acme/app');
    expect(second.hasPassed(A, NOW)).toBe(true);
    await second.save();
    const third = await AuditCache.load(path, 'f1');
    expect([A, B, OTHER].map((k) => third.hasPassed(k, NOW))).toEqual([true, false, true]);
  });

  it('ignores a corrupt or foreign file with a warning', async () => {
    for (const text of [
      '{"version":1,',
      '[]',
      JSON.stringify({ version: 2, fingerprint: 'f1', passed: {}, signatureManifests: [] }),
      JSON.stringify({
        version: 1,
        fingerprint: 'f1',
        passed: { [A]: { verifiedAt: 'yesterday' } },
        signatureManifests: [],
      }),
    ]) {
      writeFileSync(path, text);
      sink.lines.length = 0;
      const cache = await AuditCache.load(path, 'f1');
      expect(cache.hasPassed(A, NOW)).toBe(false);
      expect(sink.lines).toEqual([
        { level: 'warn', line: expect.stringMatching(/not a shipgate audit cache/) },
      ]);
    }
    // Saving replaces the bad file with a good one.
    const cache = await AuditCache.load(path, 'f1');
    await cache.save();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 1, fingerprint: 'f1' });
  });

  it('the fingerprint follows the expectations and the content of the trusted root', async () => {
    const root = join(dir, 'root.json');
    writeFileSync(root, '{"a":1}');
    const expect1 = { identity: { issuer: 'https://i.example', subject: 'x' }, requiredPredicates: ['p'] };
    const f1 = await expectationsFingerprint(expect1, { trustedRoot: root });
    expect(await expectationsFingerprint(expect1, { trustedRoot: root })).toBe(f1);
    expect(await expectationsFingerprint({ ...expect1, maxAgeSeconds: 60 }, { trustedRoot: root })).not.toBe(
      f1,
    );
    writeFileSync(root, '{"a":2}');
    expect(await expectationsFingerprint(expect1, { trustedRoot: root })).not.toBe(f1);
  });
});
