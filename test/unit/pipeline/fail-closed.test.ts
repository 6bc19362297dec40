/**
 * The gate fails closed: an analyzer that throws makes the decision "not approved" with a reason that names it,
 * unless the policy marks that analyzer optional (then the failure is a visible, non-blocking reason).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { ScanResult } from '../../../src/core/result';
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

async function scan(ref: string, extra: string[] = []): Promise<{ code: number; result: ScanResult }> {
  const json = join(work, `${Math.random().toString(36).slice(2)}.json`);
  const code = await main(['-q', 'scan', '--image', ref, '--scanners', 'secret', '--json', json, ...extra]);
  return { code, result: JSON.parse(readFileSync(json, 'utf8')) as ScanResult };
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

describe('an analyzer that fails refuses the image', () => {
  it.each([
    ['a numeric history created_by', { history: [{ created_by: 42 }] }],
    ['Cmd as a string', { config: { Cmd: 'sleep infinity' } }],
    ['a non-string Env entry', { config: { Env: ['PATH=/bin', 7] } }],
  ])('%s: not approved, exit 1, the reason names the secrets analyzer', async (name, config) => {
    const ref = await image(name.replace(/\W+/g, '-'), config);
    const { code, result } = await scan(ref);
    expect(code).toBe(1);
    expect(result.decision?.approved).toBe(false);
    const reason = result.decision?.reasons.find((r) => r.code === 'analyzer-failed');
    expect(reason).toMatchObject({ blocking: true });
    expect(reason?.message).toMatch(/^analyzer secrets failed to finish: \S/);
    expect(result.analyzers?.find((a) => a.name === 'secrets')?.status).toBe('failed');
  });

  it('the policy can make the analyzer optional: a visible non-blocking reason, never silence', async () => {
    const ref = await image('optional', { history: [{ created_by: 42 }] });
    writeFileSync(join(work, 'policy.yaml'), 'version: 1\nanalyzers:\n  secrets: optional\n');
    const { code, result } = await scan(ref, ['--config', join(work, 'policy.yaml')]);
    expect(code).toBe(0);
    expect(result.decision?.approved).toBe(true);
    const reason = result.decision?.reasons.find((r) => r.code === 'analyzer-failed');
    expect(reason).toMatchObject({ blocking: false });
    expect(reason?.message).toMatch(/^analyzer secrets failed to finish: .+ \(optional by policy\)$/);
    expect(result.warnings.join('\n')).toMatch(/analyzer secrets failed/);
  });
});

describe('whatever makes an analyzer throw', () => {
  it('the walk records the failure, and the decision refuses the image with the reason', async () => {
    const { openImage, walkImage } = await import('../../../src/image/index');
    const { decide } = await import('../../../src/policy/decide');
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
});
