/**
 * Filesystem and config checks on real images built with tar + umoci and read through the real walker:
 * a "bad" image that trips every filesystem check and a "good" one that trips none.
 */
import { beforeAll, expect, it } from 'vitest';
import { createAnalyzers } from '../../../src/analyzers/registry';
import type { Finding } from '../../../src/core/finding';
import { openImage, walkImage } from '../../../src/image';
import { buildTestImage, type BuildSpec } from '../../support/oci-build';
import { IMAGE_TOOLS } from '../../support/images';
import { describeWithTools } from '../../support/tools';

const ROOTFS = 'COPY rootfs/ / # buildkit';
const EXE = 0o755;

const PASSWD_GOOD = 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001::/home/app:/sbin/nologin\n';
const SHADOW_GOOD = 'root:*:19000:0:99999:7:::\napp:!:19000:0:99999:7:::\n';
const GROUP_GOOD = 'root:x:0:\napp:x:10001:\n';

const BAD: BuildSpec = {
  base: 'scratch',
  layers: [
    {
      createdBy: ROOTFS,
      files: {
        '/etc/passwd': `${PASSWD_GOOD}toor:x:0:0::/root:/bin/sh\nguest::10002:10002::/home/guest:/bin/sh\ndup:x:10001:10001::/:/sbin/nologin\n`,
        '/etc/shadow': `${SHADOW_GOOD}guest::19000:0:99999:7:::\n`,
        '/etc/group': `${GROUP_GOOD}other:x:10001:\n`,
        '/etc/os-release': 'PRETTY_NAME="Distroless"\nID=debian\nVERSION_ID="12"\n',
        '/bin/sh': { content: '#!fake shell\n', mode: EXE },
        '/usr/bin/apt-get': { content: '#!fake\n', mode: EXE },
        '/usr/bin/sudo': { content: '#!fake\n', mode: 0o4755 },
        '/usr/bin/passwd': { content: '#!fake\n', mode: 0o4755 },
        '/usr/local/bin/helper': { content: '#!fake\n', mode: 0o6755 },
        '/app/data': { dir: true, mode: 0o777 },
        '/app/run.sh': { content: '#!/bin/sh\n', mode: 0o666 },
        '/tmp': { dir: true, mode: 0o1777 },
        '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages': 'Package: x\n',
        '/var/lib/apt/lists/lock': '',
        '/root/.npm/_cacache/index-v5/00/ab': '{}\n',
        '/app/Dockerfile': 'FROM scratch\n',
        '/app/.git/HEAD': 'ref: refs/heads/main\n',
      },
    },
    {
      createdBy: 'ADD https://example.org/tool.tgz /opt/ # buildkit',
      files: { '/opt/tool': { content: 'x', mode: EXE } },
    },
  ],
  config: [
    '--config.exposedports',
    '22/tcp',
    '--config.volume',
    '/var/run/docker.sock',
    '--config.env',
    'DB_PASSWORD=hunter2hunter2x',
    '--config.label',
    'org.opencontainers.image.base.name=gcr.io/distroless/static',
  ],
};

const GOOD: BuildSpec = {
  base: 'scratch',
  layers: [
    {
      createdBy: ROOTFS,
      files: {
        '/etc/passwd': PASSWD_GOOD,
        '/etc/shadow': SHADOW_GOOD,
        '/etc/group': GROUP_GOOD,
        '/etc/os-release': 'PRETTY_NAME="Distroless"\nID=debian\nVERSION_ID="12"\n',
        '/app/server': { content: 'binary', mode: EXE },
        '/app/data': { dir: true, mode: 0o750, uid: 10001, gid: 10001 },
        '/tmp': { dir: true, mode: 0o1777 },
      },
    },
  ],
  config: [
    '--config.user',
    '10001:10001',
    '--config.exposedports',
    '8080/tcp',
    '--config.volume',
    '/app/data',
    '--config.label',
    'org.opencontainers.image.source=https://github.com/org/app',
    '--config.label',
    'org.opencontainers.image.revision=0123456789abcdef',
    '--config.label',
    'org.opencontainers.image.base.name=gcr.io/distroless/static',
  ],
  healthcheck: { Test: ['CMD', '/app/server', 'health'] },
};

