/**
 * One name and one version everywhere a user copies them from: package.json, the lock file, the GitLab
 * component's `version` default and the command it runs, the docs, the changelog and `shipgate --version`.
 * Nothing tells users to run the unscoped npm name `shipgate`, which belongs to unrelated projects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMIT, VERSION } from '../../../src/core/version';
import { loadTemplate, render } from '../../support/gitlab/render';
import { ROOT } from '../../support/tools';

interface PackageJson {
  name: string;
  version: string;
  bin: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  publishConfig: { access: string };
  packages: Record<string, { name?: string; version?: string }>;
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as PackageJson;
const SCAN = join(ROOT, 'templates', 'scan.yml');

/** Every file a user reads or copies commands from. */
function userFacingFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  const templates = readdirSync(join(ROOT, 'templates')).map((f) => `templates/${f}`);
  return ['README.md', 'action.yml', 'CONTRIBUTING.md', ...docs, ...templates];
}

describe('release identity', () => {
  it('publishes the scoped package @shipgate/cli with the shipgate command and its repository', () => {
    expect(pkg.name).toBe('@shipgate/cli');
    expect(pkg.bin).toEqual({ shipgate: 'dist/cli.js' });
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/shipgate/shipgate.git' });
    expect(pkg.homepage).toBe('https://github.com/shipgate/shipgate#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/shipgate/shipgate/issues' });
    expect(pkg.publishConfig).toEqual({ access: 'public' });
  });

  it('has one version: package.json, the lock file, the source and the changelog', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    const lock = JSON.parse(read('package-lock.json')) as PackageJson;
    expect([lock.name, lock.version]).toEqual([pkg.name, pkg.version]);
    expect(lock.packages['']).toMatchObject({ name: pkg.name, version: pkg.version });
    expect(VERSION).toBe(pkg.version);
    expect(read('CHANGELOG.md')).toMatch(
      new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
  });

  it('knows no commit when run from source (the build records it)', () => {
    expect(COMMIT).toBe('unknown');
  });

  it('runs exactly the package version in the GitLab component by default', () => {
    const spec = loadTemplate(SCAN).header.spec.inputs.version;
    expect(spec?.default).toBe(pkg.version);
    const job = render(SCAN)['shipgate-scan'] as { variables: Record<string, string>; script: string[] };
    expect(job.variables.SHIPGATE_INPUT_VERSION).toBe(pkg.version);
    const script = job.script.join('\n');
    expect(script.match(/npx[^\n}]*/g)).toEqual(['npx --yes @shipgate/cli@$SHIPGATE_INPUT_VERSION']);
    const versionRow = read('docs/gitlab.md')
      .split('\n')
      .find((l) => l.startsWith('| `version`'));
    expect(versionRow).toContain(`| \`${pkg.version}\``);
  });

  it('accepts only an exact version in the GitLab component (no range, tag or partial version)', () => {
    for (const v of ['latest', '^1.2.3', '~1.2.3', '1.2', '1.x', '>=1.0.0', '1.2.3 || 2.0.0', ''])
      expect(() => render(SCAN, { version: v }), v).toThrow(/does not match required RegEx/);
    expect(() => render(SCAN, { version: '1.2.3-rc.1' })).not.toThrow();
  });

  it.each(userFacingFiles())('%s names the package by its scoped name and the current version', (file) => {
    const text = read(file);
    for (const m of text.matchAll(/@shipgate\/cli@([^\s`'")}]+)/g))
      expect(m[1], `${file}: ${m[0]}`).toMatch(
        new RegExp(`^(${pkg.version.replace(/\./g, '\\.')}|<version>|X\\.Y\\.Z|\\$SHIPGATE_INPUT_VERSION)$`),
      );
    // npx with the unscoped name downloads whatever is published as "shipgate"; --no forbids any download.
    expect(text, file).not.toMatch(/npx (--yes |-y )?shipgate\b/);
    expect(text, file).not.toMatch(/(?<![\w/@])shipgate@\d/);
    const major = pkg.version.split('.')[0];
    for (const m of text.matchAll(/uses: shipgate\/shipgate@(v\d+)\b/g)) expect(m[1], file).toBe(`v${major}`);
  });
});
