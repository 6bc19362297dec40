/**
 * Text from an image (file names, labels, package names, build history) carrying forged workflow commands and
 * line breaks: the logger, the text report and the action print it on one line each, and the action wraps
 * any line holding `::` in a stop-commands block, so the runner executes only shipgate's own commands.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Logger, MemorySink } from '../../src/core/logger';
import { printable } from '../../src/core/text';
import { inertLines } from '../../src/platform/github/commands';
import { ROOT } from '../support/tools';
import { shipgate, suiteTmp, writeArchive } from './support';

const tmp = suiteTmp('untrusted');

const PAYLOADS = [
  '::error file=a.ts::forged error',
  '::add-mask::x',
  '::set-output name=a::b',
  '::stop-commands::x',
];
const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n'.repeat(4);

/** An image whose file names, labels, package name and history each carry a payload after a line break. */
async function forgedImage(): Promise<string> {
  return writeArchive(tmp, 'forged', {
    layers: [
      [
        {
          name: `etc/key\n${PAYLOADS[0]}.pem`,
          content: `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}-----END RSA PRIVATE KEY-----\n`,
        },
        {
          name: `etc/other\r\n${PAYLOADS[1]}\u001b[2J.pem`,
          content: `-----BEGIN EC PRIVATE KEY-----\n${KEY_BODY}-----END EC PRIVATE KEY-----\n`,
        },
        {
          name: 'usr/lib/node_modules/evil/package.json',
          content: JSON.stringify({ name: `evil\n${PAYLOADS[2]}`, version: '1.0.0' }),
        },
      ],
    ],
    config: (v) => ({
      ...v,
      config: {
        ...(v.config as object),
        Labels: { [`l\n${PAYLOADS[3]}`]: `\n${PAYLOADS[0]}`, maintainer: `a\n${PAYLOADS[1]}` },
      },
      history: [
        {
          created_by: `RUN echo\n${PAYLOADS[2]}\naws_secret_access_key=Zk3j9QmP2xLr8VbN4tYw6HsD1cGf5AeUo7KiR0nM`,
        },
      ],
    }),
  });
}

/** The commands a GitHub runner would execute from this output, honouring stop-commands blocks. */
function executedCommands(output: string): string[] {
  const out: string[] = [];
  let stopToken: string | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([\w-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'stop-commands') stopToken = m[2];
    else out.push(line);
  }
  return out;
}

describe('hostile text in logs: one printable line whatever the input', () => {
  it('printable() removes line breaks, escapes and bidi overrides', () => {
    expect(printable('a\nb\r\nc\u2028d\u001b[31me\u0007\u202ef\tg')).toBe('a b c def\tg');
  });

  it('the logger writes each message as one line', () => {
    const sink = new MemorySink();
    const log = new Logger([sink], 'debug');
    for (const p of PAYLOADS) log.info(`file /etc/x\n${p}\r${p}`);
    expect(sink.lines).toHaveLength(PAYLOADS.length);
    for (const { line } of sink.lines) expect(line).not.toMatch(/[\n\r]/);
  });

  it('inertLines wraps text holding "::" in a stop-commands block with a fresh token', () => {
    expect(inertLines('plain text')).toEqual(['plain text']);
    const [open, text, close] = inertLines('x ::add-mask::y');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(open!)?.[1];
    expect(token).toBeDefined();
    expect(text).toBe('x ::add-mask::y');
    expect(close).toBe(`::${token}::`);
    expect(inertLines('a::b')[0]).not.toBe(open);
  });
});

describe('hostile text in the CLI text report: no output line starts with "::"', () => {
  it('file names, labels, package names and history from the image', async () => {
    const ref = await forgedImage();
    const r = await shipgate(['scan', '--image', ref, '--scanners', 'secret,config', '--list-packages']);
    expect(r.code).toBe(1);
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(lines.filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
    expect(r.stdout).toContain('::error file=a.ts::forged error');
    expect(r.stdout).toContain('set-output');
    expect(r.stdout).not.toContain('\u001b');
  });
});

describe('hostile text in the GitHub Action log: the runner executes only shipgate commands', () => {
  // Builds an image and runs the action from the sources: minutes on a loaded 2-core machine.
  it(
    'forged commands in file names, labels, package names and history stay inert',
    { timeout: 180_000 },
    async () => {
      const ref = await forgedImage();
      const outputFile = join(tmp, 'github-output');
      const summaryFile = join(tmp, 'summary.md');
      writeFileSync(outputFile, '');
      writeFileSync(summaryFile, '');
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'action', 'index.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          GITHUB_ACTIONS: 'true',
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          INPUT_IMAGE: ref,
          INPUT_SCANNERS: 'secret,config',
          'INPUT_UPLOAD-SARIF': 'false',
          'INPUT_WORKING-DIRECTORY': tmp,
        },
      });
      expect(r.status, r.stdout + r.stderr).toBe(1);
      const executed = executedCommands(r.stdout);
      expect(executed.length).toBeGreaterThan(0);
      // group/endgroup are the log sections of each phase (their titles pass through the same inert printing).
      for (const c of executed)
        expect(c).toMatch(/^::(debug|add-mask|error|warning|notice|group|endgroup)( [^:]*)?::/);
      // Shipgate's own commands may quote the forged text as their message; none is a forged command.
      const forged = executed.filter(
        (c) => c === '::add-mask::x' || c.startsWith('::error file=a.ts::') || c.startsWith('::set-output'),
      );
      expect(forged).toEqual([]);
      // The forged ::stop-commands::x opened no block: shipgate's closing error still runs.
      expect(executed.at(-1)).toMatch(/^::error::shipgate: not approved: /);
      // The forged text was printed (inside a block), not dropped.
      expect(r.stdout).toContain('::error file=a.ts::forged error');
    },
  );
});
