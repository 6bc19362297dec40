/**
 * The registry allow-list: the matcher SG-K8S-026 uses is the oracle for the two regular expressions the
 * admission policies carry (over the normalised name for Gatekeeper, over the reference as written for
 * Kyverno). Every pair of allow-list and image reference in a grid of registries, paths and suffixes is
 * decided alike by all three.
 */
import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { imageAllowed, imageReferenceRegExp, normalizedNameRegExp } from '../../../src/oci/allow-list';
import { parseReference } from '../../../src/oci/ref';

const LISTS = [
  ['ghcr.io/org'],
  ['docker.io'],
  ['docker.io/library'],
  ['docker.io/bitnami'],
  ['docker.io/library/nginx'],
  ['docker.io/foo.bar'],
  ['*.dkr.ecr.*.amazonaws.com'],
  ['localhost:5000', 'quay.io/a/b'],
  ['*'],
  ['ghcr.io/org/*-svc'],
  ['Registry.Example:5000/team/'],
  ['index.docker.io'],
  ['localhost'],
  ['gcr.io/distroless/*'],
  ['*.gcr.io', 'docker.io/library'],
];
const REGISTRIES = [
  '',
  'ghcr.io/',
  'docker.io/',
  'index.docker.io/',
  'registry-1.docker.io/',
  'localhost/',
  'localhost:5000/',
  'a.dkr.ecr.b.amazonaws.com/',
  'evil.io/',
  'registry.example:5000/',
  'quay.io/',
  'gcr.io/',
  'us.gcr.io/',
  'localhos/',
  'localhostx/',
  'bitnami/',
  'library/',
];
const PATHS = [
  'nginx',
  'org',
  'org/app',
  'orgx/app',
  'bitnami',
  'bitnami/redis',
  'library/nginx',
  'x.dkr.ecr.y.amazonaws.com',
  'a/b',
  'a/b/c',
  'team/app',
  'distroless/static',
  'org/pay-svc',
  'foo.bar/x',
  'localhost',
  'library',
];
const SUFFIXES = ['', ':1.2', `@sha256:${'a'.repeat(64)}`, `:v1@sha256:${'b'.repeat(64)}`];

describe('registry allow-list', () => {
  it('a registry pattern stays inside the registry: *.dkr.ecr.*.amazonaws.com does not reach into a path', () => {
    const ecr = ['*.dkr.ecr.*.amazonaws.com'];
    expect(imageAllowed(ecr, '1234.dkr.ecr.eu-west-1.amazonaws.com/app:1')).toBe(true);
    expect(imageAllowed(ecr, 'evil.io/x.dkr.ecr.y.amazonaws.com')).toBe(false);
    expect(imageAllowed(['docker.io/library'], 'nginx')).toBe(true);
    expect(imageAllowed(['docker.io/library'], 'bitnami/nginx')).toBe(false);
    expect(imageAllowed(['ghcr.io/org'], 'ghcr.io/orgx/app')).toBe(false);
  });

  it('both regular expressions decide every reference of the grid as the matcher does', () => {
    let compared = 0;
    for (const list of LISTS) {
      const normalized = new RegExp(normalizedNameRegExp(list));
      const written = new RegExp(imageReferenceRegExp(list));
      for (const r of REGISTRIES)
        for (const p of PATHS)
          for (const s of SUFFIXES) {
            const image = `${r}${p}${s}`;
            const want = imageAllowed(list, image);
            const ref = parseReference(image, { lenient: true });
            expect(normalized.test(`${ref.registry}/${ref.repository}`), `${list} ${image}`).toBe(want);
            expect(written.test(image.toLowerCase()), `${list} ${image}`).toBe(want);
            compared++;
          }
    }
    expect(compared).toBe(LISTS.length * REGISTRIES.length * PATHS.length * SUFFIXES.length);
  });

  it('refuses, for references as written, entries it cannot express exactly', () => {
    for (const entry of ['docker.io/bit*', '*.io', 'docker*']) {
      let err: unknown;
      try {
        imageReferenceRegExp([entry]);
      } catch (e) {
        err = e;
      }
      expect(err, entry).toBeInstanceOf(ShipgateError);
      expect((err as ShipgateError).code).toBe('UNSUPPORTED');
    }
    expect(new RegExp(normalizedNameRegExp(['*.io'])).test('docker.io/library/nginx')).toBe(true);
  });
});
