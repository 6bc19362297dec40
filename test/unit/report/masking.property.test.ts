/**
 * Property test for the output stage's masking: secret-looking tokens registered with addSecret and planted
 * in a scan result (finding messages, layer history, package names) never appear in any report
 * writeReports writes, in any format.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addSecret, clearSecrets } from '../../../src/core/logger';
import type { ScanResult } from '../../../src/core/result';
import { writeReports, type ReportRequest } from '../../../src/report/write';
import { scanResult } from '../../support/gitlab/fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-masking-'));
afterAll(() => {
  clearSecrets();
  rmSync(tmp, { recursive: true, force: true });
});

const ALPHABETS = [
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  '0123456789abcdef',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
];
const token = fc
  .constantFrom(...ALPHABETS)
  .chain((alphabet) =>
    fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: 12, maxLength: 60 }),
  )
  // Random enough that no report text contains it by chance.
  .filter((t) => new Set(t).size >= 6);

/** Every file under `dir`, recursively, as text. */
function readAll(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? readAll(p) : [readFileSync(p, 'utf8')];
  });
}

/** The fixture result with the tokens planted in every place untrusted text reaches a report. */
function planted(tokens: string[]): ScanResult {
  const r = scanResult();
  const at = (i: number): string => tokens[i % tokens.length]!;
  r.findings = r.findings.map((f, i) => ({
    ...f,
    message: `${f.message} (value ${at(i)})`,
    ...(f.image ? { image: { ...f.image, createdBy: `/bin/sh -c TOKEN=${at(i + 1)} make` } } : {}),
  }));
  r.image = {
    ...r.image!,
    layers: r.image!.layers.map((l, i) => ({ ...l, createdBy: `/bin/sh -c echo ${at(i + 2)} > /x` })),
  };
  r.packages = r.packages.map((p, i) => ({
    ...p,
    name: `${p.name}-${at(i + 3)}`,
    createdBy: `RUN install ${at(i + 4)}`,
  }));
  return r;
}

let run = 0;

describe('output stage masking', () => {
  it('no registered token appears in any report format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(token, { minLength: 1, maxLength: 5 }), async (tokens) => {
        clearSecrets();
        for (const t of tokens) addSecret(t);
        const dir = join(tmp, `r${run++}`);
        const requests: ReportRequest[] = [
          ...(['text', 'json', 'sarif', 'summary', 'cyclonedx', 'spdx'] as const).map((format) => ({
            format,
            path: join(dir, `report.${format}`),
          })),
          { format: 'gitlab', path: join(dir, 'gitlab') },
        ];
        await writeReports(planted(tokens), requests, { repoRoot: tmp });
        const outputs = readAll(dir);
        expect(outputs.length).toBeGreaterThanOrEqual(requests.length);
        for (const out of outputs)
          for (const t of tokens) {
            expect(out).not.toContain(t);
            // Markdown and other escapes must not let a token through either.
            expect(out.replace(/\\/g, '')).not.toContain(t);
          }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
