/**
 * The image rules read from the configuration and the layer list (size, layer count, end-of-life OS, age), on
 * real images built with umoci and scanned by the bundled CLI, each beside an image that stays under the limit,
 * with the default limits and with the policy's own.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBundle, runCli } from '../../support/bundle';
import { IMAGE_TOOLS } from '../../support/images';
import { buildTestImage, type BuildSpec } from '../../support/oci-build';
import { describeWithTools, ROOT } from '../../support/tools';

const release = (id: string, version: string) => ({
  createdBy: 'COPY rootfs/ / # buildkit',
  files: { '/etc/os-release': `ID=${id}\nVERSION_ID="${version}"\nPRETTY_NAME="${id} ${version}"\n` },
});

/** 51 layers (the default limit is 50), Debian 9 (end of life 2022-06-30), built in 2020. */
const OLD: BuildSpec = {
  base: 'scratch',
  layers: [
    release('debian', '9'),
    ...Array.from({ length: 50 }, (_, i) => ({
      createdBy: `RUN echo ${i} > /step # buildkit`,
      files: { [`/steps/${i}`]: `${i}\n` },
    })),
  ],
  config: ['--created', '2020-01-01T00:00:00Z'],
};

/** One layer, a supported Debian, built now. */
const FRESH: BuildSpec = {
  base: 'scratch',
  layers: [release('debian', '12')],
  config: ['--created', new Date().toISOString().slice(0, 10) + 'T00:00:00Z'],
};

/** Bytes gzip cannot shrink, the same on every run (so the built image is cached). */
const incompressible = (bytes: number): Buffer =>
  Buffer.concat(
    Array.from({ length: Math.ceil(bytes / 32) }, (_, i) => createHash('sha256').update(String(i)).digest()),
  ).subarray(0, bytes);

/** Three MiB that gzip cannot shrink, in one layer. */
const BIG: BuildSpec = {
  base: 'scratch',
  layers: [
    release('debian', '12'),
    { createdBy: 'COPY blob /blob # buildkit', files: { '/blob': incompressible(3 << 20) } },
  ],
  config: ['--created', new Date().toISOString().slice(0, 10) + 'T00:00:00Z'],
};

let out = '';
async function findings(
  ref: string,
  name: string,
  ...args: string[]
): Promise<{ ruleId: string; message: string }[]> {
  const json = join(out, `${name}.json`);
  const r = await runCli(
    [
      'scan',
      '--image',
      ref,
      '--scanners',
      'config',
      '--json',
      json,
      '--fail-on',
      'none',
      '--offline',
      ...args,
    ],
    ROOT,
    { ...process.env, NO_COLOR: '1' },
  );
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(readFileSync(json, 'utf8')) as { findings: { ruleId: string; message: string }[] })
    .findings;
}

describeWithTools('layer count, end-of-life OS and age on real images', IMAGE_TOOLS, () => {
  let old: { ruleId: string; message: string }[] = [];
  let fresh: { ruleId: string; message: string }[] = [];
  let big: { ruleId: string; message: string }[] = [];
  let oldLimits: { ruleId: string; message: string }[] = [];
  let bigLimits: { ruleId: string; message: string }[] = [];
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'shipgate-build-checks-'));
    await ensureBundle();
    const oldRef = await buildTestImage('build-old', OLD);
    const bigRef = await buildTestImage('build-big', BIG);
    old = await findings(oldRef, 'old');
    fresh = await findings(await buildTestImage('build-fresh', FRESH), 'fresh');
    big = await findings(bigRef, 'big');
    const policy = join(out, 'shipgate.yaml');
    writeFileSync(policy, 'version: 1\nimage:\n  max-size-mb: 1\n  max-layers: 51\n  max-age-days: 36500\n');
    oldLimits = await findings(oldRef, 'old-limits', '-c', policy);
    bigLimits = await findings(bigRef, 'big-limits', '-c', policy);
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const of = (fs: { ruleId: string; message: string }[], id: string) =>
    fs.filter((f) => f.ruleId === id).map((f) => f.message);

  it('SG-IMG-008 over 50 layers', () => {
    expect(of(old, 'SG-IMG-008')).toEqual(['The image has 51 layers, over 50.']);
    expect(of(fresh, 'SG-IMG-008')).toEqual([]);
  });

  it('SG-IMG-009 an end-of-life release from /etc/os-release', () => {
    expect(of(old, 'SG-IMG-009')).toEqual(['The base OS debian 9 is end of life since 2022-06-30.']);
    expect(of(fresh, 'SG-IMG-009')).toEqual([]);
  });

  it('SG-IMG-010 built over a year ago', () => {
    expect(of(old, 'SG-IMG-010')).toHaveLength(1);
    expect(of(old, 'SG-IMG-010')[0]).toMatch(
      /^The image was built \d+ days ago \(2020-01-01\), over 365 days\.$/,
    );
    expect(of(fresh, 'SG-IMG-010')).toEqual([]);
  });

  it('SG-IMG-007 over the size limit, 1 GiB by default', () => {
    expect(of(big, 'SG-IMG-007')).toEqual([]);
    expect(of(bigLimits, 'SG-IMG-007')).toHaveLength(1);
    expect(of(bigLimits, 'SG-IMG-007')[0]).toMatch(/^The image is 3 MiB compressed, over 1 MiB\.$/);
  });

  it("the policy's image limits replace the defaults", () => {
    expect(of(oldLimits, 'SG-IMG-008')).toEqual([]);
    expect(of(oldLimits, 'SG-IMG-010')).toEqual([]);
    expect(of(oldLimits, 'SG-IMG-009')).toEqual(of(old, 'SG-IMG-009'));
  });
});
