/**
 * Runs the bundled action (dist/index.js) the way the runner does: node on the file, inputs as INPUT_*
 * variables (name upper-cased, hyphens kept) with action.yml's defaults for the rest, GITHUB_* variables,
 * an event payload file, and output and summary files.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { FakeGitHub } from './fake-github';
import { ACTION, ensureBundle } from './bundle';

export const ROOT = join(import.meta.dirname, '..', '..');
// SHIPGATE_TEST_ACTION_DIST runs the suites on another bundle (and skips the build).
const DIST = process.env.SHIPGATE_TEST_ACTION_DIST ?? ACTION;
export const SHA = '1'.repeat(40);

export interface RunOutput {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  ws: string;
}

/** Parses the GITHUB_OUTPUT file (name<<delimiter ... delimiter blocks, as @actions/core writes them). */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

let dir: string;

/** Builds the bundle (once per test run) and makes a scratch directory; call from the suite's top level. */
export function useBundledAction(): void {
  beforeAll(async () => {
    if (!process.env.SHIPGATE_TEST_ACTION_DIST) await ensureBundle();
    dir = mkdtempSync(join(tmpdir(), 'sg-action-'));
  }, 600_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

let n = 0;
export async function runAction(opts: {
  inputs: Record<string, string>;
  event: string;
  payload: object;
  fake?: FakeGitHub;
  files?: Record<string, string>;
  ref?: string;
}): Promise<RunOutput> {
  const ws = join(dir, `ws${++n}`);
  mkdirSync(ws, { recursive: true });
  for (const [p, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(join(ws, p, '..'), { recursive: true });
    writeFileSync(join(ws, p), text);
  }
  const eventPath = join(dir, `event${n}.json`);
  writeFileSync(eventPath, JSON.stringify(opts.payload));
  const outputFile = join(dir, `output${n}`);
  const summaryFile = join(dir, `summary${n}.md`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REF: opts.ref ?? 'refs/heads/main',
    GITHUB_SHA: SHA,
    GITHUB_WORKSPACE: ws,
    GITHUB_RUN_ID: '99',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: opts.fake?.url ?? 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    SHIPGATE_UPLOAD_POLL_MS: '20',
    // The runner passes every input, with action.yml's defaults for the ones the workflow leaves out.
    ...defaultsEnv(),
    ...Object.fromEntries(Object.entries(opts.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const child = spawn(process.execPath, [DIST], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    ws,
  };
}

function defaultsEnv(): Record<string, string> {
  const yaml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const env: Record<string, string> = {};
  const inputs = yaml.slice(yaml.indexOf('\ninputs:'), yaml.indexOf('\noutputs:'));
  let current = '';
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([a-z-]+):$/.exec(line);
    if (name) current = name[1]!;
    const def = /^ {4}default: (.*)$/.exec(line);
    if (def && current) {
      const v = def[1]!.replace(/^'(.*)'$/, '$1');
      env[`INPUT_${current.toUpperCase()}`] = current === 'token' ? '' : v;
    }
  }
  return env;
}
