/** Cross-checks of manifests with the image scanned in the same run; findings point at the YAML line and the image. */
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/core/result';
import { lintManifests, manifestRules, type ScannedImage } from '../../../src/manifests/index';
import { toSarif } from '../../../src/report/sarif/sarif';
import { toText } from '../../../src/report/text';

const DIGEST = `sha256:${'1'.repeat(64)}`;
const OTHER = `sha256:${'2'.repeat(64)}`;

function manifest(image: string, sc = 'runAsNonRoot: true'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      securityContext:
        ${sc}
      containers:
        - name: api
          image: ${image}
        - name: sidecar
          image: docker.io/envoyproxy/envoy:v1.31.0
`;
}

const scanned = (user: string, over: Partial<ScannedImage> = {}): ScannedImage => ({
  ref: 'ghcr.io/example/api:2.3.1',
  repository: 'ghcr.io/example/api',
  digest: DIGEST,
  user,
  ...over,
});

function found(text: string, image: ScannedImage, rule: string) {
  return lintManifests({ path: 'k8s/api.yaml', content: text }, { image }).findings.filter(
    (f) => f.ruleId === rule,
  );
}

describe('cross-checks with the scanned image', () => {
  it('SG-K8S-028: runAsNonRoot with an image that runs as root or as a user name', () => {
    const text = manifest(`ghcr.io/example/api:2.3.1@${DIGEST}`);
    for (const user of ['', 'root', '0', '0:0', '000', 'app']) {
      const f = found(text, scanned(user), 'SG-K8S-028');
      expect([user, f.map((x) => x.properties?.container)]).toEqual([user, ['api']]);
    }
    expect(found(text, scanned(''), 'SG-K8S-028')[0]?.message).toBe(
      `container 'api' of Deployment 'api' sets runAsNonRoot: true, but the scanned image ghcr.io/example/api@${DIGEST} runs as root (USER not set): the container will not start.`,
    );
    expect(found(text, scanned('app'), 'SG-K8S-028')[0]?.message).toContain(
      'the user name "app", which the kubelet cannot verify',
    );
    // A numeric non-root user, or a runAsUser in the manifest, starts fine.
    expect(found(text, scanned('10001'), 'SG-K8S-028')).toEqual([]);
    expect(found(text, scanned('10001:10001'), 'SG-K8S-028')).toEqual([]);
    expect(
      found(
        manifest(`ghcr.io/example/api@${DIGEST}`, 'runAsNonRoot: true\n        runAsUser: 10001'),
        scanned(''),
        'SG-K8S-028',
      ),
    ).toEqual([]);
    // Without runAsNonRoot the kubelet does not check (SG-K8S-001 reports that).
    expect(found(manifest(`ghcr.io/example/api@${DIGEST}`, 'fsGroup: 1'), scanned(''), 'SG-K8S-028')).toEqual(
      [],
    );
  });

  it('SG-K8S-029: the manifest deploys a tag or another digest of the scanned repository', () => {
    expect(found(manifest(`ghcr.io/example/api:2.3.1@${DIGEST}`), scanned('1'), 'SG-K8S-029')).toEqual([]);
    const byTag = found(manifest('ghcr.io/example/api:2.3.1'), scanned('1'), 'SG-K8S-029');
    expect(byTag.map((f) => f.message)).toEqual([
      `container 'api' of Deployment 'api' deploys ghcr.io/example/api:2.3.1, a tag, not the scanned image ghcr.io/example/api@${DIGEST}.`,
    ]);
    const other = found(manifest(`ghcr.io/example/api@${OTHER}`), scanned('1'), 'SG-K8S-029');
    expect(other[0]?.message).toContain('another digest than the scanned image');
    expect(other[0]?.location).toMatchObject({ path: 'k8s/api.yaml', startLine: 11, startColumn: 11 });
    expect(other[0]?.image).toEqual({ ref: 'ghcr.io/example/api:2.3.1', digest: DIGEST });
    // Another repository, or a scanned image of unknown repository (an archive), is not compared.
    expect(found(manifest('ghcr.io/example/web:1'), scanned('1'), 'SG-K8S-029')).toEqual([]);
    expect(
      found(
        manifest('ghcr.io/example/api:1'),
        { ref: 'oci-archive:api.tar', digest: DIGEST, user: '1' },
        'SG-K8S-029',
      ),
    ).toEqual([]);
  });

  it('matches Docker Hub references however they are spelled', () => {
    const image = scanned('1', { ref: 'nginx:1.27', repository: 'docker.io/library/nginx' });
    expect(found(manifest('nginx:1.27'), image, 'SG-K8S-029')).toHaveLength(1);
    expect(found(manifest(`index.docker.io/library/nginx@${DIGEST}`), image, 'SG-K8S-029')).toEqual([]);
  });

  it('shows both places in SARIF: the manifest line, and the image as a related location', () => {
    const findings = found(manifest('ghcr.io/example/api:2.3.1'), scanned('1'), 'SG-K8S-029');
    const result: ScanResult = {
      tool: { name: 'shipgate', version: '0.0.0' },
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:00:01Z',
      dockerfiles: [],
      image: {
        ref: 'ghcr.io/example/api:2.3.1',
        repository: 'ghcr.io/example/api',
        digest: DIGEST,
        layers: [],
      },
      packages: [],
      findings,
      parts: ['manifest'],
      rules: manifestRules(),
      warnings: [],
    };
    const res = toSarif(result, { repoRoot: '/repo' }).runs[0]?.results?.[0];
    expect(res?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('k8s/api.yaml');
    expect(res?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(11);
    expect(JSON.stringify(res?.relatedLocations)).toContain('ghcr.io/example/api');
    expect(res?.message.text).toContain(`Image: ghcr.io/example/api`);
    // The text report keeps it with the manifest, not with the image's own findings.
    const text = toText(result, { color: false });
    expect(text.indexOf('k8s/api.yaml')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('SG-K8S-029')).toBeGreaterThan(text.indexOf('k8s/api.yaml'));
  });
});

describe('SG-K8S-030: read-only root filesystem where the image writes', () => {
  const deployment = (mounts: string, volumes: string, ro = 'true') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/example/api@${DIGEST}
          securityContext:
            readOnlyRootFilesystem: ${ro}
          volumeMounts: ${mounts}
      volumes: ${volumes}
`;
  const nginx = scanned('101', {
    volumes: ['/data'],
    command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
    workingDir: '/app',
  });
  const paths = (text: string, image = nginx) =>
    found(text, image, 'SG-K8S-030').map((f) => f.message.match(/writes to (\S+)/)?.[1]);

  it('reports each declared volume and known writer path without a writable mount, on the readOnlyRootFilesystem line', () => {
    const none = deployment('[]', '[]');
    expect(paths(none)).toEqual(['/data', '/var/cache/nginx', '/var/run']);
    const f = found(none, nginx, 'SG-K8S-030')[0];
    expect(f?.location).toMatchObject({ path: 'k8s/api.yaml', startLine: 11 });
    expect(f?.image).toEqual({ ref: 'ghcr.io/example/api:2.3.1', digest: DIGEST });
    expect(f?.message).toBe(
      `container 'web' of Deployment 'web' has a read-only root filesystem, but the scanned image ghcr.io/example/api@${DIGEST} writes to /data (the image declares it a VOLUME, where its process keeps the data it writes) and no writable volume is mounted there.`,
    );
  });

  it('a writable mount at or above the path covers it; read-only mounts and volumes do not; /var/run is /run', () => {
    const mounts =
      '[{ name: data, mountPath: /data }, { name: cache, mountPath: /var/cache }, { name: run, mountPath: /run }]';
    const volumes =
      '[{ name: data, persistentVolumeClaim: { claimName: d } }, { name: cache, emptyDir: {} }, { name: run, emptyDir: {} }]';
    expect(paths(deployment(mounts, volumes))).toEqual([]);
    expect(
      paths(
        deployment('[{ name: data, mountPath: /data, readOnly: true }]', '[{ name: data, emptyDir: {} }]'),
      ),
    ).toContain('/data');
    expect(
      paths(
        deployment('[{ name: cfg, mountPath: /var/cache/nginx }]', '[{ name: cfg, configMap: { name: c } }]'),
      ),
    ).toContain('/var/cache/nginx');
    expect(paths(deployment('[{ name: missing, mountPath: /data }]', '[]'))).toContain('/data');
  });

  it('only for a read-only root, only for the scanned repository, only where the image says it writes', () => {
    expect(paths(deployment('[]', '[]', 'false'))).toEqual([]);
    expect(paths(deployment('[]', '[]'), scanned('1'))).toEqual([]);
    const other = deployment('[]', '[]').replace('ghcr.io/example/api', 'ghcr.io/example/other');
    expect(paths(other)).toEqual([]);
    const gunicorn = scanned('1', { command: ['gunicorn', 'app:app'] });
    expect(paths(deployment('[]', '[]'), gunicorn)).toEqual(['/tmp']);
    const elsewhere = scanned('1', { command: ['gunicorn', '--worker-tmp-dir', '/dev/shm', 'app:app'] });
    expect(paths(deployment('[]', '[]'), scanned('1', { command: ['constructor', '__proto__'] }))).toEqual(
      [],
    );
    expect(paths(deployment('[]', '[]'), elsewhere)).toEqual([]);
  });
});
