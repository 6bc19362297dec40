import { createHash, randomUUID } from 'node:crypto';
import type { Package } from '../../core/package';
import { VERSION } from '../../core/version';
import type { InventoryResult } from '../../image/types';
import { imageName, imagePurl, type SbomImage } from './image-purl';
import { spdxDeclared } from './licenses';

export interface SpdxOptions {
  /** Document time (default now). */
  created?: Date;
  /** documentNamespace; default https://spdx.org/spdxdocs/<name>-<uuid> as the SPDX spec suggests. */
  documentNamespace?: string;
}

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed: false;
  licenseConcluded?: string;
  licenseDeclared?: string;
  copyrightText?: string;
  primaryPackagePurpose?: string;
  sourceInfo?: string;
  comment?: string;
  checksums?: { algorithm: string; checksumValue: string }[];
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
}

function spdxId(kind: string, ...parts: (string | number | undefined)[]): string {
  const h = createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u0000'))
    .digest('hex');
  return `SPDXRef-${kind}-${h.slice(0, 16)}`;
}

function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function packageOf(p: Package, refs: Map<string, string>): SpdxPackage {
  const licenses = spdxDeclared(p.licenses);
  for (const [id, text] of licenses.refs) refs.set(id, text);
  const out: SpdxPackage = {
    SPDXID: spdxId('Package', p.purl, p.path, p.binaryPath),
    name: p.name,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: licenses.expression,
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: 'LIBRARY',
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
  };
  if (p.version) out.versionInfo = p.version;
  const where = [
    p.path && `found in ${p.path}`,
    p.binaryPath && p.binaryPath !== p.path && `binary ${p.binaryPath}`,
  ]
    .filter(Boolean)
    .join(', ');
  if (where) out.sourceInfo = where;
  const layer = [
    p.layerDigest && `layer ${p.layerIndex ?? ''} ${p.layerDigest}`.replace('  ', ' '),
    p.createdBy && `created by: ${p.createdBy}`,
    p.sourceName && `source package: ${p.sourceName}${p.sourceVersion ? ` ${p.sourceVersion}` : ''}`,
  ]
    .filter(Boolean)
    .join('; ');
  if (layer) out.comment = layer;
  return out;
}

/** An SPDX 2.3 JSON document of the image: the image package CONTAINS the OS and every package. */
export function toSpdx(inventory: InventoryResult, image: SbomImage, options: SpdxOptions = {}): string {
  const name = imageName(image);
  const refs = new Map<string, string>();
  const imagePkg: SpdxPackage = {
    SPDXID: 'SPDXRef-Image',
    name,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'CONTAINER',
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
  };
  if (image.digest) imagePkg.versionInfo = image.digest;
  const hex = /^sha256:([0-9a-f]{64})$/.exec(image.digest ?? '')?.[1];
  if (hex) imagePkg.checksums = [{ algorithm: 'SHA256', checksumValue: hex }];
  const ipurl = imagePurl(image);
  if (ipurl)
    imagePkg.externalRefs = [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: ipurl },
    ];

  const packages: SpdxPackage[] = [imagePkg];
  const relationships = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Image' },
  ];
  if (inventory.os) {
    const os: SpdxPackage = {
      SPDXID: 'SPDXRef-OperatingSystem',
      name: inventory.os.id,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'OPERATING-SYSTEM',
    };
    if (inventory.os.versionId) os.versionInfo = inventory.os.versionId;
    if (inventory.os.eolDate)
      os.comment = `end of life ${inventory.os.eolDate}${inventory.os.eol ? ' (passed)' : ''}`;
    packages.push(os);
    relationships.push({
      spdxElementId: 'SPDXRef-Image',
      relationshipType: 'CONTAINS',
      relatedSpdxElement: os.SPDXID,
    });
  }
  const seen = new Set<string>();
  for (const p of inventory.packages) {
    const sp = packageOf(p, refs);
    if (seen.has(sp.SPDXID)) continue;
    seen.add(sp.SPDXID);
    packages.push(sp);
    relationships.push({
      spdxElementId: 'SPDXRef-Image',
      relationshipType: 'CONTAINS',
      relatedSpdxElement: sp.SPDXID,
    });
  }
  const doc = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace:
      options.documentNamespace ??
      `https://spdx.org/spdxdocs/${encodeURIComponent(name.replace(/[/:@]+/g, '-'))}-${randomUUID()}`,
    creationInfo: {
      created: isoSeconds(options.created ?? new Date()),
      creators: [`Tool: shipgate-${VERSION}`],
    },
    packages,
    relationships,
    ...(refs.size
      ? {
          hasExtractedLicensingInfos: [...refs].map(([licenseId, text]) => ({
            licenseId,
            name: text,
            extractedText: text,
          })),
        }
      : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
