import { describe, expect, it } from 'vitest';
import {
  defaultPlatform,
  parseImageRef,
  parseRegistryRef,
  formatRegistryRef,
} from '../../../src/image/index';
import { selectPlatform, layerHistory } from '../../../src/image/manifest';
import { parseChallenge } from '../../../src/oci/challenge';
import { retryAfterMs } from '../../../src/oci/retry';

describe('image references', () => {
  it('parses registry references like docker does', () => {
    expect(parseRegistryRef('alpine')).toEqual({
      transport: 'registry',
      registry: 'registry-1.docker.io',
      repository: 'library/alpine',
      tag: 'latest',
    });
    expect(parseRegistryRef('docker.io/bitnami/redis:7')).toMatchObject({
      registry: 'registry-1.docker.io',
      repository: 'bitnami/redis',
      tag: '7',
    });
    expect(parseRegistryRef('ghcr.io/org/app:1.0')).toMatchObject({
      registry: 'ghcr.io',
      repository: 'org/app',
      tag: '1.0',
    });
    const d = `sha256:${'a'.repeat(64)}`;
    expect(parseRegistryRef(`127.0.0.1:5000/app@${d}`)).toEqual({
      transport: 'registry',
      registry: '127.0.0.1:5000',
      repository: 'app',
      digest: d,
    });
    expect(parseRegistryRef(`localhost/app:v1@${d}`)).toMatchObject({
      registry: 'localhost',
      tag: 'v1',
      digest: d,
    });
    expect(formatRegistryRef(parseRegistryRef('alpine:3'))).toBe('docker.io/library/alpine:3');
    expect(() => parseRegistryRef('Upper/Case')).toThrow(/invalid image reference/);
    expect(() => parseRegistryRef('app@sha256:xyz')).toThrow(/invalid digest/);
  });

  it('parses transports', () => {
    expect(parseImageRef('docker-archive:/no/such/app.tar')).toEqual({
      transport: 'docker-archive',
      path: '/no/such/app.tar',
    });
    expect(parseImageRef('oci:/no/such/layout:v2')).toEqual({
      transport: 'oci',
      path: '/no/such/layout',
      tag: 'v2',
    });
    expect(parseImageRef('oci-archive:img.tar')).toEqual({ transport: 'oci-archive', path: 'img.tar' });
    expect(parseImageRef('docker:myapp:1')).toEqual({ transport: 'docker-daemon', name: 'myapp:1' });
    expect(parseImageRef('docker-daemon:myapp')).toEqual({ transport: 'docker-daemon', name: 'myapp' });
    expect(parseImageRef('docker://ghcr.io/a/b')).toMatchObject({
      transport: 'registry',
      registry: 'ghcr.io',
      repository: 'a/b',
    });
    expect(parseImageRef('dir:/rootfs')).toEqual({ transport: 'dir', path: '/rootfs' });
  });
});

describe('platforms and history', () => {
  const desc = (architecture: string, variant?: string) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: `sha256:${architecture.padEnd(64, '0').replace(/[^a-f0-9]/g, '0')}`,
    size: 1,
    platform: { os: 'linux', architecture, ...(variant ? { variant } : {}) },
  });
  const list = [
    desc('amd64'),
    desc('arm64', 'v8'),
    desc('arm', 'v7'),
    { ...desc('unknown'), platform: { os: 'unknown', architecture: 'unknown' } },
  ];

  it('picks the wanted platform and lists the others, ignoring attestations', () => {
    const r = selectPlatform(list, 'linux/arm64', 'x');
    expect(r.chosen.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(r.others).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    expect(selectPlatform(list, 'linux/arm/v7', 'x').chosen.platform?.variant).toBe('v7');
    expect(() => selectPlatform(list, 'linux/s390x', 'x')).toThrow(
      'no image for platform linux/s390x; available: linux/amd64, linux/arm64/v8, linux/arm/v7',
    );
  });

  it('takes the first image of an index lacking the runner platform only when asked to', () => {
    const others = list.filter((d) => d.platform?.architecture !== defaultPlatform().architecture);
    expect(() => selectPlatform(others, undefined, 'x')).toThrow('no image for platform');
    expect(selectPlatform(others, undefined, 'x', true).chosen).toBe(
      others.find((d) => d.platform?.os !== 'unknown'),
    );
    // A platform asked for by name is never replaced.
    expect(() => selectPlatform(list, 'linux/s390x', 'x', true)).toThrow('no image for platform linux/s390x');
  });

  it('maps history onto layers, skipping empty layers', () => {
    const h = layerHistory(
      {
        history: [
          { created_by: 'ADD rootfs' },
          { created_by: 'ENV A=1', empty_layer: true },
          { created_by: 'RUN x' },
        ],
      },
      2,
    );
    expect(h).toEqual(['ADD rootfs', 'RUN x']);
  });
});

describe('registry protocol helpers', () => {
  it('parses WWW-Authenticate challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/alpine:pull',
      },
    });
    expect(parseChallenge('Basic realm="x"')).toEqual({ scheme: 'basic', params: { realm: 'x' } });
    expect(parseChallenge(null)).toBeUndefined();
  });

  it('reads Retry-After as seconds or a date, capped', () => {
    expect(retryAfterMs('3', 60_000)).toBe(3000);
    expect(retryAfterMs('3600', 60_000)).toBe(60_000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), 60_000, Date.now())).toBeGreaterThan(3000);
    expect(retryAfterMs('soon', 60_000)).toBeUndefined();
  });
});
