/**
 * Helpers for the hostile-input suites: crafted docker-archive tarballs built in memory with tar-stream,
 * and the CLI run from the sources inside a sandbox folder that proves it wrote nothing outside it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect } from 'vitest';
import { tarOf, type TarEntrySpec } from '../support/images';
import { ROOT } from '../support/tools';

export const CLI_SOURCE = join(ROOT, 'src', 'cli', 'index.ts');
// By URL, since the CLI runs in a folder outside the repository where `tsx` does not resolve.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process, in bytes (0 when it was killed). */
  maxRss: number;
  /**
   * CPU time the CLI process used (user and system, every thread), in ms (0 when it was killed). Time bounds
   * use it rather than wall time: a blow-up costs CPU, and a loaded machine stretches wall time, not CPU time.
   */
  cpuMs: number;
}

interface Sandbox {
  /** The parent folder: `work/` (the CLI's cwd, with `tmp/` as its TMPDIR) and `canary/` beside it. */
  parent: string;
  work: string;
  tmp: string;
}

function sandbox(): Sandbox {
  const parent = mkdtempSync(join(tmpdir(), 'shipgate-sandbox-'));
  const work = join(parent, 'work');
  const tmp = join(work, 'tmp');
  mkdirSync(tmp, { recursive: true });
  mkdirSync(join(parent, 'canary'));
  writeFileSync(join(parent, 'canary', 'keep.txt'), 'canary\n');
  return { parent, work, tmp };
}

/** Every path under the sandbox outside `work/`, with its type, size and modification time. */
function outside(box: Sandbox): string[] {
  const out: string[] = [];
  const visit = (dir: string, rel: string): void => {
    const st = statSync(dir);
    out.push(`${rel || '.'} ${st.isDirectory() ? 'dir' : 'file'} ${st.size} ${st.mtimeMs}`);
    if (!st.isDirectory()) return;
    for (const name of readdirSync(dir).sort()) {
      if (join(dir, name) !== box.work) visit(join(dir, name), rel ? `${rel}/${name}` : name);
    }
  };
  visit(box.parent, '');
  return out;
}

/** Runs the CLI in a fresh sandbox; afterwards nothing outside `work/` changed and the temp folder is empty. */
async function sandboxed(args: string[], env: NodeJS.ProcessEnv, cwd: string | undefined): Promise<CliRun> {
  const box = sandbox();
  try {
    const before = outside(box);
    const run = await spawnCli(args, cwd ?? box.work, {
      ...process.env,
      NO_COLOR: '1',
      // tsx, which runs the sources, would otherwise keep its compile cache in TMPDIR.
      TSX_DISABLE_CACHE: '1',
      TMPDIR: box.tmp,
      TMP: box.tmp,
      TEMP: box.tmp,
      ...env,
    });
    expect(outside(box), 'nothing outside the work folder changes').toEqual(before);
    expect(readdirSync(box.tmp), 'the temp folder is left empty').toEqual([]);
    expect(readFileSync(join(box.parent, 'canary', 'keep.txt'), 'utf8')).toBe('canary\n');
    return run;
  } finally {
    rmSync(box.parent, { recursive: true, force: true });
  }
}

// Loaded into the CLI process: reports its peak resident memory on fd 3 as it exits.
const REPORT_USAGE = `data:text/javascript,${encodeURIComponent(
  'import { writeSync } from "node:fs"; process.on("exit", () => { try { const u = process.resourceUsage(); writeSync(3, JSON.stringify({ maxRss: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); } catch {} });',
)}`;

function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REPORT_USAGE, '--import', TSX, CLI_SOURCE, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let rss = '';
    const kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (rss += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(kill);
      const usage = (rss ? JSON.parse(rss) : { maxRss: 0, cpuUs: 0 }) as { maxRss: number; cpuUs: number };
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        maxRss: usage.maxRss * 1024,
        cpuMs: Math.round(usage.cpuUs / 1000),
      });
    });
  });
}

/**
 * `shipgate ARGS` run from the TypeScript sources in a fresh sandbox folder (its cwd, unless `cwd` is given,
 * and its TMPDIR), asserting that the run changed nothing outside it and left no temporary files.
 */
export function shipgate(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return sandboxed(args, opts.env ?? {}, opts.cwd);
}

/** A temporary directory removed after the suite. */
export function suiteTmp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `shipgate-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export interface ArchiveSpec {
  /** Files of each layer (uncompressed tars are stored). */
  layers: TarEntrySpec[][];
  /** Merged over a valid config (one history entry per layer); a function gets the valid one to edit. */
  config?: Record<string, unknown> | ((valid: Record<string, unknown>) => unknown);
  /** Replaces the manifest.json entry (a function gets the valid one). */
  manifest?: (valid: Record<string, unknown>) => unknown;
}

/** A `docker save` tarball in memory. */
async function dockerArchive(spec: ArchiveSpec): Promise<Buffer> {
  const layerTars = await Promise.all(spec.layers.map((files) => tarOf(files)));
  const valid: Record<string, unknown> = {
    architecture: 'amd64',
    os: 'linux',
    config: { User: '1000', Env: ['PATH=/usr/bin'], Cmd: ['/app'] },
    rootfs: { type: 'layers', diff_ids: layerTars.map((t) => sha256(t)) },
    history: layerTars.map((_, i) => ({ created_by: `COPY layer${i} /` })),
  };
  const config =
    typeof spec.config === 'function' ? spec.config(valid) : { ...valid, ...(spec.config ?? {}) };
  const configJson = Buffer.from(JSON.stringify(config));
  const configName = `${sha256(configJson).slice(7)}.json`;
  const layerNames = layerTars.map((t) => `${sha256(t).slice(7)}/layer.tar`);
  const entry = { Config: configName, RepoTags: ['hostile:latest'], Layers: layerNames };
  const manifest = spec.manifest ? spec.manifest(entry) : [entry];
  return tarOf([
    { name: 'manifest.json', content: JSON.stringify(manifest) },
    { name: configName, content: configJson },
    ...layerTars.map((t, i) => ({ name: layerNames[i]!, content: t })),
  ]);
}

/** Writes a crafted archive into `dir` and returns its `docker-archive:` reference. */
export async function writeArchive(dir: string, name: string, spec: ArchiveSpec): Promise<string> {
  const file = join(dir, `${name}.tar`);
  writeFileSync(file, await dockerArchive(spec));
  return `docker-archive:${file}`;
}
