/**
 * The bundled CLI as users run it: exit codes, one-line errors without stack traces, outputs that validate,
 * and no secret value anywhere in what it prints or writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceCommit } from '../../../build/commit.mjs';
import { validateSarif } from '../../support/sarif-validate';
import { CLI, ensureBundle } from '../../support/bundle';
import { LAYER_GZIP, tarOf, writeLayoutImage } from '../../support/images';
import { FIXTURES, ROOT } from '../../support/tools';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;

/** Runs the bundled CLI; with `node`, args[0] is the script to run instead (another copy of the bundle). */
function shipgate(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; node?: boolean } = {}): Run {
  const r = spawnSync(process.execPath, opts.node ? args : [CLI, ...args], {
    cwd: opts.cwd ?? work,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Like shipgate(), without blocking this process (needed when the test itself serves HTTP). */
function shipgateAsync(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: work,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The contract for every failure: a single "shipgate: error [CODE]: ..." line, no stack trace. */
function expectOneLineError(r: Run, exit: number, code: string): void {
  expect(r.code, r.stderr).toBe(exit);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('shipgate: error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(`[${code}]`);
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

beforeAll(async () => {
  await ensureBundle();
  work = mkdtempSync(join(tmpdir(), 'shipgate-cli-'));
  mkdirSync(join(work, '.git'));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('shipgate CLI basics', () => {
  it('prints its version and help', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(shipgate(['--version']).stdout.trim()).toBe(
      `shipgate ${pkg.version} (commit ${sourceCommit(ROOT)})`,
    );
    const help = shipgate(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['scan', 'lint', 'sbom', 'rules', 'policy']) expect(help.stdout).toContain(cmd);
    expect(shipgate(['scan', '--help']).stdout).toContain('--image');
  });

  it('documents every command exactly as --help prints it (docs/cli.md, written by npm run docs:cli)', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    const version = shipgate(['--version']).stdout.trim().split(' ')[1]!;
    const usage = shipgate(['--help']).stdout;
    const commands = [...usage.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => [m[1]!]);
    expect(commands.map(([c]) => c)).toEqual(expect.arrayContaining(['scan', 'lint', 'push']));
    for (const cmd of [[], ...commands]) {
      const help = shipgate([...cmd, '--help']).stdout.replace(`shipgate ${version}:`, 'shipgate VERSION:');
      expect(doc, `docs/cli.md is out of date for "shipgate ${cmd.join(' ')} --help"`).toContain(
        help.trimEnd(),
      );
    }
  });

  it('refuses unknown commands and flags with exit 2', () => {
    expectOneLineError(shipgate(['frobnicate']), 2, 'USAGE');
    expectOneLineError(shipgate(['lint', '--no-such-flag']), 2, 'USAGE');
    expectOneLineError(shipgate(['lint', 'Dockerfile', '--format', 'xml']), 2, 'USAGE');
    expectOneLineError(shipgate(['scan', '--fail-on', 'urgent', '--dockerfile', 'x']), 2, 'USAGE');
  });

  it('refuses unusable push OIDC settings before anything else (exit 2)', () => {
    const push = (...flags: string[]) => shipgate(['push', 'oci:./app', 'registry.example/app:1', ...flags]);
    const cases: [string[], RegExp][] = [
      [
        ['--oidc-issuer', 'http://gitlab.example.com'],
        /the OIDC issuer "http:\/\/gitlab\.example\.com" is not an https URL/,
      ],
      [['--oidc-audience', ' '], /--oidc-audience is empty/],
      [['--oidc-project', ''], /--oidc-project is empty/],
      [['--oidc-allow-event', 'push'], /--oidc-allow-event: "push" is not refused to begin with/],
    ];
    for (const [flags, message] of cases) {
      const r = push(...flags);
      expectOneLineError(r, 2, 'USAGE');
      expect(r.stderr).toMatch(message);
    }
  });

  it('lists rules as JSON with help links and equivalents', () => {
    const r = shipgate(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; helpUri: string; fix: string }[];
    expect(rules.filter((x) => x.id.startsWith('SG-DF-')).length).toBeGreaterThanOrEqual(40);
    expect(rules.filter((x) => x.id.startsWith('SG-SEC-')).length).toBeGreaterThanOrEqual(40);
    for (const prefix of ['SG-IMG-', 'SG-MAL-', 'SG-OS-'])
      expect(
        rules.some((x) => x.id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect(new Set(rules.map((x) => x.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.helpUri).toContain(rule.id.toLowerCase());
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('shipgate lint', () => {
  it('exits 1 on the bad example and 0 on the good one, with SARIF that GitHub accepts', async () => {
    const bad = shipgate(
      ['lint', join(ROOT, 'examples/node-bad/Dockerfile'), '--sarif', join(work, 'bad.sarif')],
      {
        cwd: ROOT,
      },
    );
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toContain('SG-DF-001');
    expect(bad.stdout).toMatch(/not approved/i);
    const log = JSON.parse(readFileSync(join(work, 'bad.sarif'), 'utf8')) as Log;
    const v = await validateSarif(log);
    expect(v.schemaErrors).toEqual([]);
    expect(v.multitoolErrors).toEqual([]);
    const uris = log.runs.flatMap((run) =>
      (run.results ?? []).map((res) => res.locations?.[0]?.physicalLocation?.artifactLocation?.uri),
    );
    expect(uris.every((u) => u === 'examples/node-bad/Dockerfile')).toBe(true);

    const good = shipgate(['lint', 'examples/go-good/Dockerfile'], { cwd: ROOT });
    expect(good.code, good.stdout + good.stderr).toBe(0);
  });

  it('writes JSON that names every finding with its location', () => {
    const r = shipgate(['lint', 'examples/node-bad/Dockerfile', '--format', 'json', '--fail-on', 'none'], {
      cwd: ROOT,
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      findings: { ruleId: string; location?: { startLine: number } }[];
    };
    expect(report.findings.length).toBeGreaterThan(5);
    expect(report.findings.every((f) => f.location && f.location.startLine > 0)).toBe(true);
  });

  it('gives one-line errors for a missing file, a directory and an invalid Dockerfile', () => {
    expectOneLineError(shipgate(['lint', 'nope/Dockerfile']), 2, 'NOT_FOUND');
    expectOneLineError(shipgate(['lint', '.']), 2, 'INPUT');
    writeFileSync(join(work, 'Bad.Dockerfile'), 'FROM alpine:3.20\nFROMM alpine\n');
    const r = shipgate(['lint', 'Bad.Dockerfile']);
    expectOneLineError(r, 2, 'DOCKERFILE_PARSE');
    expect(r.stderr).toMatch(/:2\b/);
  });

  it('fails a RUN with one clear error when the bash grammar is missing or damaged, and lints the rest', () => {
    // The CLI starts loading the bash parser before the lint code: a failure there must surface once, when a
    // RUN needs the parser, and never as an unhandled rejection.
    const bundle = join(work, 'broken-bundle');
    cpSync(dirname(CLI), bundle, { recursive: true });
    const cli = join(bundle, 'cli.js');
    writeFileSync(join(work, 'Run.Dockerfile'), 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    writeFileSync(join(work, 'NoRun.Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
    const grammar = join(bundle, 'tree-sitter-bash.wasm');
    for (const damage of [
      () => rmSync(grammar),
      () => writeFileSync(grammar, Buffer.from('\0asm\x01\0\0\0\x01')),
    ]) {
      damage();
      const bad = shipgate([cli, 'lint', 'Run.Dockerfile'], { node: true });
      expectOneLineError(bad, 3, 'INTERNAL');
      expect(bad.stderr).toContain('the bash parser could not be loaded');
      expect(bad.stderr).toContain('reinstall shipgate');
      expect(bad.stderr).not.toMatch(/unhandled/i);
      const good = shipgate([cli, 'lint', 'NoRun.Dockerfile', '--fail-on', 'none'], { node: true });
      expect(good.code, good.stderr).toBe(0);
    }
    rmSync(bundle, { recursive: true, force: true });
  });

  it("keeps the bash grammar in V8's baseline tier, so a lint does not wait for optimising compiles", () => {
    // Left to V8, the grammar's very large lexer is re-compiled by TurboFan in the background, and the process
    // cannot exit before that ends: on Node 24, two seconds and 450 MB more for a one-file lint. V8's compile
    // trace names the tier of every WebAssembly function it compiles. The suite runs on Node 22 and Node 24.
    const dir = join(FIXTURES, 'dockerfiles');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.Dockerfile'))
      .slice(0, 20)
      .map((f) => join(dir, f));
    writeFileSync(join(work, 'no-shellcheck.yaml'), 'version: 1\ndockerfile:\n  shellcheck: false\n');
    // On one thread, and on worker threads, which load the parser themselves.
    for (const workers of ['0', '2']) {
      const r = shipgate(
        [
          '--trace-wasm-compilation-times',
          CLI,
          'lint',
          ...files,
          '--format',
          'json',
          '-o',
          join(work, 'tiers.json'),
          '--fail-on',
          'none',
          '-q',
          '-c',
          'no-shellcheck.yaml',
        ],
        { node: true, env: { SHIPGATE_LINT_WORKERS: workers } },
      );
      expect(r.code, r.stderr).toBe(0);
      const tiers = new Set([...r.stdout.matchAll(/^Compiled function \S+ using (\w+)/gm)].map((m) => m[1]));
      expect([...tiers], `SHIPGATE_LINT_WORKERS=${workers}`).toEqual(['Liftoff']);
    }
  });

  it('reports a policy file error with the path of the bad key', () => {
    writeFileSync(join(work, 'shipgate.yaml'), 'version: 1\ngate:\n  fail-on: urgent\n');
    writeFileSync(join(work, 'Dockerfile'), 'FROM alpine:3.20\n');
    const r = shipgate(['lint', 'Dockerfile']);
    expectOneLineError(r, 2, 'CONFIG_INVALID');
    expect(r.stderr).toContain('gate.fail-on');
    rmSync(join(work, 'shipgate.yaml'));
  });
});

describe('shipgate scan on bad images', () => {
  function layout(name: string, layers: Buffer[]): string {
    const dir = join(work, name);
    writeLayoutImage(
      dir,
      'latest',
      layers.map((blob) => ({ blob, mediaType: LAYER_GZIP })),
    );
    return dir;
  }

  it('a tar that is not an image archive is IMAGE_FORMAT (exit 2)', () => {
    writeFileSync(join(work, 'garbage.tar'), Buffer.from('this is not a tar archive at all'.repeat(40)));
    expectOneLineError(shipgate(['scan', '--image', 'docker-archive:garbage.tar']), 2, 'IMAGE_FORMAT');
  });

  it('a layer entry escaping the root is PATH_ESCAPE, and nothing is written outside', async () => {
    const evil = gzipSync(await tarOf([{ name: '../../../escaped-by-shipgate-test', content: 'x' }]));
    const dir = layout('escape', [evil]);
    const r = shipgate(['scan', '--image', `oci:${dir}:latest`, '--scanners', 'secret']);
    expectOneLineError(r, 2, 'PATH_ESCAPE');
    for (const base of [work, join(work, '..'), tmpdir(), ROOT]) {
      expect(existsSync(join(base, 'escaped-by-shipgate-test'))).toBe(false);
    }
  });

  it('a truncated layer blob is a clean error, never a partial scan', async () => {
    const full = gzipSync(await tarOf([{ name: 'etc/os-release', content: 'ID=debian\n'.repeat(2000) }]));
    const dir = layout('truncated', [full]);
    const blobs = join(dir, 'blobs', 'sha256');
    const layerFile = readdirSync(blobs)
      .map((f) => join(blobs, f))
      .find((f) =>
        readFileSync(f)
          .subarray(0, 2)
          .equals(Buffer.from([0x1f, 0x8b])),
      )!;
    writeFileSync(layerFile, readFileSync(layerFile).subarray(0, 100));
    const r = shipgate(['scan', '--image', `oci:${dir}:latest`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shipgate: error \[(IMAGE_FORMAT|DIGEST_MISMATCH)\]/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  describe('a registry that answers 500', () => {
    let server: Server;
    let port = 0;
    let hits = 0;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        hits++;
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('retries, then fails with REGISTRY and exit 4', async () => {
      const r = await shipgateAsync(['scan', '--image', `127.0.0.1:${port}/app:1.0`]);
      expectOneLineError(r, 4, 'REGISTRY');
      expect(hits).toBeGreaterThan(1);
    });
  });
});

describe('shipgate scan end to end (demo image)', () => {
  let out: string;
  let planted: string[] = [];
  let run: Run;
  beforeAll(async () => {
    out = join(work, 'demo');
    const { buildDemoImage } = await import('../../../build/demo-image.mjs');
    const { out: img } = await buildDemoImage(join(out, 'image'));
    planted = await plantedValues(img);
    run = shipgate(
      [
        'scan',
        '--dockerfile',
        'examples/demo/Dockerfile',
        '--image',
        `oci:${img}`,
        '--vuln-db',
        join(FIXTURES, 'osv'),
        '--offline',
        '--sarif',
        join(out, 'demo.sarif'),
        '--json',
        join(out, 'demo.json'),
        '--summary',
        join(out, 'demo.md'),
        '--sbom',
        join(out, 'demo.cdx.json'),
        '--gitlab-reports',
        join(out, 'gl'),
        '--manifests',
        'examples/demo/k8s',
        '--pss',
        'restricted',
      ],
      { cwd: ROOT },
    );
  }, 300_000);

  it('refuses the image (exit 1) with reasons', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/not approved/i);
  });

  it('finds the vulnerable OS and npm packages, the deleted credential and the root user', () => {
    const report = JSON.parse(readFileSync(join(out, 'demo.json'), 'utf8')) as {
      findings: { ruleId: string; kind: string; message: string; image?: { deleted?: boolean } }[];
    };
    const ids = report.findings.map((f) => f.ruleId);
    const vulnText = report.findings
      .filter((f) => f.kind === 'vulnerability')
      .map((f) => f.message)
      .join('\n');
    for (const pkg of ['openssl', 'lodash', 'minimist', 'express', 'tzdata']) expect(vulnText).toContain(pkg);
    expect(vulnText).not.toMatch(/\bsemver 7\.5\.4\b/);
    const secrets = report.findings.filter((f) => f.kind === 'secret');
    expect(secrets.some((f) => f.image?.deleted)).toBe(true);
    expect(ids).toContain('SG-OS-001');
    expect(report.findings.some((f) => f.kind === 'config')).toBe(true);
  });

  it('maps image findings onto the Dockerfile lines that made their layers', () => {
    const log = JSON.parse(readFileSync(join(out, 'demo.sarif'), 'utf8')) as Log;
    const vulnRun = log.runs.find((r) => (r.automationDetails?.id ?? '').includes('vulnerability'))!;
    const lines = new Map<string, number>();
    for (const res of vulnRun.results ?? []) {
      const loc = res.locations?.[0]?.physicalLocation;
      expect(loc?.artifactLocation?.uri).toBe('examples/demo/Dockerfile');
      lines.set(res.message.text ?? '', loc?.region?.startLine ?? 0);
    }
    const lineOf = (pkg: string) => [...lines].find(([m]) => m.includes(pkg))?.[1];
    expect(lineOf('lodash')).toBe(5); // COPY . /app
    expect(lineOf('openssl')).toBe(2); // FROM debian:9 (base image package)
  });

  it('writes SARIF that passes GitHub validation, and valid GitLab reports and SBOM', async () => {
    const v = await validateSarif(JSON.parse(readFileSync(join(out, 'demo.sarif'), 'utf8')) as Log);
    expect(v.schemaErrors).toEqual([]);
    expect(v.multitoolErrors).toEqual([]);
    for (const f of ['gl-container-scanning-report.json', 'gl-code-quality-report.json', 'shipgate.env'])
      expect(existsSync(join(out, 'gl', f))).toBe(true);
    const sbom = JSON.parse(readFileSync(join(out, 'demo.cdx.json'), 'utf8')) as {
      components: { name: string }[];
    };
    expect(sbom.components.map((c) => c.name)).toEqual(expect.arrayContaining(['openssl', 'lodash']));
  });

  it("shows the example manifests' findings on their YAML lines in SARIF and GitLab code quality", () => {
    const file = 'examples/demo/k8s/deployment.yaml';
    const yamlLines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const privileged = yamlLines.findIndex((l) => l.includes('privileged: true')) + 1;
    const log = JSON.parse(readFileSync(join(out, 'demo.sarif'), 'utf8')) as Log;
    const manifestResults = log.runs
      .filter((r) => (r.automationDetails?.id ?? '').includes('manifest'))
      .flatMap((r) => r.results ?? []);
    expect(manifestResults.length).toBeGreaterThan(5);
    const sarifAt = (id: string) =>
      manifestResults
        .filter((r) => r.ruleId === id)
        .map((r) => [
          r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
          r.locations?.[0]?.physicalLocation?.region?.startLine,
        ]);
    expect(sarifAt('SG-K8S-103')).toEqual([[file, privileged]]);
    const quality = JSON.parse(readFileSync(join(out, 'gl', 'gl-code-quality-report.json'), 'utf8')) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(
      quality
        .filter((i) => i.check_name === 'SG-K8S-103')
        .map((i) => [i.location.path, i.location.lines.begin]),
    ).toEqual([[file, privileged]]);
  });

  it('takes the image as an argument and lists the inventory in text', () => {
    const r = shipgate(
      ['scan', `oci:${join(out, 'image')}`, '--scanners', 'config', '--list-packages', '--fail-on', 'none'],
      { cwd: ROOT },
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'demo.json'), 'utf8')) as {
      packages: { name: string; version: string }[];
    };
    expect(r.stdout).toContain(`Packages (${report.packages.length})`);
    for (const pkg of report.packages)
      expect(r.stdout).toMatch(new RegExp(`\\b${pkg.name}\\s+${pkg.version.replace(/[.+~]/g, '\\$&')}\\b`));
    expectOneLineError(shipgate(['scan', 'a', 'b']), 2, 'USAGE');
  });

  it('sbom takes the table flags (-o, --platform) and its own --format', () => {
    const file = join(out, 'sbom.spdx.json');
    const r = shipgate(
      ['sbom', `oci:${join(out, 'image')}`, '-f', 'spdx', '-o', file, '--platform', 'linux/amd64'],
      {
        cwd: ROOT,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const spdx = JSON.parse(readFileSync(file, 'utf8')) as {
      spdxVersion: string;
      packages: { name: string }[];
    };
    expect(spdx.spdxVersion).toBe('SPDX-2.3');
    const cdx = JSON.parse(readFileSync(join(out, 'demo.cdx.json'), 'utf8')) as {
      components: { name: string }[];
    };
    expect(spdx.packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(cdx.components.map((c) => c.name)),
    );
    expectOneLineError(shipgate(['sbom', `oci:${join(out, 'image')}`, '-f', 'sarif']), 2, 'USAGE');
  });

  it('never prints or writes the planted credential', () => {
    expect(planted.length).toBe(2);
    const texts = [run.stdout, run.stderr];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name === 'image') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else texts.push(readFileSync(p, 'utf8'));
      }
    };
    walk(out);
    for (const value of planted) for (const t of texts) expect(t.includes(value)).toBe(false);
  });
});

/** The AWS key id and secret the demo image plants in /app/.env (read back from its layer). */
async function plantedValues(layoutDir: string): Promise<string[]> {
  const { extract } = await import('tar-stream');
  const { gunzipSync } = await import('node:zlib');
  const blobs = join(layoutDir, 'blobs', 'sha256');
  for (const f of readdirSync(blobs)) {
    const buf = readFileSync(join(blobs, f));
    if (buf[0] !== 0x1f || buf[1] !== 0x8b) continue;
    const tarBuf = gunzipSync(buf);
    const text = await new Promise<string | undefined>((resolve, reject) => {
      const ex = extract();
      let found: string | undefined;
      ex.on('entry', (h, stream, next) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: unknown) => {
          chunks.push(c as Buffer);
        });
        stream.on('end', () => {
          if (h.name === 'app/.env') found = Buffer.concat(chunks).toString();
          next();
        });
      });
      ex.on('finish', () => resolve(found));
      ex.on('error', reject);
      ex.end(tarBuf);
    });
    if (text) return [...text.matchAll(/=(\S+)/g)].map((m) => m[1]!);
  }
  return [];
}
