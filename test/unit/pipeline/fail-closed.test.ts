/**
 * The gate fails closed: an analyzer that throws makes the decision "not approved" with a reason that names it,
 * unless the policy marks that analyzer optional (then a visible, non-blocking reason); wrongly typed image
 * configs that once made an analyzer throw now end at the image boundary with exit 2.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { ScanResult } from '../../../src/core/result';
import { decide } from '../../../src/policy/decide';
import { loadPolicy } from '../../../src/policy/load';
import { LAYER_TAR, tarOf, writeLayoutImage } from '../../support/images';

// A made-up key in the AWS format (not an example value the scanner ignores).
const AWS_KEY = 'AKIAZ7VQ3XKD4LMNPQ2R';
const AWS_SECRET = '9dF3kLmN0pQrStUvWxYz1A2b3C4d5E6f7G8h9I0j';

let work: string;
let cwd: string;

async function image(name: string, config: Record<string, unknown>): Promise<string> {
  const layer = await tarOf([
    { name: 'app/', type: 'directory' },
    {
      name: 'app/.env',
      content: `AWS_ACCESS_KEY_ID=${AWS_KEY}\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET}\n`,
    },
  ]);
  const dir = join(work, name);
  writeLayoutImage(dir, 'latest', [{ blob: layer, mediaType: LAYER_TAR }], config);
  return `oci:${dir}:latest`;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shipgate-fail-closed-'));
  cwd = process.cwd();
  process.chdir(work);
});

afterAll(() => {
  process.chdir(cwd);
  rmSync(work, { recursive: true, force: true });
});

describe('images that once made an analyzer throw are never approved', () => {
  // These configs made the secrets analyzer throw and the image pass with exit 0. The image boundary now checks
  // every field's type, so they end as a one-line IMAGE_FORMAT error (exit 2) before any analyzer runs.
  it.each([
    ['a numeric history created_by', { history: [{ created_by: 42 }] }, /history\[0\]\.created_by/],
    ['Cmd as a string', { config: { Cmd: 'sleep infinity' } }, /config\.Cmd/],
    ['a non-string Env entry', { config: { Env: ['PATH=/bin', 7] } }, /config\.Env/],
  ])('%s: exit 2, one line naming the field, no report approving it', async (name, config, field) => {
    const ref = await image(name.replace(/\W+/g, '-'), config);
    const json = join(work, `${name.replace(/\W+/g, '-')}.json`);
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let code: number;
    try {
      code = await main(['-q', 'scan', '--image', ref, '--scanners', 'secret', '--json', json]);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(2);
    const last = errors.join('').trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^shipgate: error \[IMAGE_FORMAT\]: /);
    expect(last).toMatch(field);
    expect(existsSync(json)).toBe(false);
  });
});

describe('whatever makes an analyzer throw', () => {
  it('the walk records the failure, and the decision refuses the image with the reason', async () => {
    const { openImage, walkImage } = await import('../../../src/image/index');
    const { defaultPolicy } = await import('../../../src/policy/defaults');
    const ref = await image('throwing', {});
    const opened = await openImage(ref);
    try {
      const walk = await walkImage(opened, [
        {
          name: 'exploding',
          wants: (e) => e.path === '/app/.env',
          analyze: () => {
            throw new Error('boom');
          },
          finish: () => ({ findings: [] }),
        },
      ]);
      expect(walk.failures).toEqual([
        { index: 0, analyzer: 'exploding', error: 'on /app/.env (layer 0): boom' },
      ]);
    } finally {
      await opened.close();
    }
    const result: ScanResult = {
      tool: { name: 'shipgate', version: '0' },
      startedAt: '',
      finishedAt: '',
      dockerfiles: [],
      packages: [],
      findings: [],
      rules: [],
      warnings: [],
      analyzers: [
        {
          name: 'users',
          scanner: 'config',
          version: 1,
          status: 'failed',
          detail: 'failed on /etc/passwd (layer 0): boom',
        },
      ],
    };
    expect(decide(result, defaultPolicy())).toMatchObject({
      approved: false,
      reasons: [
        {
          code: 'analyzer-failed',
          blocking: true,
          message: 'analyzer users failed on /etc/passwd (layer 0): boom',
        },
      ],
    });
  });

  it('the policy can make an analyzer optional: approved, with a visible non-blocking reason', () => {
    writeFileSync(join(work, 'optional.yaml'), 'version: 1\nanalyzers:\n  users: optional\n');
    const policy = loadPolicy(work, join(work, 'optional.yaml'));
    const result: ScanResult = {
      tool: { name: 'shipgate', version: '0' },
      startedAt: '',
      finishedAt: '',
      dockerfiles: [],
      packages: [],
      findings: [],
      rules: [],
      warnings: [],
      analyzers: [
        {
          name: 'users',
          scanner: 'config',
          version: 1,
          status: 'failed',
          detail: 'failed on /etc/passwd (layer 0): boom',
        },
      ],
    };
    const decision = decide(result, policy);
    expect(decision.approved).toBe(true);
    expect(decision.reasons.find((r) => r.code === 'analyzer-failed')).toMatchObject({
      blocking: false,
      message: expect.stringMatching(/\(optional by policy\)$/),
    });
  });
});
