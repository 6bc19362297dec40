import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import { countBySeverity, type ScanResult } from '../../../src/core/result';
import { severityRank, type Severity } from '../../../src/core/severity';
import { toText } from '../../../src/report/text';
import {
  FAKE_TOKEN,
  WEB_DOCKERFILE,
  cleanResult,
  dockerfileResult,
  fullResult,
  imageOnlyResult,
  readFile,
} from '../../support/report-fixtures';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;
const SEV_LABEL = /^ {2}(CRITICAL|HIGH|MEDIUM|LOW|INFO)\s+(\S+)/;

function lines(text: string): string[] {
  return text.split('\n');
}

/** The lines of one target group, from its header to the next unindented line. */
function group(text: string, header: string): string[] {
  const ls = lines(text);
  const start = ls.findIndex((l) => l.startsWith(`${header} (`));
  expect(start, `group ${header}`).toBeGreaterThanOrEqual(0);
  const end = ls.findIndex((l, i) => i > start && l.length > 0 && !l.startsWith(' '));
  return ls.slice(start + 1, end < 0 ? undefined : end);
}

describe('toText', () => {
  const result = fullResult();
  const text = toText(result, { color: false, readFile });

  it('uses no colour unless asked, and ANSI colours when asked', () => {
    expect(text).not.toMatch(ANSI);
    const colored = toText(result, { color: true, readFile });
    expect(colored).toMatch(ANSI);
    // Same content once the colour codes are removed.
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });

  it('groups by target: each Dockerfile in scan order, then the image', () => {
    const headers = lines(text).filter((l) => /^\S.*\(\d+ findings?\)$/.test(l));
    expect(headers.map((h) => h.replace(/ \(\d+ findings?\)$/, ''))).toEqual([
      'Dockerfile',
      'services/worker/Dockerfile',
      `image ${result.image!.ref}@${result.image!.digest}`,
    ]);
  });

  it('sorts each group most severe first and shows id, severity, message, location and fix', () => {
    const df = group(text, 'Dockerfile');
    const sevs = df.map((l) => SEV_LABEL.exec(l)?.[1]).filter((s): s is string => !!s);
    const ranks = sevs.map((s) => severityRank(s.toLowerCase() as Severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const shown = result.findings.filter(
      (f) => f.kind === 'dockerfile' && f.location?.path === 'Dockerfile' && !f.suppressed,
    );
    expect(sevs).toHaveLength(shown.length + 1); // + the secret in the Dockerfile
    const block = df.slice(df.findIndex((l) => l.includes('SG-DF-015')));
    expect(block[0]).toContain('Dockerfile:10:5');
    expect(block[0]).toContain('Remote script piped into a shell');
    expect(block[1]).toContain('A script downloaded with curl is piped into sh.');
    expect(block.find((l) => l.trim().startsWith('fix:'))).toContain('verify its checksum');
  });

  it('draws a code frame with two lines of context and a caret under the column range', () => {
    const df = group(text, 'Dockerfile');
    const at = df.findIndex((l) => l.includes('SG-DF-025'));
    const frame = df.slice(at + 2, at + 9);
    const src = WEB_DOCKERFILE.split('\n');
    const numbered = frame.filter((l) => /^\s+>?\s*\d+ \| /.test(l));
    expect(numbered.map((l) => Number(/(\d+) \|/.exec(l)![1]))).toEqual([9, 10, 11, 12, 13]);
    const marked = frame.find((l) => /^\s+> 11 \| /.test(l))!;
    expect(marked.endsWith(src[10]!)).toBe(true);
    const caret = frame[frame.indexOf(marked) + 1]!;
    const codeStart = marked.indexOf(src[10]!);
    // Columns 13..14 of "EXPOSE 3000 22" (end column 15, exclusive) hold "22".
    expect(caret.indexOf('^')).toBe(codeStart + 12);
    expect(caret.trim()).toBe('^^');
  });

  it('keeps tabs in the caret padding so the underline lines up', () => {
    const r = dockerfileResult();
    const tabbed = 'FROM alpine:3.20\nRUN\tapk add\tcurl\n';
    r.findings = [
      {
        ruleId: 'SG-DF-020',
        kind: 'dockerfile',
        severity: 'low',
        message: 'apk add without --no-cache.',
        location: { path: 'Dockerfile', startLine: 2, startColumn: 5, endLine: 2, endColumn: 12 },
        fingerprint: 'x',
      },
    ];
    const out = toText(r, { color: false, readFile: () => tabbed });
    const ls = lines(out);
    const marked = ls.findIndex((l) => l.includes('> 2 | '));
    expect(ls[marked + 1]).toMatch(/^ +\t\^{7}$/);
    expect(ls[marked + 1]!.indexOf('\t')).toBe(ls[marked]!.indexOf('RUN') + 3);
  });

  it('never prints a secret value, even in frames of other findings', () => {
    for (const opts of [{}, { showSuppressed: true, verbose: true }])
      expect(toText(result, { color: false, readFile, ...opts })).not.toContain(FAKE_TOKEN);
    // The redaction covers the secret's columns on its own line.
    expect(text).toMatch(/> 5 \| ENV NODE_ENV=production \*+$/m);
    // An image secret's line (the COPY that brought it in) is not blanked.
    expect(text).toMatch(/> 6 \| COPY \. \.$/m);
  });

  it('shows vulnerabilities as one table per package with aligned columns', () => {
    const img = group(text, `image ${result.image!.ref}@${result.image!.digest}`);
    const at = img.findIndex((l) => l.startsWith('  libc6 2.36-9+deb12u1 (Debian:12)'));
    expect(at).toBeGreaterThan(0);
    const header = img[at + 1]!;
    expect(header.trim().split(/\s+/)).toEqual(['ID', 'SEVERITY', 'INSTALLED', 'FIXED', 'TITLE']);
    const rows = img.slice(at + 2, at + 4);
    expect(rows[0]).toMatch(
      /^\s+CVE-2023-4911\s+HIGH\s+2\.36-9\+deb12u1\s+2\.36-9\+deb12u3\s+Buffer overflow/,
    );
    expect(rows[1]).toMatch(/^\s+CVE-2019-1010022\s+LOW\s+2\.36-9\+deb12u1\s+no fix\s+GNU Libc/);
    for (const col of ['SEVERITY', 'INSTALLED', 'FIXED', 'TITLE']) {
      const x = header.indexOf(col);
      for (const row of rows) expect(row[x - 1], `${col} column in "${row}"`).toBe(' ');
      for (const row of rows) expect(row[x]).not.toBe(' ');
    }
    // One table per package: the two packages hit by CVE-2024-0727 each get their own.
    expect(img.filter((l) => /^ {2}(openssl|libssl3) 3\.0\.11/.test(l))).toHaveLength(2);
    // Image findings say where in the image they are.
    expect(img.join('\n')).toContain('in image: /app/deploy/id_ed25519, layer 4 sha256:3c8a1e5f6b7d');
  });

  it('hides suppressed findings unless asked, and always counts them', () => {
    const suppressed = result.findings.filter((f) => f.suppressed);
    expect(text).toContain(`, ${suppressed.length} suppressed (--show-suppressed lists them)`);
    expect(text).not.toContain('(suppressed:');
    const all = toText(result, { color: false, readFile, showSuppressed: true });
    for (const kind of ['inline', 'hadolint-config', 'policy', 'vex', 'baseline'])
      expect(all).toContain(`(suppressed: ${kind}`);
  });

  it('ends with the counts by severity and the decision', () => {
    const counts = countBySeverity(result.findings);
    const total = result.findings.filter((f) => !f.suppressed).length;
    const ls = lines(text.trimEnd());
    const summary = ls.find((l) => l.startsWith(`${total} findings (`))!;
    const expected = (['critical', 'high', 'medium', 'low', 'info'] as Severity[])
      .filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${s}`)
      .join(', ');
    expect(summary).toContain(`(${expected})`);
    const decisionAt = ls.findIndex((l) => l.startsWith('shipgate: not approved'));
    expect(decisionAt).toBeGreaterThan(ls.indexOf(summary));
    for (const r of result.decision!.reasons) expect(ls.slice(decisionAt).join('\n')).toContain(r.message);
    expect(toText(imageOnlyResult(), { color: false })).toMatch(/shipgate: approved/);
  });

  it('prints no code frame without the file text, and says when a target is clean', () => {
    const bare = toText(dockerfileResult(), { color: false });
    expect(bare).not.toMatch(/^\s+>?\s*\d+ \| /m);
    const clean = toText(cleanResult(), { color: false });
    expect(clean).toContain('services/worker/Dockerfile (0 findings)\n  no findings');
    expect(clean).toContain('0 findings');
  });

  it('strips terminal escape sequences and carriage returns from untrusted text', () => {
    const r: ScanResult = { ...cleanResult(), findings: [] };
    const hostile: Finding = {
      ruleId: 'GHSA-xxxx-yyyy-zzzz',
      kind: 'vulnerability',
      severity: 'high',
      message: 'evil',
      image: { ref: 'x', path: '/evil' },
      fingerprint: 'h',
      vulnerability: {
        id: 'GHSA-xxxx-yyyy-zzzz',
        aliases: [],
        packageName: 'evil\u001b[2J\u001b]0;pwned\u0007pkg',
        packageVersion: '1.0\r\nFAKE LINE',
        ecosystem: 'npm',
        fixedVersions: [],
        fixState: 'unfixed',
        references: [],
        summary: 'clear \u001b[31mscreen\u001b[0m',
      },
    };
    r.findings = [hostile];
    const out = toText(r, { color: false });
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).not.toContain('\r');
    expect(out).toContain('clear screen');
  });
});
