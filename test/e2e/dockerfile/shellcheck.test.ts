// ShellCheck on RUN scripts, with the real shellcheck binary (Debian package shellcheck, provisioned for this tier).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import type { Finding } from '../../../src/core/finding';
import { lintDockerfile, lintDockerfiles } from '../../../src/dockerfile/lint';
import { runPipeline } from '../../../src/pipeline/run';
import { toSarif } from '../../../src/report/sarif/sarif';
import { validateSarif } from '../../support/sarif-validate';
import { describeWithTools } from '../../support/tools';

const sc = (findings: Finding[]): Finding[] => findings.filter((f) => /^SC\d{4}$/.test(f.ruleId));
const at = (f: Finding | undefined): unknown =>
  f && [f.location?.startLine, f.location?.startColumn, f.location?.endLine, f.location?.endColumn];

async function lint(content: string, options = {}): ReturnType<typeof lintDockerfile> {
  return lintDockerfile({ path: 'Dockerfile', content }, { shellcheck: true, ...options });
}

describeWithTools('ShellCheck on RUN scripts', ['shellcheck'], () => {
  it('maps findings across line continuations and the comment lines inside them', async () => {
    const r = await lint(
      [
        'FROM debian:12',
        'RUN apt-get update && \\',
        '    # refresh',
        '\tcd $HOME && \\',
        '    echo `ls`',
      ].join('\n'),
    );
    expect(r.shellcheck.state).toBe('ran');
    const found = sc(r.findings);
    expect(at(found.find((f) => f.ruleId === 'SC2086'))).toEqual([4, 5, 4, 10]);
    expect(at(found.find((f) => f.ruleId === 'SC2006'))).toEqual([5, 10, 5, 14]);
    expect(found.find((f) => f.ruleId === 'SC2006')?.location?.snippet).toBe('    echo `ls`');
  });

  it('counts columns as the rest of shipgate does when a line has characters outside the BMP', async () => {
    const r = await lint('FROM debian:12\nRUN echo "🚀 é" $A\nRUN <<EOF\necho "🚀" $B\nEOF');
    expect(
      sc(r.findings)
        .filter((f) => f.ruleId === 'SC2086')
        .map(at),
    ).toEqual([
      [2, 17, 2, 19],
      [4, 11, 4, 13],
    ]);
  });

  it('maps findings in a heredoc script and in a heredoc fed to a command', async () => {
    const r = await lint(
      [
        'FROM debian:12',
        'RUN <<EOF',
        'set -e',
        'cd $BAR',
        'EOF',
        'RUN cat <<EOT > /etc/x && echo $Y',
        'line',
        'EOT',
      ].join('\n'),
    );
    const found = sc(r.findings).filter((f) => f.ruleId === 'SC2086');
    expect(found.map(at)).toEqual([
      [4, 4, 4, 8],
      [6, 32, 6, 34],
    ]);
  });

  it('checks with the SHELL in effect and skips exec form and shells ShellCheck does not know', async () => {
    const r = await lint(
      [
        'FROM debian:12',
        'RUN [[ -n "$HOME" ]] && echo sh',
        'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
        'RUN [[ -n "$HOME" ]] && echo bash',
        'FROM debian:12 AS win',
        'SHELL ["pwsh", "-Command"]',
        'RUN Write-Host $env:PATH',
        'RUN ["echo", "$HOME"]',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN echo %PATH%',
        'FROM debian:12',
        'RUN <<EOF',
        '#!/usr/bin/env python3',
        'print("x")',
        'EOF',
        'RUN <<EOF',
        '#!/bin/bash',
        '[[ -n "$HOME" ]] && echo $Q',
        'EOF',
        'ONBUILD RUN [[ -n "$HOME" ]]',
      ].join('\n'),
    );
    const posix = sc(r.findings).filter((f) => f.ruleId === 'SC3010');
    // Line 2 runs in /bin/sh, line 4 in bash; the heredoc at 16 has a bash shebang; ONBUILD RUN runs in sh.
    expect(posix.map((f) => f.location?.startLine)).toEqual([2, 20]);
    expect(at(sc(r.findings).find((f) => f.ruleId === 'SC2086'))).toEqual([18, 26, 18, 28]);
    expect(r.shellcheck.skipped).toEqual([
      { line: 7, reason: 'not a POSIX shell (pwsh)' },
      { line: 8, reason: 'exec form (no shell runs it)' },
      { line: 10, reason: 'Windows base image (no POSIX shell)' },
      { line: 12, reason: 'not a POSIX shell (python3)' },
    ]);
  });

  it('checks a batch of Dockerfiles in a few processes and gives each file its own findings', async () => {
    // 3 × 120 scripts: more than one ShellCheck batch, so findings must come back to the right file and line.
    const inputs = ['a', 'b', 'c'].map((n) => ({
      path: `${n}/Dockerfile`,
      content: ['FROM debian:12', ...Array.from({ length: 120 }, (_, k) => `RUN echo ${n} $V${k}`)].join(
        '\n',
      ),
    }));
    const results = await lintDockerfiles(inputs, { shellcheck: true });
    for (const [i, r] of results.entries()) {
      const found = sc(r.findings).filter((f) => f.ruleId === 'SC2086');
      expect(found).toHaveLength(120);
      expect(new Set(found.map((f) => f.location?.path))).toEqual(new Set([inputs[i]!.path]));
      expect(found.map((f) => f.location?.startLine)).toEqual(Array.from({ length: 120 }, (_, k) => k + 2));
      expect(found.every((f) => f.location?.startColumn === 12)).toBe(true);
    }
  });

  it('stops with a one-line TIMEOUT error when ShellCheck runs past its time, never passing unchecked', async () => {
    const content = ['FROM debian:12', ...Array.from({ length: 200 }, (_, k) => `RUN echo $V${k}`)].join(
      '\n',
    );
    const err = await lint(content, { shellcheckTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShipgateError);
    expect((err as ShipgateError).code).toBe('TIMEOUT');
    expect((err as ShipgateError).message).toBe('Dockerfile: ShellCheck did not finish within 0.001s');
  });

  it('skips a RUN whose $(...) nest deeper than ShellCheck checks in bounded time, saying so', async () => {
    let script = 'x';
    for (let i = 0; i < 40; i++) script = `"$(echo ${script})"`;
    const r = await lint(`FROM debian:12\nRUN echo ${script}\nRUN echo $A`);
    expect(r.shellcheck.skipped).toEqual([
      { line: 2, reason: 'command substitutions nested more than 8 deep' },
    ]);
    expect(sc(r.findings).map((f) => f.location?.startLine)).toEqual([3]);
  });

  it('counts ARG and ENV variables as set, as hadolint does', async () => {
    const without = await lint('FROM debian:12\nRUN echo "$version"');
    expect(sc(without.findings).map((f) => f.ruleId)).toContain('SC2154');
    const declared = await lint('FROM debian:12\nARG version\nENV other=1\nRUN echo "$version $other"');
    expect(sc(declared.findings)).toEqual([]);
  });

  it('honours hadolint and shipgate ignore pragmas and the policy', async () => {
    const content = [
      'FROM debian:12',
      '# hadolint ignore=SC2086',
      'RUN echo $A',
      '# shipgate ignore=SC2086',
      'RUN echo $B',
      'RUN echo $C',
    ].join('\n');
    const r = await lint(content);
    const byLine = sc(r.findings).map((f) => [f.location?.startLine, f.suppressed?.kind ?? 'active']);
    expect(byLine).toEqual([
      [3, 'inline'],
      [5, 'inline'],
      [6, 'active'],
    ]);
    const policy = await lint(content, { ignoreRules: ['SC2086'] });
    expect(sc(policy.findings).find((f) => f.location?.startLine === 6)?.suppressed?.kind).toBe('policy');
  });

  it('reports nothing and says so when turned off or when no shellcheck is on PATH', async () => {
    const off = await lint('FROM debian:12\nRUN echo $A', { shellcheck: false });
    expect(off.shellcheck.state).toBe('off');
    expect(sc(off.findings)).toEqual([]);
    const path = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'shipgate-nopath-'));
    process.env.PATH = empty;
    try {
      const missing = await lint('FROM debian:12\nRUN echo $A');
      expect(missing.shellcheck.state).toBe('missing');
      expect(sc(missing.findings)).toEqual([]);
    } finally {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'shipgate-shellcheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts SC findings in SARIF with their location and ShellCheck wiki link; warns once without the binary', async () => {
    const files = ['a', 'b'].map((n) => {
      const p = join(dir, `${n}.Dockerfile`);
      writeFileSync(p, 'FROM debian:12\nRUN echo $A\n');
      return p;
    });
    const result = await runPipeline({ dockerfiles: files, repoRoot: dir, scanners: [] });
    const sarif = toSarif(result, { repoRoot: dir });
    const v = await validateSarif(sarif);
    expect(v.schemaErrors).toEqual([]);
    expect(v.multitoolErrors).toEqual([]);
    const run = sarif.runs[0]!;
    const rule = run.tool.driver.rules?.find((r) => r.id === 'SC2086');
    expect(rule?.helpUri).toBe('https://www.shellcheck.net/wiki/SC2086');
    const res = run.results?.find((x) => x.ruleId === 'SC2086');
    expect(res?.locations?.[0]?.physicalLocation?.region).toMatchObject({ startLine: 2, startColumn: 10 });

    const path = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'shipgate-nopath-'));
    process.env.PATH = empty;
    try {
      const skipped = await runPipeline({ dockerfiles: files, repoRoot: dir, scanners: [] });
      const said = skipped.warnings.filter((w) =>
        w.includes('ShellCheck checks on RUN scripts were skipped'),
      );
      expect(said).toHaveLength(1);
    } finally {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
