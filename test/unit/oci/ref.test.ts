/** The one reference grammar: strict for --image and push destinations, lenient for FROM lines and labels. */
import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { parseImageRef as parseFrom } from '../../../src/dockerfile/image-ref';
import {
  familiarName,
  imageRepository,
  parseReference,
  parseRegistryRef,
  splitReference,
  withoutTransport,
} from '../../../src/oci/ref';

const D = `sha256:${'b'.repeat(64)}`;

describe('splitReference', () => {
  it('keeps a registry port out of the tag', () => {
    expect(splitReference('localhost:5000/app')).toEqual({ name: 'localhost:5000/app' });
    expect(splitReference(`localhost:5000/app:1@${D}`)).toEqual({
      name: 'localhost:5000/app',
      tag: '1',
      digest: D,
    });
    expect(splitReference(' alpine:3 ')).toEqual({ name: 'alpine', tag: '3' });
  });
});

describe('parseReference', () => {
  it('normalises every name of Docker Hub to docker.io, with library/ for official images', () => {
    for (const r of ['alpine', 'docker.io/alpine', 'index.docker.io/alpine', 'registry-1.docker.io/alpine'])
      expect(parseReference(r)).toEqual({ registry: 'docker.io', repository: 'library/alpine' });
    expect(parseReference('docker.io/bitnami/redis:7')).toEqual({
      registry: 'docker.io',
      repository: 'bitnami/redis',
      tag: '7',
    });
  });

  it('strict: USAGE errors for what a registry would reject', () => {
    for (const bad of ['Upper/Case', 'app@sha256:xyz', 'app:bad/tag!', 'a//b']) {
      const e = (() => {
        try {
          parseReference(bad);
          return undefined;
        } catch (err) {
          return err;
        }
      })();
      expect(e, bad).toBeInstanceOf(ShipgateError);
      expect((e as ShipgateError).code).toBe('USAGE');
    }
  });

  it('lenient: never throws, lowercases names and keeps odd tags and digests for lint', () => {
    expect(parseReference('Docker.IO/Node:${V}', { lenient: true })).toEqual({
      registry: 'docker.io',
      repository: 'library/node',
      tag: '${V}',
    });
    expect(parseReference('GHCR.io/Org/App@sha256:xyz', { lenient: true })).toEqual({
      registry: 'ghcr.io',
      repository: 'org/app',
      digest: 'sha256:xyz',
    });
    expect(() => parseReference('${REGISTRY}/app:${TAG}', { lenient: true })).not.toThrow();
  });

  it('one grammar behind the strict, Dockerfile and report entry points', () => {
    for (const r of ['alpine:3.20', `ghcr.io/org/app:1@${D}`, 'localhost:5000/team/app']) {
      const strict = parseRegistryRef(r);
      const from = parseFrom(r);
      expect(from.repository).toBe(strict.repository);
      expect(from.tag).toBe(r.includes(':3.20') || r.includes(':1@') ? strict.tag : undefined);
      expect(familiarName(from)).toBe(familiarName(parseReference(r)));
      expect(imageRepository({ ref: `docker://${r}` })).toBe(splitReference(r).name);
    }
  });
});

describe('withoutTransport', () => {
  it('drops transport prefixes', () => {
    expect(withoutTransport('docker://ghcr.io/a/b:1')).toBe('ghcr.io/a/b:1');
    expect(withoutTransport('oci-archive:/tmp/x.tar')).toBe('/tmp/x.tar');
    expect(withoutTransport('containers-storage:app:1')).toBe('app:1');
    expect(withoutTransport('ghcr.io/a/b')).toBe('ghcr.io/a/b');
  });
});
