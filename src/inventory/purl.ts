import { PackageURL } from 'packageurl-js';
import type { OsInfo, Package, PackageType } from '../core/package';

type Qualifiers = Record<string, string | undefined>;

/** Builds a purl string; empty qualifiers are dropped. */
export function purl(
  type: PackageType | 'oci',
  namespace: string | undefined,
  name: string,
  version: string | undefined,
  qualifiers: Qualifiers = {},
  subpath?: string,
): string {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(qualifiers)) if (v) q[k] = v;
  return new PackageURL(
    type,
    namespace || undefined,
    name,
    version || undefined,
    Object.keys(q).length ? q : undefined,
    subpath,
  ).toString();
}

/** PEP 503 normalised Python project name. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The purl `distro` qualifier, e.g. debian-12, alpine-3.19.1. */
function distroQualifier(os: OsInfo | undefined): string | undefined {
  if (!os?.id) return undefined;
  return os.versionId ? `${os.id}-${os.versionId}` : os.id;
}

const DEB_VENDORS = new Set(['debian', 'ubuntu']);
/** rpm vendors as their own security data names them (Red Hat's CSAF/VEX use pkg:rpm/redhat/...). */
const RPM_VENDORS: Record<string, string> = {
  rhel: 'redhat',
  'opensuse-leap': 'opensuse',
  'opensuse-tumbleweed': 'opensuse',
  sles: 'suse',
  sled: 'suse',
  amzn: 'amazon',
};
const APK_VENDORS = new Set(['alpine', 'wolfi', 'chainguard', 'postmarketos']);

/** Namespace of an OS package purl: the distro id when it fits the package type. */
function osNamespace(type: PackageType, os: OsInfo | undefined): string {
  const id = os?.id;
  if (type === 'deb') return id && (DEB_VENDORS.has(id) || os?.idLike?.includes('debian')) ? id : 'debian';
  if (type === 'apk') return id && (APK_VENDORS.has(id) || os?.idLike?.includes('alpine')) ? id : 'alpine';
  if (type === 'rpm') return (id && RPM_VENDORS[id]) ?? id ?? 'redhat';
  return id ?? '';
}

/** The purl of an OS package (deb, apk, rpm) once the image's OS is known. */
export function osPackagePurl(p: Package, os: OsInfo | undefined): string {
  const ns = osNamespace(p.type, os);
  const distro = distroQualifier(os);
  if (p.type === 'deb') {
    const upstream =
      p.sourceName && (p.sourceName !== p.name || (p.sourceVersion && p.sourceVersion !== p.version))
        ? p.sourceVersion && p.sourceVersion !== p.version
          ? `${p.sourceName}@${p.sourceVersion}`
          : p.sourceName
        : undefined;
    return purl('deb', ns, p.name, p.version, { arch: p.arch, distro, upstream });
  }
  if (p.type === 'apk') {
    return purl('apk', ns, p.name, p.version, {
      arch: p.arch,
      distro,
      upstream: p.sourceName && p.sourceName !== p.name ? p.sourceName : undefined,
    });
  }
  if (p.type === 'rpm') {
    // rpm versions are [epoch:]version-release; the purl carries the epoch as a qualifier.
    const m = /^(\d+):(.*)$/.exec(p.version);
    return purl('rpm', ns, p.name, m ? m[2] : p.version, {
      arch: p.arch,
      epoch: m ? m[1] : undefined,
      distro,
      upstream: p.sourceName ? rpmSourceFile(p) : undefined,
    });
  }
  return p.purl;
}

function rpmSourceFile(p: Package): string | undefined {
  return p.sourceName && p.sourceVersion ? `${p.sourceName}-${p.sourceVersion}.src.rpm` : p.sourceName;
}
