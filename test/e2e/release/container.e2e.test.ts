/**
 * The shipgate container image, built by build/image.sh from the packed npm tarball: it runs under podman as
 * user 65532, prints its version, lints a mounted Dockerfile, runs a CI job script with its busybox shell (GitLab
 * runs the component's script that way), and shipgate itself approves it
 * under the default policy. The scan runs offline with the OSV records in test/fixtures/osv and a ClamAV
 * database holding one EICAR signature, so malware scanning really runs (the release workflow downloads both).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI } from '../../support/bundle';
import { serialHeavySuite } from '../../support/images';
import { packTarball, RELEASE_IMAGE_TOOLS, shipgateImage } from '../../support/release';
import { describeWithTools, FIXTURES, ROOT } from '../../support/tools';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describeWithTools('the shipgate container image', [...RELEASE_IMAGE_TOOLS, 'clamscan'], () => {
  serialHeavySuite();
  let work: string;
  let archive: string;
  let image: string;
  let podmanBase: string[];

  const podman = (args: string[]): Run => {
    const r = spawnSync('podman', [...podmanBase, ...args], { encoding: 'utf8', timeout: 300_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  // runc, and explicit limits no higher than the host's: crun refuses hosts with hybrid cgroups, and podman's
  // default open-file limit can exceed what an unprivileged-resource host lets it set. Neither changes the image.
  const podmanRun = (args: string[]): Run =>
    podman([
      'run',
      '--rm',
      '--network',
      'none',
      '--ulimit',
      'nofile=1024:1024',
      '--ulimit',
      'nproc=1024:1024',
      ...args,
    ]);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sg-release-image-'));
    archive = await shipgateImage(await packTarball(join(work, 'pack')));
    const storage = join(work, 'storage');
    podmanBase = [
      '--root',
      join(storage, 'root'),
      '--runroot',
      join(storage, 'run'),
      '--storage-driver',
      'vfs',
      '--cgroup-manager=cgroupfs',
      '--events-backend=file',
      '--runtime',
      'runc',
      '--tmpdir',
      join(storage, 'tmp'),
    ];
    const loaded = podman(['load', '-i', archive]);
    expect(loaded.code, loaded.stderr).toBe(0);
    image = /Loaded image(?:\(s\))?: (\S+)/.exec(loaded.stdout)?.[1] ?? '';
    expect(image).not.toBe('');
  }, 900_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('prints the version and the commit it was built from', () => {
    const r = podmanRun([image, '--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`^shipgate ${pkg.version.replace(/\./g, '\\.')} \\(commit [0-9a-f]{40}`),
    );
  });

  it('runs as user 65532 with node as entrypoint', () => {
    const inspect = podman(['image', 'inspect', '--format', '{{json .Config}}', image]);
    expect(inspect.code, inspect.stderr).toBe(0);
    const config = JSON.parse(inspect.stdout) as { User: string; Entrypoint: string[] };
    expect(config.User).toBe('65532:65532');
    expect(config.Entrypoint).toEqual(['/usr/local/bin/node', '/app/dist/cli.js']);
    const id = podmanRun(['--entrypoint', '/usr/local/bin/node', image, '-p', 'process.getuid()']);
    expect(id.stdout.trim(), id.stderr).toBe('65532');
  });

  it('runs a CI job script with its shell, as GitLab does with the job image', () => {
    const r = podmanRun([
      '--entrypoint',
      '/bin/sh',
      image,
      '-c',
      'set -eu; mkdir -p "$HOME/gl-reports"; shipgate --version > "$HOME/gl-reports/version"; cat "$HOME/gl-reports/version"',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^shipgate ${pkg.version.replace(/\./g, '\\.')} \\(commit`));
  });

  it('lints a mounted Dockerfile and exits with the gate decision', () => {
    const dockerfile = join(work, 'Dockerfile');
    writeFileSync(dockerfile, 'FROM debian:12\nRUN apt-get update\n');
    chmodSync(dockerfile, 0o644);
    const r = podmanRun(['-v', `${dockerfile}:/src/Dockerfile:ro`, image, 'lint', '/src/Dockerfile']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('SG-DF-001 Final stage runs as root  /src/Dockerfile:1:6');
    expect(r.stdout).toContain('shipgate: not approved');
  });

  it('is approved by shipgate under the default policy, with its Debian packages inventoried', () => {
    const db = join(work, 'clamav');
    mkdirSync(db);
    writeFileSync(join(db, 'eicar.ndb'), `Shipgate.Test.EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
    const report = join(work, 'scan.json');
    const r = spawnSync(
      process.execPath,
      [
        CLI,
        'scan',
        '--image',
        `oci-archive:${archive}`,
        '--vuln-db',
        join(FIXTURES, 'osv'),
        '--offline',
        '--clamav-db',
        db,
        '--json',
        report,
      ],
      { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 600_000 },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      decision: { approved: boolean };
      analyzers: { name: string; status: string }[];
      packages: { name: string; type: string }[];
      image: { os: { id: string; versionId: string } };
    };
    expect(json.decision.approved).toBe(true);
    expect(json.analyzers.filter((a) => a.status !== 'ok')).toEqual([]);
    expect(json.analyzers.map((a) => a.name)).toContain('malware');
    expect(json.image.os).toMatchObject({ id: 'debian', versionId: '12' });
    const debs = json.packages.filter((p) => p.type === 'deb').map((p) => p.name);
    expect(debs.sort()).toEqual(['base-files', 'busybox-static', 'libc6', 'libgcc-s1', 'libstdc++6']);
  });
});