async function scan(spec: BuildSpec, name: string): Promise<Finding[]> {
  const ref = await buildTestImage(name, spec);
  const opened = await openImage(ref);
  try {
    const analyzers = await createAnalyzers({ scanners: new Set(['config']) });
    const res = await walkImage(
      opened,
      analyzers.filter((a) => a.entry.scanner === 'config').flatMap((a) => a.walkers),
    );
    return res.results.flatMap((r) => r?.findings ?? []);
  } finally {
    await opened.close();
  }
}

describeWithTools('image configuration checks on real images', IMAGE_TOOLS, () => {
  let bad: Finding[] = [];
  let good: Finding[] = [];
  beforeAll(async () => {
    bad = await scan(BAD, 'config-bad');
    good = await scan(GOOD, 'config-good');
  }, 600_000);

  const messages = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id).map((f) => f.message);

  it('the good image has no findings at all', () => {
    expect(good.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
  });

  it('config checks: root, health check, port, volume, labels, remote ADD, credential env', () => {
    for (const id of [
      'SG-IMG-001',
      'SG-IMG-002',
      'SG-IMG-003',
      'SG-IMG-004',
      'SG-IMG-005',
      'SG-IMG-006',
      'SG-IMG-011',
    ]) {
      expect(messages(bad, id), id).toHaveLength(1);
    }
    const add = bad.find((f) => f.ruleId === 'SG-IMG-006')!;
    expect(add.image).toMatchObject({
      layerIndex: 1,
      createdBy: 'ADD https://example.org/tool.tgz /opt/ # buildkit',
    });
  });

  it('setuid/setgid: unusual ones high, usual tools info, with layer and created_by', () => {
    expect(messages(bad, 'SG-IMG-013')).toEqual([
      '/usr/local/bin/helper is setuid+setgid (mode 6755, owner uid 0).',
    ]);
    const common = bad.filter((f) => f.ruleId === 'SG-IMG-014');
    expect(common.map((f) => f.image?.path).sort()).toEqual(['/usr/bin/passwd', '/usr/bin/sudo']);
    expect(common[0]!.image).toMatchObject({ layerIndex: 0, createdBy: ROOTFS });
  });

  it('world-writable paths without sticky bit (but not /tmp)', () => {
    expect(
      bad
        .filter((f) => f.ruleId === 'SG-IMG-015')
        .map((f) => f.image?.path)
        .sort(),
    ).toEqual(['/app/data', '/app/run.sh']);
  });

  it('package caches, sudo, minimal-image tools, build files', () => {
    expect(messages(bad, 'SG-IMG-016').sort()).toEqual([
      'The apt package lists (/var/lib/apt/lists) is left in the image: 1 file(s), 1 KiB.',
      'The npm cache (~/.npm/_cacache) is left in the image: 1 file(s), 1 KiB.',
    ]);
    expect(messages(bad, 'SG-IMG-012')).toEqual(['sudo is installed (/usr/bin/sudo).']);
    expect(bad.filter((f) => f.ruleId === 'SG-IMG-017').map((f) => f.image?.path)).toEqual([
      '/bin/sh',
      '/usr/bin/apt-get',
    ]);
    expect(
      bad
        .filter((f) => f.ruleId === 'SG-IMG-021')
        .map((f) => f.image?.path)
        .sort(),
    ).toEqual(['/app/.git', '/app/Dockerfile']);
  });

  it('accounts: UID 0 besides root, empty passwords, duplicate ids', () => {
    expect(messages(bad, 'SG-IMG-018')).toEqual(['The account toor has UID 0 (/etc/passwd line 3).']);
    expect(messages(bad, 'SG-IMG-019').sort()).toEqual([
      'The account guest has an empty password in /etc/passwd (line 4).',
      'The account guest has an empty password in /etc/shadow (line 3).',
    ]);
    expect(messages(bad, 'SG-IMG-020').sort()).toEqual([
      'The accounts app and dup share UID 10001.',
      'The accounts root and toor share UID 0.',
      'The groups app and other share GID 10001.',
    ]);
  });
});
