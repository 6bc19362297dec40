// A CycloneDX SBOM of shipgate itself, a release asset: the @shipgate/cli package as the metadata component and
// every production package of package-lock.json as a component (version, license, purl, the lock file's
// SHA-512), with the dependency graph npm resolved. Given the built dist/ folder, each component says whether
// it is bundled into dist/ (dist/licenses.txt lists those). The output depends only on the checkout: the time
// is SOURCE_DATE_EPOCH or the source commit's, the serial number is derived from the name, version and commit.
//
//   node build/sbom.mjs [--dist DIR] [--output FILE]
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PackageURL } from 'packageurl-js';
import { ROOT } from './bundle.mjs';
import { sourceCommit, sourceDate } from './commit.mjs';

const PROP = 'shipgate:';

/** The package name of a lock file key: the part after its last node_modules/. */
function nameOfKey(key) {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function purlOf(name, version) {
  const [namespace, bare] = name.startsWith('@') ? name.split('/') : [undefined, name];
  return new PackageURL('npm', namespace, bare, version).toString();
}

/** The lock file key `dep` resolves to from the package at `from`, the way Node looks up node_modules. */
function resolveKey(packages, from, dep) {
  for (let dir = from; ;) {
    const key = dir ? `${dir}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[key]) return key;
    if (!dir) return undefined;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

/** name@version of every package the licenses.txt of a build lists (its index, before the license texts). */
export function bundledPackages(licensesText) {
  const out = new Set();
  for (const line of licensesText.split('\n')) {
    if (line.startsWith('=')) break;
    const m = /^(@?[^@\s]+)@(\S+): /.exec(line);
    if (m) out.add(`${m[1]}@${m[2]}`);
  }
  return out;
}

function licensesOf(license) {
  const repo = new Models.LicenseRepository();
  if (!license) return repo;
  repo.add(
    /\s(AND|OR|WITH)\s|^\(/.test(license)
      ? new Models.LicenseExpression(license)
      : new Models.SpdxLicense(license),
  );
  return repo;
}

/**
 * The SBOM as CycloneDX 1.6 JSON. `bundled` (name@version set) marks the components built into dist/; every
 * one of them must be a production package of the lock file.
 */
export function shipgateSbom({ root = ROOT, bundled } = {}) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const commit = sourceCommit(root);
  const packages = lock.packages;
  const keys = Object.keys(packages)
    .filter((k) => k !== '' && !packages[k].dev && !packages[k].devOptional && !packages[k].link)
    .sort();

  const bom = new Models.Bom({
    serialNumber: `urn:uuid:${uuidFrom(`${pkg.name}@${pkg.version}@${commit}`)}`,
  });
  bom.metadata.timestamp = sourceDate(root);
  const mainProps = new Models.PropertyRepository([new Models.Property(`${PROP}commit`, commit)]);
  const main = new Models.Component(Enums.ComponentType.Application, pkg.name.split('/')[1], {
    bomRef: purlOf(pkg.name, pkg.version),
    group: pkg.name.split('/')[0],
    version: pkg.version,
    purl: purlOf(pkg.name, pkg.version),
    licenses: licensesOf(pkg.license),
    properties: mainProps,
  });
  bom.metadata.component = main;

  const components = new Map();
  const seen = new Set();
  for (const key of keys) {
    const entry = packages[key];
    const name = entry.name ?? nameOfKey(key);
    const id = `${name}@${entry.version}`;
    const props = new Models.PropertyRepository();
    if (bundled) props.add(new Models.Property(`${PROP}bundled`, String(bundled.has(id))));
    const [group, bare] = name.startsWith('@') ? name.split('/') : [undefined, name];
    const c = new Models.Component(Enums.ComponentType.Library, bare, {
      bomRef: seen.has(id) ? `${purlOf(name, entry.version)}#${key}` : purlOf(name, entry.version),
      group,
      version: entry.version,
      purl: purlOf(name, entry.version),
      licenses: licensesOf(entry.license),
      properties: props,
    });
    seen.add(id);
    const sha512 = /^sha512-(.+)$/.exec(entry.integrity ?? '')?.[1];
    if (sha512) c.hashes.set(Enums.HashAlgorithm['SHA-512'], Buffer.from(sha512, 'base64').toString('hex'));
    components.set(key, c);
    bom.components.add(c);
  }
  for (const [key, c] of components) {
    for (const dep of Object.keys(packages[key].dependencies ?? {})) {
      const to = components.get(resolveKey(packages, key, dep) ?? '');
      if (to) c.dependencies.add(to.bomRef);
    }
  }
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const to = components.get(resolveKey(packages, '', dep) ?? '');
    if (!to) throw new Error(`dependency ${dep} is not in package-lock.json: run npm install`);
    main.dependencies.add(to.bomRef);
  }
  if (bundled) {
    const inLock = new Set(keys.map((k) => `${packages[k].name ?? nameOfKey(k)}@${packages[k].version}`));
    const missing = [...bundled].filter((id) => !inLock.has(id));
    if (missing.length)
      throw new Error(
        `bundled packages missing from the lock file's production packages: ${missing.join(', ')}`,
      );
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

/** A UUID in the version 5 layout derived from text, so rebuilding gives the same serial number. */
function uuidFrom(text) {
  const h = createHash('sha256').update(text).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, output: { type: 'string' } } });
  try {
    const bundled = values.dist
      ? bundledPackages(readFileSync(join(resolve(values.dist), 'licenses.txt'), 'utf8'))
      : undefined;
    const json = shipgateSbom({ bundled });
    if (values.output) writeFileSync(resolve(values.output), json);
    else process.stdout.write(json);
  } catch (e) {
    process.stderr.write(`sbom failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
