/**
 * What external tools the test suites need, and how a suite asks for them.
 *
 * The global setup installs missing Debian packages when it runs as root. A suite whose tools are still
 * missing is skipped with its reason written to the run's summary; under SHIPGATE_TEST_STRICT=1 it fails
 * instead. Nothing is ever skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';

/** Command → Debian package that provides it. */
export const TOOL_PACKAGES: Record<string, string> = {
  'docker-registry': 'docker-registry',
  debootstrap: 'debootstrap',
  umoci: 'umoci',
  skopeo: 'skopeo',
  buildah: 'buildah',
  podman: 'podman',
  runc: 'runc',
  rpm: 'rpm',
  rpmbuild: 'rpm',
  'db5.3_load': 'db5.3-util',
  objcopy: 'binutils',
  unzip: 'unzip',
  python3: 'python3',
  go: 'golang-go',
  clamscan: 'clamav',
  sigtool: 'clamav',
  htpasswd: 'apache2-utils',
  openssl: 'openssl',
  zstd: 'zstd',
  'dpkg-query': 'dpkg',
  dpkg: 'dpkg',
  'dpkg-deb': 'dpkg',
  gpg: 'gpg',
  gpgconf: 'gpgconf',
  'apt-cache': 'apt',
  'apt-get': 'apt',
  gzip: 'gzip',
  tar: 'tar',
  jq: 'jq',
  rsync: 'rsync',
  git: 'git',
  mvn: 'maven',
  java: 'default-jdk-headless',
  shellcheck: 'shellcheck',
};

export const ROOT = join(import.meta.dirname, '..', '..');
export const CACHE_DIR = join(ROOT, '.cache', 'test');
export const SKIP_LOG = join(CACHE_DIR, 'skipped-suites.log');

export function strict(): boolean {
  return process.env.SHIPGATE_TEST_STRICT === '1';
}

const found = new Map<string, boolean>();

export function hasTool(cmd: string): boolean {
  let ok = found.get(cmd);
  if (ok === undefined) {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      ok = true;
    } catch {
      ok = false;
    }
    found.set(cmd, ok);
  }
  return ok;
}

/** Missing tools among `cmds`, as "cmd (Debian package pkg)". */
export function missingTools(cmds: string[]): string[] {
  return cmds.filter((c) => !hasTool(c)).map((c) => `${c} (Debian package ${TOOL_PACKAGES[c] ?? c})`);
}

/**
 * describe() that runs only when `need` is empty. Otherwise, the suite is recorded as skipped with the
 * reason (or fails under strict mode).
 */
export function describeWith(name: string, unmet: string | undefined, body: () => void): void {
  if (!unmet) {
    describe(name, body);
    return;
  }
  if (strict()) {
    describe(name, () => {
      it('has what it needs (SHIPGATE_TEST_STRICT=1 forbids skipping)', () => {
        throw new Error(`suite "${name}" cannot run: ${unmet}`);
      });
    });
    return;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  appendFileSync(SKIP_LOG, `${name}: ${unmet}\n`);
  // Skipped only outside strict mode (CI fails above instead) and only when a tool is missing: the reason is in
  // the suite's title and in the skip log that the run's summary prints.
  describe.skip(`${name} [skipped: ${unmet}]`, body); // reason: `unmet` names each missing tool
}

/** describeWith for suites that need external commands. */
export function describeWithTools(name: string, cmds: string[], body: () => void): void {
  const missing = missingTools(cmds);
  describeWith(name, missing.length ? `missing ${missing.join(', ')}` : undefined, body);
}

/** Real-world fixtures kept in the repository (copied with their provenance files). */
export const FIXTURES = join(ROOT, 'test', 'fixtures');
