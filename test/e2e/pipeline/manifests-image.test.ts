/**
 * The manifest cross-checks with a real image: built with tar + umoci (an nginx-style entrypoint and a
 * declared VOLUME), saved as a docker-archive whose tag names the repository the manifests deploy, and scanned
 * with the manifests through the pipeline. SG-K8S-030 reads where the image writes from the image's own
 * configuration, and points at the manifest line and the image.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScanResult } from '../../../src/core/result';
import { runPipeline } from '../../../src/pipeline/run';
import { run } from '../../support/debian';
import { IMAGE_TOOLS } from '../../support/images';
import { buildTestImage } from '../../support/oci-build';
import { describeWithTools } from '../../support/tools';

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: web
          image: ghcr.io/example/web:1.0.0
          securityContext:
            readOnlyRootFilesystem: true
          volumeMounts:
            - { name: cache, mountPath: /var/cache/nginx }
        - name: mounted
          image: ghcr.io/example/web:1.0.0
          securityContext:
            readOnlyRootFilesystem: true
          volumeMounts:
            - { name: cache, mountPath: /var/cache/nginx }
            - { name: run, mountPath: /run }
            - { name: data, mountPath: /data }
      volumes:
        - { name: cache, emptyDir: {} }
        - { name: run, emptyDir: {} }
        - { name: data, persistentVolumeClaim: { claimName: web-data } }
`;

describeWithTools('manifest cross-checks with a real image', IMAGE_TOOLS, () => {
  const work = mkdtempSync(join(tmpdir(), 'shipgate-manifests-image-'));
  let result: ScanResult;
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    const layout = await buildTestImage('ro-root-writer', {
      base: 'scratch',
      layers: [
        {
          createdBy: 'COPY rootfs/ / # buildkit',
          files: {
            '/docker-entrypoint.sh': { content: '#!/bin/sh\nexec "$@"\n', mode: 0o755 },
            '/usr/sbin/nginx': { content: '#!fake nginx\n', mode: 0o755 },
            '/data': { dir: true, mode: 0o755, uid: 101, gid: 101 },
          },
        },
      ],
      config: [
        '--config.user',
        '101',
        '--config.entrypoint',
        '/docker-entrypoint.sh',
        '--config.cmd',
        'nginx',
        '--config.volume',
        '/data',
        '--config.workingdir',
        '/',
      ],
    });
    const archive = join(work, 'web.tar');
    await run('skopeo', ['copy', '--quiet', layout, `docker-archive:${archive}:ghcr.io/example/web:1.0.0`]);
    mkdirSync(join(work, 'k8s'));
    writeFileSync(join(work, 'k8s', 'web.yaml'), MANIFEST);
    result = await runPipeline({
      dockerfiles: [],
      image: `docker-archive:${archive}`,
      manifests: [join(work, 'k8s')],
      repoRoot: work,
      scanners: ['config'],
      failOn: 'none',
    });
  }, 300_000);

  it('reports the declared volume and the nginx paths the first container does not mount, on its line', () => {
    const found = result.findings.filter((f) => f.ruleId === 'SG-K8S-030');
    expect(found.map((f) => [f.properties?.container, f.message.match(/writes to (\S+)/)?.[1]])).toEqual([
      ['web', '/data'],
      ['web', '/var/run'],
    ]);
    for (const f of found) {
      expect(f.location).toMatchObject({ path: 'k8s/web.yaml', startLine: 11 });
      expect(f.image?.ref).toBe(`docker-archive:${join(work, 'web.tar')}`);
      expect(f.image?.digest).toBe(result.image?.digest);
    }
    expect(found[0]?.message).toBe(
      `container 'web' of Deployment 'web' has a read-only root filesystem, but the scanned image docker-archive:${join(work, 'web.tar')} writes to /data (the image declares it a VOLUME, where its process keeps the data it writes) and no writable volume is mounted there.`,
    );
  });
});
