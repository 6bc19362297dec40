/**
 * Helpers for the hostile-input suites: crafted docker-archive tarballs built in memory with tar-stream,
 * and the CLI run from the sources.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { tarOf, type TarEntrySpec } from '../support/images';
import { ROOT } from '../support/tools';

export const CLI_SOURCE = join(ROOT, 'src', 'cli', 'index.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', ...env };
}

/** `shipgate ARGS` run from the TypeScript sources. */
export function shipgate(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cliEnv(opts.env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Like shipgate(), without blocking the event loop. */
export function shipgateAsync(args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], {
      cwd: ROOT,
      env: cliEnv(opts.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
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
