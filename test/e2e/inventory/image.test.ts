/** The inventory through the real image reader and layer walker, on images built with umoci and skopeo. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { beforeAll, expect, it } from 'vitest';
import { openImage, walkImage } from '../../../src/image/index';
import type { ImageInfo, InventoryResult } from '../../../src/image/types';
import { collectInventory, inventoryAnalyzers, toCycloneDx, toSpdx } from '../../../src/inventory/index';
import { run } from '../../support/debian';
import { cachedFixture } from '../../support/cache';
import {
  DEBIAN_ROOTFS_CREATED_BY,
  IMAGE_TOOLS,
  debianImage,
  rewriteImage,
  writeBlob,
  type TestImage,
} from '../../support/images';
import { describeWithTools } from '../../support/tools';

async function inventoryOf(ref: string): Promise<{ inv: InventoryResult; info: ImageInfo }> {
  const image = await openImage(ref);
  try {
    const { results } = await walkImage(image, inventoryAnalyzers());
    return { inv: collectInventory(results), info: image.info };
  } finally {
    await image.close();
  }
}

const SITE = 'usr/local/lib/python3.11/site-packages';

interface Layer {
  createdBy: string;
  /** Relative path → content; a `.wh.` name is a whiteout. */
  files: Record<string, string | Buffer>;
}

/** The Debian image plus layers made with GNU tar and gzip, appended to a copy of its OCI layout. */
async function layeredImage(base: TestImage, layers: Layer[]): Promise<TestImage> {
  const key = createHash('sha256')
    .update(
      JSON.stringify(
        layers.map((l) => [l.createdBy, Object.entries(l.files).map(([p, c]) => [p, c.toString('base64')])]),
      ),
    )
    .digest('hex')
    .slice(0, 16);
  const dir = await cachedFixture(`inventory-layered-${key}`, async (tmp) => {
    const layout = join(tmp, 'oci');
    await run('skopeo', ['copy', '--quiet', `oci:${base.ociLayout}:${base.tag}`, `oci:${layout}:latest`]);
    for (const [i, layer] of layers.entries()) {
      const stage = join(tmp, `stage-${i}`);
      for (const [path, content] of Object.entries(layer.files)) {
        mkdirSync(dirname(join(stage, path)), { recursive: true });
        writeFileSync(join(stage, path), content);
      }
      const tarFile = join(tmp, `layer-${i}.tar`);
      await run('tar', ['-C', stage, '--owner=0', '--group=0', '--numeric-owner', '-cf', tarFile, '.']);
      const tar = readFileSync(tarFile);
      const desc = writeBlob(layout, gzipSync(tar), 'application/vnd.oci.image.layer.v1.tar+gzip');
      rewriteImage(layout, 'latest', ({ manifest, config }) => {
        manifest.layers.push(desc);
        const c = config as { rootfs: { diff_ids: string[] }; history: { created_by: string }[] };
        c.rootfs.diff_ids.push(`sha256:${createHash('sha256').update(tar).digest('hex')}`);
        c.history.push({ created_by: layer.createdBy });
      });
    }
  });
  return { rootfs: '', ociLayout: join(dir, 'oci'), dockerArchive: '', ociArchive: '', tag: 'latest' };
}
const EXTRA = `Package: shipgate-extra
Status: install ok installed
Priority: optional
Section: misc
Installed-Size: 12
Maintainer: Example <dev@example.test>
Architecture: all
Source: shipgate-extra-src (0.9-1)
Version: 0.9-1+b2
Description: an extra package installed by a later layer
`;

describeWithTools('inventory of real images through the layer walker', IMAGE_TOOLS, () => {
  let debian: TestImage;
  let layered: TestImage;
  let oracle: string[];

  beforeAll(async () => {
    debian = await debianImage();
    const statusPath = join(debian.rootfs, 'var/lib/dpkg/status');
    const status = readFileSync(statusPath, 'utf8');
    oracle = (
      await run('dpkg-query', [
        '-W',
        '-f',
        '${Package}\t${Version}\t${source:Package}\t${source:Version}\n',
        `--admindir=${join(debian.rootfs, 'var/lib/dpkg')}`,
      ])
    )
      .trim()
      .split('\n')
      .sort();
    const jar = zipSync({
      'META-INF/maven/com.example/app/pom.properties': strToU8(
        'groupId=com.example\nartifactId=app\nversion=1.2.3\n',
      ),
    });
    layered = await layeredImage(debian, [
      {
        createdBy: 'RUN apt-get install -y shipgate-extra',
        files: { 'var/lib/dpkg/status': `${status.trimEnd()}\n\n${EXTRA}` },
      },
      {
        createdBy: 'RUN pip install requests',
        files: {
          [`${SITE}/requests-2.31.0.dist-info/METADATA`]:
            'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n',
          [`${SITE}/urllib3-2.0.7.dist-info/METADATA`]:
            'Metadata-Version: 2.1\nName: urllib3\nVersion: 2.0.7\n',
        },
      },
      { createdBy: 'RUN pip uninstall -y urllib3', files: { [`${SITE}/.wh.urllib3-2.0.7.dist-info`]: '' } },
      { createdBy: 'COPY app.jar /app/app.jar', files: { 'app/app.jar': Buffer.from(jar) } },
    ]);
  }, 1_200_000);

  it.each(['docker-archive', 'oci-archive', 'oci'] as const)(
    'lists exactly what dpkg-query lists, from a %s source',
    async (transport) => {
      const ref =
        transport === 'docker-archive'
          ? `docker-archive:${debian.dockerArchive}`
          : transport === 'oci-archive'
            ? `oci-archive:${debian.ociArchive}:${debian.tag}`
            : `oci:${debian.ociLayout}:${debian.tag}`;
      const { inv, info } = await inventoryOf(ref);
      expect(inv.os?.id).toBe('debian');
      const debs = inv.packages.filter((p) => p.type === 'deb');
      expect(debs.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion].join('\t')).sort()).toEqual(
        oracle,
      );
      expect(inv.packages.length).toBe(debs.length);
      for (const p of debs) {
        expect(p.layerDigest).toBe(info.layers[0]!.digest);
        expect(p.createdBy).toBe(DEBIAN_ROOTFS_CREATED_BY);
      }
    },
  );

  it('attributes packages to the layer that installed them and drops deleted ones', async () => {
    const { inv, info } = await inventoryOf(`oci:${layered.ociLayout}:${layered.tag}`);
    const byName = new Map(inv.packages.map((p) => [p.name, p]));
    const extra = byName.get('shipgate-extra')!;
    expect(extra).toMatchObject({
      version: '0.9-1+b2',
      sourceName: 'shipgate-extra-src',
      sourceVersion: '0.9-1',
      layerIndex: 1,
      layerDigest: info.layers[1]!.digest,
      createdBy: 'RUN apt-get install -y shipgate-extra',
    });
    expect(byName.get('libc6')!.layerIndex).toBe(0);
    expect(byName.get('requests')).toMatchObject({
      type: 'pypi',
      layerIndex: 2,
      createdBy: 'RUN pip install requests',
    });
    expect(byName.has('urllib3')).toBe(false);
    expect(byName.get('app')).toMatchObject({ type: 'maven', namespace: 'com.example', layerIndex: 4 });
    expect(inv.packages.filter((p) => p.type === 'deb')).toHaveLength(oracle.length + 1);
    const cdx = toCycloneDx(inv, info);
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(cdx)).toBeNull();
    expect(cdx).toContain(info.layers[1]!.digest);
    expect(JSON.parse(toSpdx(inv, info)).packages.length).toBe(inv.packages.length + 2);
  });
});
