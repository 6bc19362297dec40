/**
 * dockle parity on real images: one image (built with umoci) carrying a positive of every dockle checkpoint a
 * shipgate image rule declares, and one clean image, scanned by the bundled CLI. Per checkpoint, what shipgate
 * reports (the findings of the rules declaring it) is compared with what dockle decides on the same image; dockle
 * does not run here, so its decisions are read from its source at the commit the fixtures were transcribed from
 * (pkg/assessor/*, pkg/run.go), as noted on each expectation. dockle's own scratch.tar is scanned too, and the clean
 * image from a registry by tag for DKL-DI-0006.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMG_RULE_META } from '../../../src/config';
import { ensureBundle, runCli } from '../../support/bundle';
import { IMAGE_TOOLS } from '../../support/images';
import { pushImage, REGISTRY_TOOLS, startRegistry, type TestRegistry } from '../../support/registry';
import { buildTestImage, type BuildSpec } from '../../support/oci-build';
import { describeWithTools, ROOT } from '../../support/tools';

const ROOTFS = 'COPY rootfs/ / # buildkit';
const PASSWD = 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001::/home/app:/sbin/nologin\n';
const SHADOW = 'root:*:19000:0:99999:7:::\napp:!:19000:0:99999:7:::\n';
const GROUP = 'root:x:0:\napp:x:10001:\n';

/** One positive of each declared checkpoint; dockle's decision on it follows from the source named. */
const POSITIVE: BuildSpec = {
  base: 'scratch',
  layers: [
    {
      createdBy: ROOTFS,
      files: {
        // DKL-LI-0001 (passwd/passwd.go): a shadow line whose second field is empty.
        '/etc/shadow': `${SHADOW}guest::19000:0:99999:7:::\n`,
        // DKL-LI-0002 (user/user.go, group/group.go): a UID and a GID seen twice.
        '/etc/passwd': `${PASSWD}guest:x:10002:10002::/home/guest:/bin/sh\ndup:x:10001:10001::/:/sbin/nologin\n`,
        '/etc/group': `${GROUP}other:x:10001:\n`,
        // CIS-DI-0008 (privilege/suid.go): any setuid or setgid file.
        '/usr/local/bin/helper': { content: '#!fake\n', mode: 0o4755 },
        // CIS-DI-0010 (credential/credential.go): a listed name and a listed extension.
        '/app/credentials.json': '{}\n',
        '/app/vpn/office.ovpn': 'client\n',
        // DKL-LI-0003 (cache/cache.go): a listed file and a file directly in a listed directory.
        '/app/.DS_Store': 'x',
        '/app/.aws/credentials': '[default]\n',
      },
    },
  ],
  config: [
    // CIS-DI-0001 (manifest.go): no User.  DKL-DI-0002: VOLUME /proc.  CIS-DI-0010: a credential-named ENV.
    '--config.volume',
    '/proc',
    '--config.env',
    'MYSQL_PASSWD=passwordpassword',
  ],
  // CIS-DI-0006 (manifest.go): no Healthcheck.
};

const CLEAN: BuildSpec = {
  base: 'scratch',
  layers: [
    {
      createdBy: ROOTFS,
      files: {
        '/etc/passwd': PASSWD,
        '/etc/shadow': SHADOW,
        '/etc/group': GROUP,
        '/app/server': { content: 'binary', mode: 0o755 },
        // dockle skips these: a commented-out name (config.json), a listed directory inside node_modules.
        '/app/config.json': '{}\n',
        '/app/node_modules/pkg/.cache/index': 'x',
      },
    },
  ],
  config: [
    '--config.user',
    '10001:10001',
    '--config.env',
    'GPG_KEY=0123456789ABCDEF',
    '--config.volume',
    '/app/data',
  ],
  healthcheck: { Test: ['CMD', '/app/server', 'health'] },
};

