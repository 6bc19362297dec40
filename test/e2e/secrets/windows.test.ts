/**
 * Large files are scanned in overlapping windows. The reference is scanText over the whole text: the windowed
 * scan must give exactly the same matches (line, column, rule, fingerprint), none twice, wherever the secrets
 * fall relative to the window boundaries. End to end, a real image holds a 20 MiB text file with secrets in a
 * window overlap and on its very last line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import { Logger, MemorySink, clearSecrets, setLogger } from '../../../src/core/logger';
import { openImage, walkImage } from '../../../src/image';
import {
  DEFAULT_WINDOW_OVERLAP,
  DEFAULT_WINDOW_SIZE,
  scanBuildContext,
  scanText,
  scanTextWindowed,
  secretsAnalyzer,
  windowsOf,
  type SecretMatch,
} from '../../../src/secrets';
import { IMAGE_TOOLS } from '../../support/images';
import { describeWithTools } from '../../support/tools';
import { buildTestImage } from '../../support/oci-build';
import { rand, seeded } from '../../support/secret-samples';

afterAll(() => clearSecrets());

const key = (m: SecretMatch): string =>
  `${m.line}:${m.column}-${m.endLine}:${m.endColumn ?? ''} ${m.ruleId} ${m.fingerprint}`;

/** Filler lines with no secret in them, `n` characters in total (roughly). */
function filler(n: number, width = 60): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const line = `GET /api/v1/items/${i} 200 ${'.'.repeat(width % 97)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

describe('windowsOf', () => {
  it('covers the text with windows that overlap and start at line starts when possible', () => {
    const text = filler(1_000_000);
    const w = windowsOf(text, 64 * 1024, 8 * 1024);
    expect(w[0]!.start).toBe(0);
    expect(w.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < w.length; i++) {
      expect(w[i]!.start).toBeGreaterThan(w[i - 1]!.start);
      expect(w[i - 1]!.end - w[i]!.start).toBeGreaterThanOrEqual(8 * 1024);
      expect(text[w[i]!.start - 1]).toBe('\n');
    }
  });

  it('is one window for a text that fits, and refuses an overlap of more than half a window', () => {
    expect(windowsOf('abc', 10, 2)).toEqual([{ start: 0, end: 3 }]);
    expect(() => windowsOf('abc', 10, 6)).toThrow(/at least twice the overlap/);
  });
});

describe('scanTextWindowed', () => {
  const size = 64 * 1024;
  const overlap = 8 * 1024;

  /** Secrets at random places plus some right around every overlap and share boundary. */
  function plant(text: string, extraOffsets: number[]): { text: string; count: number } {
    const offsets = [
      ...extraOffsets,
      ...Array.from({ length: 60 }, () => Math.floor(Math.random() * text.length)),
    ]
      .filter((o) => o > 0 && o < text.length)
      .sort((a, b) => b - a);
    let out = text;
    const kinds = [
      () => `ghp_${rand(36)}`,
      () => `token = "${rand(24)}9"`,
      () => `dt0c01.${rand(24)}.${rand(64)}`,
      () => `xkeysib-${rand(64, '0123456789abcdef')}-${rand(16)}`,
    ];
    offsets.forEach((o, i) => {
      out = `${out.slice(0, o)} ${kinds[i % kinds.length]!()} ${out.slice(o)}`;
    });
    return { text: out, count: offsets.length };
  }

  function boundaryOffsets(text: string): number[] {
    const w = windowsOf(text, size, overlap);
    return w.slice(1).flatMap((x, i) => {
      const mid = Math.ceil((x.start + w[i]!.end) / 2);
      return [x.start, mid - 30, mid - 1, mid, mid + 1, w[i]!.end - 20, w[i]!.end - 1];
    });
  }

  it('finds exactly what a whole-text scan finds, once each, with the same positions (short lines)', () => {
    const base = filler(600_000);
    const { text, count } = plant(base, boundaryOffsets(base));
    const whole = scanText(text, { kind: 'file', path: '/var/log/app.log' }).map(key);
    const windowed = scanTextWindowed(
      text,
      { kind: 'file', path: '/var/log/app.log' },
      { size, overlap },
    ).map(key);
    expect(whole.length).toBeGreaterThanOrEqual(count);
    expect(new Set(windowed).size).toBe(windowed.length);
    expect(windowed).toEqual(whole);
  });

  it('keeps columns right when a line is longer than a window (windows start mid-line)', () => {
    const base = filler(300_000, 96).replace(/\n/g, ' ');
    const { text } = plant(`header\n${base}\ntrailer`, boundaryOffsets(`header\n${base}\ntrailer`));
    const whole = scanText(text, { kind: 'file', path: '/srv/data.txt' }).map(key);
    const windowed = scanTextWindowed(text, { kind: 'file', path: '/srv/data.txt' }, { size, overlap }).map(
      key,
    );
    expect(whole.length).toBeGreaterThan(10);
    expect(windowed).toEqual(whole);
  });

  it("gives the same windows and matches for a file's bytes as for its latin1 text", () => {
    for (const base of [filler(600_000), `header\n${filler(300_000, 96).replace(/\n/g, ' ')}\ntrailer`]) {
      const { text } = plant(base, boundaryOffsets(base));
      const bytes = Buffer.from(text, 'latin1');
      expect(windowsOf(bytes, size, overlap)).toEqual(windowsOf(text, size, overlap));
      const source = { kind: 'file', path: '/srv/data.txt' } as const;
      const fromText = scanTextWindowed(text, source, { size, overlap }).map(key);
      expect(fromText.length).toBeGreaterThan(10);
      expect(scanTextWindowed(bytes, source, { size, overlap }).map(key)).toEqual(fromText);
    }
  });

  it('uses windows of 4 MiB overlapping by 128 KiB by default', () => {
    expect(DEFAULT_WINDOW_SIZE).toBe(4 * 1024 * 1024);
    expect(DEFAULT_WINDOW_OVERLAP).toBe(128 * 1024);
  });
});

describeWithTools('secrets in a 20 MiB file of a real image', IMAGE_TOOLS, () => {
  const r = seeded('shipgate-secrets-large-file');
  const inOverlap = `ghp_${r(36)}`;
  const atEnd = `glpat-${r(20)}`;
  let lines: string[] = [];
  let ref = '';

  beforeAll(async () => {
    // ~20 MiB of log lines; one secret inside the overlap of the first two default windows, one on the last line.
    lines = filler(20 * 1024 * 1024).split('\n');
    let offset = 0;
    let overlapLine = -1;
    for (let i = 0; i < lines.length; i++) {
      if (offset >= DEFAULT_WINDOW_SIZE - DEFAULT_WINDOW_OVERLAP / 2 - 100) {
        overlapLine = i;
        break;
      }
      offset += lines[i]!.length + 1;
    }
    lines[overlapLine] = `export GITHUB_TOKEN=${inOverlap}`;
    lines.push(`CI_JOB_TOKEN: ${atEnd}`);
    ref = await buildTestImage('large-file', {
      base: 'scratch',
      layers: [
        { createdBy: 'COPY app.log /var/log/app.log', files: { '/var/log/app.log': lines.join('\n') } },
      ],
    });
  }, 600_000);

  async function scan(options: Parameters<typeof secretsAnalyzer>[0] = {}): Promise<Finding[]> {
    const opened = await openImage(ref);
    try {
      return (await walkImage(opened, [secretsAnalyzer({ ...options, scanConfig: false })]))
        .results[0] as Finding[];
    } finally {
      await opened.close();
    }
  }

  it('finds both secrets once each, at their lines', async () => {
    const size = lines.join('\n').length;
    expect(size).toBeGreaterThan(20 * 1024 * 1024);
    const findings = await scan();
    const where = findings.map((f) => `${f.ruleId}:${String(f.properties?.line)}`).sort();
    const expected = [
      `SG-SEC-003:${lines.findIndex((l) => l.includes(inOverlap)) + 1}`,
      `SG-SEC-008:${lines.length}`,
    ].sort();
    expect(where).toEqual(expected);
  }, 120_000);

  it('scans only up to maxFileSize and says so at debug level', async () => {
    const sink = new MemorySink();
    setLogger(new Logger([sink], 'debug'), [sink]);
    const findings = await scan({ maxFileSize: 8 * 1024 * 1024 });
    expect(findings.map((f) => f.ruleId)).toEqual(['SG-SEC-003']);
    expect(sink.text()).toMatch(/\/var\/log\/app\.log .*only its first 8388608 bytes were scanned/);
  }, 120_000);
});

describe('secrets in a 20 MiB file of a build context', () => {
  it('finds a secret on the last line, and nothing past maxFileSize', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipgate-sec-large-'));
    try {
      const token = `ghp_${rand(36)}`;
      const text = `${filler(20 * 1024 * 1024)}\nGITHUB_TOKEN=${token}\n`;
      writeFileSync(join(dir, 'dump.txt'), text);
      const lastLine = text.split('\n').length - 1;
      const found = await scanBuildContext(dir, undefined, { repoRoot: dir });
      expect(found.map((f) => `${f.ruleId}:${String(f.properties?.line)}`)).toEqual([
        `SG-SEC-003:${lastLine}`,
      ]);
      expect(await scanBuildContext(dir, undefined, { repoRoot: dir, maxFileSize: 1024 * 1024 })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
