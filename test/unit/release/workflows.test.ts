/**
 * The workflows as the release issue requires them: every action pinned by a commit SHA, the release workflow
 * with no default permissions and each job's own, the major tag moved only after every publishing job, and
 * the workflow linter's handling of permissions newer than its schema.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../support/tools';

interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const read = (name: string): string => readFileSync(join(WORKFLOWS, name), 'utf8');
const release = parse(read('release.yml')) as Workflow;

/** The jobs `name` waits for, directly or not. */
function upstream(name: string, seen = new Set<string>()): Set<string> {
  const needs = release.jobs[name]?.needs ?? [];
  for (const n of Array.isArray(needs) ? needs : [needs]) {
    if (!seen.has(n)) {
      seen.add(n);
      upstream(n, seen);
    }
  }
  return seen;
}

function lint(text: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sg-workflow-'));
  try {
    writeFileSync(join(dir, 'wf.yml'), text);
    const r = spawnSync(process.execPath, [join(ROOT, 'build', 'lint-workflows.mjs'), join(dir, 'wf.yml')], {
      encoding: 'utf8',
    });
    return { status: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the workflows', () => {
  it.each(readdirSync(WORKFLOWS).filter((f) => f.endsWith('.yml')))(
    '%s pins every action of another repository by commit SHA',
    (f) => {
      const uses = [...read(f).matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, f).toBeGreaterThan(0);
      for (const [, ref, comment] of uses) {
        if (ref === './') continue; // this repository's own action, at the workflow's commit
        expect(ref, f).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(comment, `${f}: ${ref} names its version`).toMatch(/# v\d+/);
      }
    },
  );

  it('release runs on version tags only, with no default permissions and each job its own', () => {
    expect(release.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*']);
    expect(release.permissions).toEqual({});
    for (const [name, job] of Object.entries(release.jobs)) {
      expect(job.permissions, name).toBeDefined();
      expect(job.permissions!.contents, name).toMatch(/^(read|write)$/);
    }
    const writers = Object.entries(release.jobs)
      .filter(([, j]) => j.permissions?.contents === 'write')
      .map(([n]) => n);
    expect(writers.sort()).toEqual(['github-release', 'major-tag']);
  });

  it('release tests before anything is built, and moves the major tag only after every publication', () => {
    for (const job of Object.keys(release.jobs).filter((n) => n !== 'test'))
      expect(upstream(job).has('test'), job).toBe(true);
    expect(upstream('major-tag')).toEqual(
      new Set(['test', 'assets', 'image', 'github-release', 'npm', 'gitlab-component']),
    );
    const attest = Object.values(release.jobs).flatMap((j) =>
      j.steps.filter((s) => s.uses?.startsWith('actions/attest-build-provenance@')),
    );
    expect(attest.map((s) => s.with)).toContainEqual({ 'subject-checksums': 'release/SHA256SUMS' });
    const npm = release.jobs.npm!.steps.map((s) => s.run ?? '').join('\n');
    expect(npm).toContain('npm publish "release/shipgate-cli-$VERSION.tgz" --provenance');
  });

  it('release signs each asset with the shipgate it builds, and verifies them before and at publication', () => {
    const ASSETS = [
      'release/shipgate-cli-$VERSION.tgz',
      'release/shipgate-$VERSION.tar.gz',
      'release/shipgate-$VERSION.cdx.json',
      'release/SHA256SUMS',
    ];
    const runs = (job: string): string[] => release.jobs[job]!.steps.map((s) => s.run ?? '');
    const index = (job: string, text: string): number => runs(job).findIndex((r) => r.includes(text));
    const assets = runs('assets');
    const build = index('assets', 'npm run -s build -- --outdir "$RUNNER_TEMP/shipgate"');
    const sign = index('assets', '"$RUNNER_TEMP/shipgate/cli.js" sign-blob');
    const verify = index('assets', '"$RUNNER_TEMP/shipgate/cli.js" verify-blob');
    expect(build).toBeGreaterThan(index('assets', 'build/release-assets.mjs'));
    expect(sign).toBeGreaterThan(build);
    expect(verify).toBeGreaterThan(sign);
    const signed = (text: string): string[] =>
      [...text.matchAll(/"?(release\/[^\s"]+)"?/g)].map((m) => m[1]!);
    expect(signed(assets[sign]!)).toEqual(ASSETS);
    expect(signed(assets[verify]!)).toEqual(ASSETS);
    expect(assets[verify]).toContain(
      '--github-repository "$GITHUB_REPOSITORY" --workflow .github/workflows/release.yml --ref "$GITHUB_REF"',
    );
    expect(release.jobs.assets!.permissions!['id-token']).toBe('write');
    // The release job publishes what it verified, with no token to sign anything itself.
    const publish = index('github-release', 'gh release create');
    const check = index('github-release', 'dist/cli.js verify-blob');
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(publish);
    expect(signed(runs('github-release')[check]!)).toEqual(ASSETS);
    expect(release.jobs['github-release']!.permissions!['id-token']).toBeUndefined();
  });

  it('the linter accepts the workflows and checks the permissions its schema does not know', () => {
    expect(lint(read('release.yml'))).toEqual({ status: 0, stderr: '' });
    const bad = lint(read('release.yml').replace('attestations: write', 'attestations: admin'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      '/jobs/assets/permissions/attestations: must be read, write or none (got admin)',
    );
    const unknown = lint(read('release.yml').replace('attestations: write', 'attestation: write'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Additional property 'attestation' is not allowed/);
  });
});
