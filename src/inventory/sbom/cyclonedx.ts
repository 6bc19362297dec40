import { randomUUID } from 'node:crypto';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { OsInfo, Package } from '../../core/package';
import { VERSION } from '../../core/version';
import type { InventoryResult } from '../../image/types';
import { imageName, imagePurl, type SbomImage } from './image-purl';
import { isSpdxExpression, spdxIdFor } from './licenses';

export interface CycloneDxOptions {
  /** CycloneDX spec version (default 1.6). */
  specVersion?: '1.5' | '1.6';
  /** Document time (default now). */
  timestamp?: Date;
  /** urn:uuid serial number (default random). */
  serialNumber?: string;
}

const PROP = 'shipgate:';

function licensesOf(p: Package): Models.LicenseRepository {
  const repo = new Models.LicenseRepository();
  const list = p.licenses ?? [];
  // CycloneDX allows either one expression or a list of licenses, not both.
  if (list.length === 1 && /\s(AND|OR|WITH)\s/.test(list[0]!) && isSpdxExpression(list[0]!)) {
    repo.add(new Models.LicenseExpression(list[0]!));
    return repo;
  }
  for (const l of list) {
    const id = spdxIdFor(l);
    repo.add(id ? new Models.SpdxLicense(id) : new Models.NamedLicense(l));
  }
  return repo;
}

function componentOf(p: Package, image: SbomImage, index: number): Models.Component {
  const props = new Models.PropertyRepository();
  const add = (name: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') props.add(new Models.Property(`${PROP}${name}`, String(value)));
  };
  add('package:type', p.type);
  add('package:path', p.path);
  add('package:binary', p.binaryPath);
  add('package:source', p.sourceName);
  add('package:sourceVersion', p.sourceVersion);
  add('package:arch', p.arch);
  add('package:modularityLabel', p.modularityLabel);
  add('layer:digest', p.layerDigest);
  add('layer:index', p.layerIndex);
  if (p.layerIndex !== undefined) add('layer:diffId', image.layers[p.layerIndex]?.diffId);
  add('layer:createdBy', p.createdBy);
  const c = new Models.Component(Enums.ComponentType.Library, p.name, {
    bomRef: `pkg-${index}`,
    purl: p.purl,
    licenses: licensesOf(p),
    properties: props,
  });
  if (p.version) c.version = p.version;
  if (p.namespace && (p.type === 'maven' || p.type === 'composer')) c.group = p.namespace;
  return c;
}

function osComponent(os: OsInfo): Models.Component {
  const props = new Models.PropertyRepository();
  if (os.eol !== undefined) props.add(new Models.Property(`${PROP}os:eol`, String(os.eol)));
  if (os.eolDate) props.add(new Models.Property(`${PROP}os:eolDate`, os.eolDate));
  const c = new Models.Component(Enums.ComponentType.OperatingSystem, os.id, {
    bomRef: 'os',
    properties: props,
  });
  if (os.versionId) c.version = os.versionId;
  if (os.prettyName) c.description = os.prettyName;
  return c;
}

/** A CycloneDX JSON SBOM of the image: the image as metadata component, the OS and every package. */
export function toCycloneDx(
  inventory: InventoryResult,
  image: SbomImage,
  options: CycloneDxOptions = {},
): string {
  const spec = options.specVersion === '1.5' ? Spec.Spec1dot5 : Spec.Spec1dot6;
  const bom = new Models.Bom({ serialNumber: options.serialNumber ?? `urn:uuid:${randomUUID()}` });
  bom.metadata.timestamp = options.timestamp ?? new Date();
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'shipgate', { version: VERSION }),
  );
  const imageProps = new Models.PropertyRepository();
  if (image.configDigest)
    imageProps.add(new Models.Property(`${PROP}image:configDigest`, image.configDigest));
  if (image.platform)
    imageProps.add(
      new Models.Property(`${PROP}image:platform`, `${image.platform.os}/${image.platform.architecture}`),
    );
  if (image.digest) imageProps.add(new Models.Property(`${PROP}image:digest`, image.digest));
  for (const l of image.layers)
    imageProps.add(new Models.Property(`${PROP}image:layer`, `${l.index} ${l.digest}`));
  const main = new Models.Component(Enums.ComponentType.Container, imageName(image), {
    bomRef: 'image',
    properties: imageProps,
  });
  const mainPurl = imagePurl(image);
  if (mainPurl) main.purl = mainPurl;
  if (image.digest) main.version = image.digest;
  const hex = /^sha256:([0-9a-f]{64})$/.exec(image.digest ?? '')?.[1];
  if (hex) main.hashes.set(Enums.HashAlgorithm['SHA-256'], hex);
  bom.metadata.component = main;

  if (inventory.os) {
    const os = osComponent(inventory.os);
    bom.components.add(os);
    main.dependencies.add(os.bomRef);
  }
  inventory.packages.forEach((p, i) => {
    const c = componentOf(p, image, i);
    bom.components.add(c);
    main.dependencies.add(c.bomRef);
  });
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}
