/**
 * Which OSV data applies to a package: the archive (ecosystem base), the name and version to look up,
 * and which full ecosystem strings count (the distro release). Distro rules:
 * - Debian/Ubuntu advisories name SOURCE packages: look up Package.sourceName at sourceVersion.
 * - Debian: `Debian:<major>`. Ubuntu: `Ubuntu:<ver>` and `Ubuntu:<ver>:LTS`; the `Ubuntu:Pro:<ver>...`
 *   (ESM) data only for packages from ESM (`+esm` in the version) or releases past standard support.
 * - Alpine: the origin package in `Alpine:v<major.minor>`.
 * - RHEL family: binary rpm names in `AlmaLinux:<major>`, `Rocky Linux:<major>`,
 *   `Red Hat:enterprise_linux:<major>::*`; SUSE and openSUSE by product and release.
 */
import type { OsInfo, Package } from '../core/package';

export interface PackageTarget {
  /** OSV archive name, e.g. "Debian", "npm". */
  base: string;
  name: string;
  version: string;
  /** Whether an affected entry's full ecosystem string applies to this image. */
  accepts(ecosystem: string): boolean;
  /** Full ecosystem strings for API queries. */
  queryEcosystems: string[];
}

function majorOf(v: string | undefined): string | undefined {
  return v ? /^(\d+)/.exec(v)?.[1] : undefined;
}

function exact(base: string, ...ecos: string[]): Pick<PackageTarget, 'base' | 'accepts' | 'queryEcosystems'> {
  return { base, accepts: (e) => ecos.includes(e), queryEcosystems: ecos };
}

/** The OSV ecosystem of the image's OS packages, or undefined when shipgate has no data mapping for it. */
function osTarget(
  pkg: Package,
  os: OsInfo | undefined,
): Pick<PackageTarget, 'base' | 'accepts' | 'queryEcosystems'> | undefined {
  const id = os?.id ?? (pkg.type === 'deb' ? 'debian' : pkg.type === 'apk' ? 'alpine' : undefined);
  const ver = os?.versionId;
  if (pkg.type === 'deb') {
    if (id === 'ubuntu' && ver) {
      const esm = /esm/.test(pkg.sourceVersion ?? pkg.version) || os?.eol === true;
      const list = [`Ubuntu:${ver}`, `Ubuntu:${ver}:LTS`];
      const pro = [
        `Ubuntu:Pro:${ver}:LTS`,
        `Ubuntu:Pro:FIPS:${ver}:LTS`,
        `Ubuntu:Pro:FIPS-updates:${ver}:LTS`,
      ];
      return exact('Ubuntu', ...list, ...(esm ? pro : []));
    }
    const major = majorOf(ver);
    if ((id === 'debian' || os?.idLike?.includes('debian')) && major && id !== 'ubuntu')
      return exact('Debian', `Debian:${major}`);
    return undefined;
  }
  if (pkg.type === 'apk') {
    if (id === 'wolfi') return exact('Wolfi', 'Wolfi');
    if (id === 'chainguard') return exact('Chainguard', 'Chainguard');
    const m = ver ? /^(\d+)\.(\d+)/.exec(ver) : null;
    if (id === 'alpine' && m) return exact('Alpine', `Alpine:v${m[1]}.${m[2]}`);
    return undefined;
  }
  if (pkg.type === 'rpm') {
    const major = majorOf(ver);
    if (!major) return undefined;
    if (id === 'almalinux') return exact('AlmaLinux', `AlmaLinux:${major}`);
    if (id === 'rocky') return exact('Rocky Linux', `Rocky Linux:${major}`);
    if (id === 'rhel') {
      const prefix = `Red Hat:enterprise_linux:${major}::`;
      return {
        base: 'Red Hat',
        accepts: (e) => e.startsWith(prefix),
        queryEcosystems: [`${prefix}baseos`, `${prefix}appstream`],
      };
    }
    if (id === 'opensuse-leap' && ver) return exact('openSUSE', `openSUSE:Leap ${ver}`);
    if (id === 'sles' && ver) {
      const [maj, sp] = ver.split('.');
      const name =
        sp && sp !== '0'
          ? `SUSE:Linux Enterprise Server ${maj} SP${sp}`
          : `SUSE:Linux Enterprise Server ${maj}`;
      return exact('SUSE', name);
    }
    return undefined;
  }
  return undefined;
}

const LANGUAGE: Partial<Record<Package['type'], string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  nuget: 'NuGet',
};

/** The name OSV uses for a language package (Maven group:artifact, Go module path, npm @scope/name). */
function languageName(pkg: Package): string {
  const { name, namespace } = pkg;
  switch (pkg.type) {
    case 'maven':
      return name.includes(':') || !namespace ? name : `${namespace}:${name}`;
    case 'golang':
      return name.includes('/') || !namespace ? name : `${namespace}/${name}`;
    case 'npm':
      return name.startsWith('@') || !namespace ? name : `${namespace}/${name}`;
    case 'composer':
      return name.includes('/') || !namespace ? name : `${namespace}/${name}`;
    default:
      return name;
  }
}

/** Where to look a package up, or undefined when no OSV ecosystem covers it. */
export function targetFor(pkg: Package, os: OsInfo | undefined): PackageTarget | undefined {
  const lang = LANGUAGE[pkg.type];
  if (lang) return { ...exact(lang, lang), name: languageName(pkg), version: pkg.version };
  const t = osTarget(pkg, os);
  if (!t) return undefined;
  const bySource = pkg.type === 'deb' || pkg.type === 'apk';
  return {
    ...t,
    name: bySource ? (pkg.sourceName ?? pkg.name) : pkg.name,
    version: pkg.type === 'deb' ? (pkg.sourceVersion ?? pkg.version) : pkg.version,
  };
}

/** The distinct OSV archives the packages need. */
export function neededEcosystems(packages: readonly Package[], os: OsInfo | undefined): string[] {
  const s = new Set<string>();
  for (const p of packages) {
    const t = targetFor(p, os);
    if (t) s.add(t.base);
  }
  return [...s].sort();
}
