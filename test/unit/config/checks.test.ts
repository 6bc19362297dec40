/** Config-only checks on real-shaped image configurations: a positive and a negative case per rule. */
import { describe, expect, it } from 'vitest';
import { checkBuild, type BuildCheckOptions } from '../../../src/config/analyzers/build';
import { checkEndOfLife } from '../../../src/config/analyzers/end-of-life';
import { checkConfig, scannedTag } from '../../../src/config/analyzers/image-config';
import type { Finding } from '../../../src/core/finding';
import type { OsInfo } from '../../../src/core/package';
import type { ImageConfig, ImageInfo } from '../../../src/image/types';

type ConfigCheckOptions = BuildCheckOptions & { os?: OsInfo };

/** The checks that read only the image configuration and history, as their analyzers run them. */
function checkImageConfig(info: ImageInfo, options: ConfigCheckOptions = {}): Finding[] {
  return [...checkConfig(info), ...checkBuild(info, options), ...checkEndOfLife(info, options.os)];
}

function image(
  config: NonNullable<ImageConfig['config']>,
  extra: Partial<ImageInfo> = {},
  history?: ImageConfig['history'],
): ImageInfo {
  return {
    ref: 'docker-archive:app.tar',
    repository: 'ghcr.io/org/app',
    configDigest: 'sha256:' + '1'.repeat(64),
    platform: { os: 'linux', architecture: 'amd64' },
    config: {
      architecture: 'amd64',
      os: 'linux',
      created: '2026-01-10T00:00:00Z',
      config,
      ...(history ? { history } : {}),
    },
    layers: [
      {
        index: 0,
        digest: 'sha256:' + 'a'.repeat(64),
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        size: 1000,
      },
    ],
    size: 1000,
    ...extra,
  };
}

const GOOD: NonNullable<ImageConfig['config']> = {
  User: '10001:10001',
  Healthcheck: { Test: ['CMD', '/app/health'] },
  ExposedPorts: { '8080/tcp': {} },
  Volumes: { '/var/lib/app': {} },
  Labels: {
    'org.opencontainers.image.source': 'https://github.com/org/app',
    'org.opencontainers.image.revision': 'abc123',
  },
  Env: ['PATH=/usr/bin:/bin', 'DB_PASSWORD_FILE=/run/secrets/db', 'GPG_KEY=ABCDEF0123'],
};
const NOW = { now: new Date('2026-02-01T00:00:00Z') };
const ids = (info: ImageInfo, o: ConfigCheckOptions = NOW) =>
  checkImageConfig(info, { ...NOW, ...o }).map((f) => f.ruleId);

