/**
 * Inputs that used to end in an internal error (exit 3 with a stack) are input errors: exit 2 with one
 * "shipgate: error [CODE]: ..." line after the progress lines. And a closed stdout (`shipgate rules | head`) ends the run quietly.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pack, type Header } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { tarOf } from '../support/images';
import { ROOT } from '../support/tools';
import { CLI_SOURCE, sha256, shipgate, suiteTmp, type CliRun } from './support';

const tmp = suiteTmp('input-errors');

function expectInputError(r: CliRun, code: string, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.filter((l) => l.startsWith('shipgate: error'))).toHaveLength(1);
  expect(lines.at(-1)).toMatch(new RegExp(`^shipgate: error \\[${code}\\]: `));
  expect(lines.at(-1)).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** One tar member with the given pax records (tar-stream writes them as a pax header). */
async function tarWithPax(name: string, body: Buffer, pax: Record<string, string>): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((r) => p.on('end', () => r()));
  p.entry({ name, size: body.length, pax } as Header, body);
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

describe('hostile inputs: input errors, not internal errors', () => {
  it('COPY [z-a] with --context', async () => {
    const ctx = join(tmp, 'ctx');
    mkdirSync(ctx, { recursive: true });
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM alpine:3.20\nCOPY [z-a] /x\n');
    const r = await shipgate(['scan', '--dockerfile', join(ctx, 'Dockerfile'), '--context', ctx]);
    expectInputError(
      r,
      'DOCKERFILE_PARSE',
      /Dockerfile:2 COPY \[z-a\]: "\[z-a\]" is not a valid file pattern/,
    );
  });

  it('a pax header with a negative size, in the archive and in a layer', async () => {
    const outer = join(tmp, 'pax-outer.tar');
    writeFileSync(outer, await tarWithPax('manifest.json', Buffer.from('[]'), { size: '-1' }));
    expectInputError(
      await shipgate(['scan', '--image', `docker-archive:${outer}`, '--scanners', 'secret']),
      'IMAGE_FORMAT',
      /invalid pax size "-1"/,
    );

    const layer = await tarWithPax('etc/x', Buffer.from('hello'), { size: '-1' });
    const config = JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [sha256(layer)] },
    });
    const inner = join(tmp, 'pax-layer.tar');
    writeFileSync(
      inner,
      await tarOf([
        { name: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['l.tar'] }]) },
        { name: 'c.json', content: config },
        { name: 'l.tar', content: layer },
      ]),
    );
    expectInputError(
      await shipgate(['scan', '--image', `docker-archive:${inner}`, '--scanners', 'secret']),
      'IMAGE_FORMAT',
      /layer 0 .*malformed tar/,
    );
  });

  it('deeply nested shell in RUN, while a long && chain still lints', async () => {
    const deep = join(tmp, 'deep.Dockerfile');
    writeFileSync(deep, `FROM alpine:3.20\nRUN ${'$('.repeat(3000)}x${')'.repeat(3000)}\n`);
    expectInputError(
      await shipgate(['lint', deep]),
      'DOCKERFILE_PARSE',
      /deep\.Dockerfile:2: RUN: .*nests more than/,
    );

    const chain = join(tmp, 'chain.Dockerfile');
    const commands = Array.from({ length: 300 }, (_, i) => `echo ${i}`).join(' && ');
    writeFileSync(chain, `FROM alpine:3.20\nRUN ${commands}\nUSER app\n`);
    const r = await shipgate(['lint', chain]);
    expect(r.stderr).not.toContain('error [');
    expect([0, 1]).toContain(r.code);
  });

  it('/dev/zero given as the Dockerfile', async () => {
    expectInputError(await shipgate(['lint', '/dev/zero']), 'INPUT', /\/dev\/zero is larger than \d+ bytes/);
  });

  it('`shipgate rules | head` exits quietly when the reader goes away', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, 'rules', '--format', 'json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -c 100`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