/** dockle's decision on each image, per checkpoint a shipgate image rule declares. */
const DOCKLE_POSITIVE = [
  'CIS-DI-0001',
  'CIS-DI-0006',
  'CIS-DI-0008',
  'CIS-DI-0010',
  'DKL-DI-0002',
  'DKL-LI-0001',
  'DKL-LI-0002',
  'DKL-LI-0003',
];
// DKL-DI-0006 is decided on the reference: an OCI layout is not scanned by a registry tag, as dockle's --input.
const DOCKLE_CLEAN: string[] = [];
// scan_test.go TestScanImage/Dockerfile.scratch: the credentials.json file and the missing HEALTHCHECK.
const DOCKLE_SCRATCH = ['CIS-DI-0006', 'CIS-DI-0010'];

const DECLARED = new Map<string, string[]>();
for (const r of IMG_RULE_META)
  for (const id of r.equivalents?.dockle ?? []) DECLARED.set(r.id, [...(DECLARED.get(r.id) ?? []), id]);

interface Report {
  findings: { ruleId: string; message: string }[];
}

let out = '';
async function dockleIds(ref: string, name: string): Promise<string[]> {
  const json = join(out, `${name}.json`);
  const r = await runCli(
    ['scan', '--image', ref, '--scanners', 'config,secret', '--json', json, '--fail-on', 'none', '--offline'],
    ROOT,
    { ...process.env, NO_COLOR: '1' },
  );
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  return [...new Set(report.findings.flatMap((f) => DECLARED.get(f.ruleId) ?? []))].sort();
}

describeWithTools('dockle parity on real images', [...IMAGE_TOOLS, ...REGISTRY_TOOLS], () => {
  let positive: string[] = [];
  let clean: string[] = [];
  let scratch: string[] = [];
  let registry: TestRegistry | undefined;
  let cleanRef = '';
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'shipgate-dockle-e2e-'));
    await ensureBundle();
    positive = await dockleIds(await buildTestImage('dockle-positive', POSITIVE), 'positive');
    cleanRef = await buildTestImage('dockle-clean', CLEAN);
    clean = await dockleIds(cleanRef, 'clean');
    scratch = await dockleIds(
      `docker-archive:${join(ROOT, 'test', 'fixtures', 'peers', 'dockle', 'scratch.tar')}`,
      'scratch',
    );
    registry = await startRegistry();
  }, 600_000);
  afterAll(async () => {
    await registry?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  it('the positive image: every declared checkpoint, as dockle decides', () => {
    expect(positive).toEqual(DOCKLE_POSITIVE);
    // Every checkpoint an image rule declares (but the reference-only DKL-DI-0006) has its positive here.
    const declared = [...new Set([...DECLARED.values()].flat())].filter((id) => id !== 'DKL-DI-0006');
    expect(declared.sort()).toEqual(DOCKLE_POSITIVE);
  });

  it('the clean image: nothing, as dockle decides', () => {
    expect(clean).toEqual(DOCKLE_CLEAN);
  });

  it("dockle's own scratch image: what its scanner test expects", () => {
    expect(scratch).toEqual(DOCKLE_SCRATCH);
  });

  it('DKL-DI-0006 from a registry: by the latest tag or none, not by a version tag', async () => {
    const layout = /^oci:(.*):latest$/.exec(cleanRef)![1]!;
    const host = registry!.host;
    for (const tag of ['latest', '1.0']) await pushImage(layout, 'latest', `${host}/app:${tag}`);
    // pkg/run.go useLatest: the docker transport names an untagged reference :latest; a digest has no tag.
    expect(await dockleIds(`${host}/app:latest`, 'reg-latest')).toEqual(['DKL-DI-0006']);
    expect(await dockleIds(`${host}/app`, 'reg-untagged')).toEqual(['DKL-DI-0006']);
    expect(await dockleIds(`${host}/app:1.0`, 'reg-version')).toEqual([]);
  }, 120_000);
});