describe('checkImageConfig', () => {
  it('finds nothing on a well-configured image', () => {
    expect(ids(image(GOOD))).toEqual([]);
  });
  it.each([
    ['SG-IMG-001', { User: '' }],
    ['SG-IMG-001', { User: 'root' }],
    ['SG-IMG-001', { User: '0:0' }],
    ['SG-IMG-001', { User: '0000' }],
    ['SG-IMG-001', { User: '00:1000' }],
    ['SG-IMG-002', { Healthcheck: undefined }],
    ['SG-IMG-002', { Healthcheck: { Test: ['NONE'] } }],
    ['SG-IMG-003', { ExposedPorts: { '22/tcp': {} } }],
    ['SG-IMG-004', { Volumes: { '/var/run/docker.sock': {} } }],
    ['SG-IMG-004', { Volumes: { '/etc/': {} } }],
    ['SG-IMG-005', { Labels: { 'org.opencontainers.image.source': 'https://x' } }],
    ['SG-IMG-011', { Env: ['DB_PASSWORD=hunter2hunter2x'] }],
  ])('%s fires for %j', (id, patch) => {
    expect(ids(image({ ...GOOD, ...patch }))).toEqual([id]);
  });
  it('does not treat USER app or 10001 as root', () => {
    expect(ids(image({ ...GOOD, User: 'app' }))).toEqual([]);
    expect(ids(image({ ...GOOD, User: '1000:0' }))).toEqual([]);
  });
  it('SG-IMG-006 remote ADD from the history, masked, with its layer', () => {
    const hist = [
      { created_by: 'ADD https://example.org/tool.tgz /opt/ # buildkit' },
      { created_by: 'ENV A=b', empty_layer: true },
      { created_by: 'ADD --checksum=sha256:abc https://example.org/ok.tgz /opt/ # buildkit' },
      { created_by: 'COPY . /app # buildkit' },
    ];
    const fs = checkImageConfig(image(GOOD, {}, hist), NOW);
    expect(fs.map((f) => f.ruleId)).toEqual(['SG-IMG-006']);
    expect(fs[0]!.image).toMatchObject({ layerIndex: 0, createdBy: hist[0]!.created_by });
    expect(ids(image(GOOD, {}, [hist[2]!, hist[3]!]))).toEqual([]);
  });
  it('SG-IMG-007/008 size and layer count over thresholds', () => {
    const big = image(GOOD, { size: 2 * 1024 ** 3 });
    expect(ids(big)).toEqual(['SG-IMG-007']);
    expect(ids(big, { maxSizeBytes: 4 * 1024 ** 3 })).toEqual([]);
    expect(ids(image(GOOD), { maxLayers: 0 })).toEqual(['SG-IMG-008']);
    expect(ids(image(GOOD), { maxLayers: 1 })).toEqual([]);
  });
  it('SG-IMG-009 end-of-life OS', () => {
    expect(
      ids(image(GOOD), { os: { id: 'debian', versionId: '9', eol: true, eolDate: '2022-06-30' } }),
    ).toEqual(['SG-IMG-009']);
    expect(ids(image(GOOD), { os: { id: 'debian', versionId: '12', eol: false } })).toEqual([]);
  });
  it('SG-IMG-010 image age', () => {
    expect(ids(image(GOOD), { now: new Date('2027-06-01T00:00:00Z') })).toEqual(['SG-IMG-010']);
    expect(ids(image(GOOD), { now: new Date('2027-06-01T00:00:00Z'), maxAgeDays: 1000 })).toEqual([]);
  });
  it('SG-IMG-011 leaves recognised secrets to the secret rules', () => {
    const b62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const token = `ghp_${Array.from({ length: 36 }, (_, i) => b62[(i * 7 + 3) % 62]).join('')}`;
    expect(ids(image({ ...GOOD, Env: [`GITHUB_TOKEN=${token}`] }))).toEqual([]);
  });
  it('SG-IMG-011 reads build arguments and one-RUN variables the history keeps, not ENV lines or references', () => {
    const hist = (created_by: string) => image(GOOD, {}, [{ created_by }]);
    expect(ids(hist('RUN |1 NPM_TOKEN=s3cr3tvalue /bin/sh -c npm ci # buildkit'))).toEqual(['SG-IMG-011']);
    expect(ids(hist('/bin/sh -c DB_PASSWORD="two words" ./setup'))).toEqual(['SG-IMG-011']);
    expect(ids(hist('/bin/sh -c #(nop)  ENV DB_PASSWORD=x'))).toEqual([]);
    expect(ids(hist('RUN |1 NPM_TOKEN=$NPM_TOKEN /bin/sh -c npm ci # buildkit'))).toEqual([]);
    expect(ids(hist("/bin/sh -c echo 'secret = foo;' > test.conf"))).toEqual([]);
    expect(ids(hist('/bin/sh -c GPG_KEY=ABCDEF ./verify'))).toEqual([]);
    expect(ids(hist('/bin/sh -c SECRET_KEY=build-time-dummy python3 manage.py collectstatic'))).toEqual([]);
    expect(ids(hist('/bin/sh -c SECRET_KEY_BASE_DUMMY=1 rails assets:precompile'))).toEqual([]);
  });
  it('SG-IMG-023 the latest tag, named or implied, on registry and daemon references only', () => {
    expect(ids(image(GOOD, { ref: 'ghcr.io/org/app:latest' }))).toEqual(['SG-IMG-023']);
    expect(ids(image(GOOD, { ref: 'alpine' }))).toEqual(['SG-IMG-023']);
    expect(ids(image(GOOD, { ref: 'docker-daemon:app' }))).toEqual(['SG-IMG-023']);
    for (const ref of [
      'ghcr.io/org/app:1.2',
      `ghcr.io/org/app@sha256:${'a'.repeat(64)}`,
      'localhost:5000/app:2',
      'oci:layout:latest',
      'docker-archive:app.tar',
      `docker-daemon:${'b'.repeat(12)}`,
    ])
      expect(ids(image(GOOD, { ref })), ref).toEqual([]);
    expect(scannedTag('localhost:5000/app')).toBe('latest');
  });
});
