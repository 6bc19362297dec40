import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { PackageURL } from 'packageurl-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Package } from '../../../src/core/package';
import type { ImageInfo, InventoryResult } from '../../../src/image/types';
import { collectInventory, inventoryAnalyzers, toCycloneDx, toSpdx } from '../../../src/inventory/index';
import { DEBIAN_TOOLS, debianRootfs } from '../../support/debian';
import { describeWithTools } from '../../support/tools';
import { feedDir, imageInfoFor } from '../../support/feed';

const spdxSchema = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'fixtures', 'inventory', 'spdx-2.3-schema.json'),
    'utf8',
  ),
) as object;

function validateSpdx(json: string): void {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(spdxSchema);
  const ok = validate(JSON.parse(json));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

async function validateCycloneDx(json: string, version: '1.5' | '1.6'): Promise<void> {
  const v = version === '1.5' ? Spec.Version.v1dot5 : Spec.Version.v1dot6;
  expect(await new Validation.JsonStrictValidator(v).validate(json)).toBeNull();
}

const extra: Package[] = [
  {
    name: 'log4j-core',
    namespace: 'org.apache.logging.log4j',
    version: '2.14.1',
    type: 'maven',
    purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    licenses: ['Apache-2.0'],
    path: '/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar',
  },
  {
    name: 'left-pad',
    version: '1.3.0',
    type: 'npm',
    purl: 'pkg:npm/left-pad@1.3.0',
    licenses: ['WTFPL OR MIT'],
    path: '/app/node_modules/left-pad/package.json',
  },
  {
    name: 'weird',
    version: '0.1',
    type: 'pypi',
    purl: 'pkg:pypi/weird@0.1',
    licenses: ['Some custom license (see LICENSE)', 'GPL-2+'],
  },
];

describeWithTools('SBOMs of a debootstrapped Debian', DEBIAN_TOOLS, () => {
  let inv: InventoryResult;
  let image: ImageInfo;

  beforeAll(async () => {
    const rootfs = await debianRootfs();
    const base = collectInventory(await feedDir(inventoryAnalyzers(), rootfs, 'ADD rootfs.tar /'));
    inv = { ...base, packages: [...base.packages, ...extra] };
    for (const p of inv.packages) expect(PackageURL.fromString(p.purl).toString()).toBe(p.purl);
    image = imageInfoFor([{ dir: rootfs, createdBy: 'ADD rootfs.tar /' }], 'oci:debian:bookworm');
  });

  it.each(['1.5', '1.6'] as const)(
    'writes CycloneDX %s that validates, one component per package',
    async (v) => {
      const json = toCycloneDx(inv, image, { specVersion: v });
      await validateCycloneDx(json, v);
      const bom = JSON.parse(json) as {
        specVersion: string;
        metadata: { component: { type: string; name: string; purl?: string } };
        components: {
          type: string;
          name: string;
          purl?: string;
          properties?: { name: string; value: string }[];
          licenses?: unknown[];
        }[];
      };
      expect(bom.specVersion).toBe(v);
      expect(bom.metadata.component.type).toBe('container');
      expect(PackageURL.fromString(bom.metadata.component.purl!).type).toBe('oci');
      const libs = bom.components.filter((c) => c.type === 'library');
      expect(libs.map((c) => c.purl).sort()).toEqual(inv.packages.map((p) => p.purl).sort());
      expect(bom.components.find((c) => c.type === 'operating-system')?.name).toBe('debian');
      const libc = libs.find((c) => c.name === 'libc6')!;
      const props = Object.fromEntries((libc.properties ?? []).map((p) => [p.name, p.value]));
      expect(props['shipgate:layer:digest']).toBe(image.layers[0]!.digest);
      expect(props['shipgate:package:path']).toBe('/var/lib/dpkg/status');
      expect(props['shipgate:layer:createdBy']).toBe('ADD rootfs.tar /');
      expect(libs.find((c) => c.name === 'left-pad')!.licenses).toEqual([{ expression: 'WTFPL OR MIT' }]);
    },
  );

  it('writes SPDX 2.3 that validates against the official schema', () => {
    const json = toSpdx(inv, image, { created: new Date('2026-01-02T03:04:05.678Z') });
    validateSpdx(json);
    const doc = JSON.parse(json) as {
      creationInfo: { created: string };
      packages: {
        SPDXID: string;
        name: string;
        licenseDeclared?: string;
        externalRefs?: { referenceLocator: string }[];
      }[];
      relationships: { relationshipType: string }[];
      hasExtractedLicensingInfos?: { licenseId: string; extractedText: string }[];
    };
    expect(doc.creationInfo.created).toBe('2026-01-02T03:04:05Z');
    const purls = doc.packages.flatMap((p) => p.externalRefs?.map((r) => r.referenceLocator) ?? []);
    for (const p of inv.packages) expect(purls).toContain(p.purl);
    expect(new Set(doc.packages.map((p) => p.SPDXID)).size).toBe(doc.packages.length);
    expect(doc.relationships.filter((r) => r.relationshipType === 'CONTAINS')).toHaveLength(
      inv.packages.length + 1,
    );
    const weird = doc.packages.find((p) => p.name === 'weird')!;
    expect(weird.licenseDeclared).toBe('LicenseRef-Some-custom-license-see-LICENSE AND GPL-2.0-or-later');
    expect(doc.hasExtractedLicensingInfos).toContainEqual({
      licenseId: 'LicenseRef-Some-custom-license-see-LICENSE',
      name: 'Some custom license (see LICENSE)',
      extractedText: 'Some custom license (see LICENSE)',
    });
  });
});

describe('SBOM of an empty inventory', () => {
  it('is still valid CycloneDX and SPDX', async () => {
    const image = imageInfoFor([], 'docker-archive:empty.tar');
    const cdx = toCycloneDx({ packages: [] }, image);
    await validateCycloneDx(cdx, '1.6');
    validateSpdx(toSpdx({ packages: [] }, image));
    // The validators do reject broken documents.
    const broken = cdx.replace('"type": "container"', '"type": "not-a-type"');
    expect(broken).not.toBe(cdx);
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(broken)).not.toBeNull();
    const ajv = new Ajv2019({ strict: false });
    addFormats(ajv);
    expect(
      ajv.validate(spdxSchema, { ...JSON.parse(toSpdx({ packages: [] }, image)), packages: [{ name: 'x' }] }),
    ).toBe(false);
  });
});
