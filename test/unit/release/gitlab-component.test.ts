/**
 * The GitLab component project a release publishes: the template runs the release's shipgate image, pinned by
 * digest, with its `shipgate` command and a cleared entrypoint, renders as GitLab renders it, and still runs
 * `npx` when the command input is emptied; the project creates a GitLab release for a version tag.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitlabComponent, pinnedTemplate } from '../../../build/gitlab-component.mjs';
import { checkSpec, loadTemplate, render } from '../../support/gitlab/render';
import { ROOT } from '../../support/tools';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const IMAGE = `ghcr.io/shipgate/shipgate:${pkg.version}@${DIGEST}`;

interface Job {
  image: unknown;
  variables: Record<string, string>;
  script: string[];
}

describe('the GitLab component of a release', () => {
  let out: string;
  let scan: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'sg-component-'));
    gitlabComponent({ image: IMAGE, outDir: out });
    scan = join(out, 'templates', 'scan.yml');
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is the template, a README and the release pipeline', () => {
    expect(readdirSync(out).sort()).toEqual(['.gitlab-ci.yml', 'README.md', 'templates']);
    expect(readdirSync(join(out, 'templates'))).toEqual(['scan.yml']);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain(IMAGE);
    expect(readme).toContain(`/scan@${pkg.version}`);
  });

  it('runs the shipgate image of the release by digest, with its own command and no entrypoint', () => {
    const t = loadTemplate(scan);
    expect(checkSpec(t)).toEqual([]);
    expect(t.header.spec.inputs['runner-image']?.default).toBe(IMAGE);
    expect(t.header.spec.inputs['shipgate-command']?.default).toBe('shipgate');
    const job = render(scan)['shipgate-scan'] as Job;
    expect(job.image).toEqual({ name: IMAGE, entrypoint: [''] });
    expect(job.variables.SHIPGATE_INPUT_COMMAND).toBe('shipgate');
    expect(job.variables.SHIPGATE_INPUT_VERSION).toBe(pkg.version);
  });

  it('differs from the source template only in those defaults and the image entrypoint', () => {
    const source = loadTemplate(join(ROOT, 'templates', 'scan.yml'));
    const pinned = loadTemplate(scan);
    const { 'runner-image': _a, 'shipgate-command': _b, ...rest } = pinned.header.spec.inputs;
    const { 'runner-image': _c, 'shipgate-command': _d, ...sourceRest } = source.header.spec.inputs;
    expect(rest).toEqual(sourceRest);
    const job = '$[[ inputs.job-prefix ]]-scan';
    const body = pinned.body[job] as Record<string, unknown>;
    const sourceBody = source.body[job] as Record<string, unknown>;
    expect({ ...body, image: undefined }).toEqual({ ...sourceBody, image: undefined });
    expect(sourceBody.image).toBe('$[[ inputs.runner-image ]]');
  });

  it('still runs npx in another image when the command input is emptied', () => {
    const job = render(scan, { 'shipgate-command': '', 'runner-image': 'node:24-slim' })[
      'shipgate-scan'
    ] as Job;
    expect(job.image).toEqual({ name: 'node:24-slim', entrypoint: [''] });
    expect(job.variables.SHIPGATE_INPUT_COMMAND).toBe('');
    expect(job.script.join('\n')).toContain('npx --yes @shipgate/cli@$SHIPGATE_INPUT_VERSION');
  });

  it('creates the GitLab release, and so the catalog version, for a version tag only', () => {
    const ci = parse(readFileSync(join(out, '.gitlab-ci.yml'), 'utf8')) as {
      'create-release': { rules: { if: string }[]; release: { tag_name: string } };
    };
    const job = ci['create-release'];
    expect(job.release.tag_name).toBe('$CI_COMMIT_TAG');
    const pattern = /=~ \/(.*)\/$/.exec(job.rules[0]!.if)![1]!;
    expect(new RegExp(pattern).test(pkg.version)).toBe(true);
    expect(new RegExp(pattern).test(`v${pkg.version}`)).toBe(false);
  });

  it('refuses an image that is not pinned by digest, and a folder that holds files', () => {
    const text = readFileSync(join(ROOT, 'templates', 'scan.yml'), 'utf8');
    for (const bad of [
      `ghcr.io/shipgate/shipgate:${pkg.version}`,
      `ghcr.io/shipgate/shipgate@${DIGEST}`,
      `ghcr.io/shipgate/shipgate:${pkg.version}@sha256:abc`,
    ])
      expect(() => pinnedTemplate(text, bad), bad).toThrow(/pinned by digest/);
    writeFileSync(join(out, 'extra'), '');
    expect(() => gitlabComponent({ image: IMAGE, outDir: out })).toThrow(/is not empty/);
    rmSync(join(out, 'extra'));
  });
});
