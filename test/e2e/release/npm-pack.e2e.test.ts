/**
 * The npm install path: the packed tarball of @shipgate/cli installed into an empty folder (package tarballs from
 * the npm cache `npm ci` filled; the registry is asked only for the package metadata that cache lacks) gives a `shipgate` command that prints its version and commit, lints a bundled
 * example and scans a small OCI layout image: the package ships everything the CLI loads (chunks, WebAssembly).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceCommit } from '../../../build/commit.mjs';
import { LAYER_GZIP, tarOf, writeLayoutImage } from '../../support/images';
import { packTarball } from '../../support/release';
import { ROOT } from '../../support/tools';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('the npm tarball installed into an empty folder', () => {
  let work: string;
  let app: string;

  const shipgate = (args: string[]): SpawnSyncReturns<string> =>
    spawnSync('npx', ['--no', '--', 'shipgate', ...args], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sg-npm-pack-'));
    const tarball = await packTarball(join(work, 'pack'));
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const r = spawnSync(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', tarball],
      { cwd: app, encoding: 'utf8', timeout: 300_000 },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }, 600_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs the shipgate command, which prints the package version and the commit of the build', () => {
    const r = shipgate(['--version']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`shipgate ${pkg.version} (commit ${sourceCommit(ROOT)})\n`);
    const installed = join(app, 'node_modules', '@shipgate', 'cli', 'dist');
    for (const wasm of ['web-tree-sitter.wasm', 'tree-sitter-bash.wasm', 'sql-wasm.wasm'])
      expect(readdirSync(installed)).toContain(wasm);
  });

  it('lints a bundled example (the tree-sitter grammars load from the package)', () => {
    cpSync(join(ROOT, 'examples', 'node-bad', 'Dockerfile'), join(app, 'Dockerfile'));
    const r = shipgate(['lint', 'Dockerfile', '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as {
      decision: { approved: boolean };
      findings: { ruleId: string }[];
    };
    expect(report.decision.approved).toBe(false);
    expect(report.findings.map((f) => f.ruleId)).toContain('SG-DF-001');
  });

  it('scans a small OCI layout image', async () => {
    const layer = await tarOf([
      { name: 'etc/', type: 'directory' },
      {
        name: 'etc/os-release',
        content: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
      },
      { name: 'app/', type: 'directory' },
      { name: 'app/hello.txt', content: 'hello\n' },
    ]);
    const layout = join(work, 'image');
    writeLayoutImage(
      layout,
      'latest',
      [{ blob: gzipSync(layer), mediaType: LAYER_GZIP, uncompressed: layer }],
      {
        config: { User: '1000', Labels: { 'org.opencontainers.image.source': 'https://example.com/app' } },
      },
    );
    const r = shipgate([
      'scan',
      '--image',
      `oci:${layout}:latest`,
      '--scanners',
      'secret,config',
      '--json',
      join(work, 'scan.json'),
    ]);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(join(work, 'scan.json'), 'utf8')) as {
      decision: { approved: boolean };
      image: { digest: string; os: { id: string } };
    };
    expect(report.decision.approved).toBe(true);
    expect(report.image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.image.os.id).toBe('debian');
  });
});
