/** Package types, named as in purl. */
export type PackageType =
  | 'deb'
  | 'apk'
  | 'rpm'
  | 'npm'
  | 'pypi'
  | 'golang'
  | 'maven'
  | 'cargo'
  | 'gem'
  | 'composer'
  | 'nuget'
  | 'generic';

/** The operating system of an image, from /etc/os-release and fallbacks. */
export interface OsInfo {
  /** os-release ID: debian, ubuntu, alpine, rhel, almalinux, rocky, fedora, amzn, sles, opensuse-leap, wolfi, chainguard, distroless ... */
  id: string;
  /** VERSION_ID: "12", "22.04", "3.19.1", "9.3" */
  versionId?: string;
  codename?: string;
  prettyName?: string;
  /** ID_LIKE entries */
  idLike?: string[];
  /** True when the release is past its end of life (the date is in eolDate when known). */
  eol?: boolean;
  eolDate?: string;
}

export interface Package {
  name: string;
  /** Version as the package manager prints it (dpkg: [epoch:]upstream[-revision]; rpm: [epoch:]version-release). */
  version: string;
  type: PackageType;
  purl: string;
  /** Distro source package (dpkg Source, apk origin, rpm source rpm name). */
  sourceName?: string;
  sourceVersion?: string;
  arch?: string;
  licenses?: string[];
  /** Maven group id, Go module path etc. where the name alone is ambiguous. */
  namespace?: string;
  /** rpm modularity label (e.g. "nodejs:18:8090020240101:a75119d5") */
  modularityLabel?: string;
  /** Where in the image the package was found (the database or manifest file). */
  path?: string;
  layerDigest?: string;
  layerIndex?: number;
  /** The config-history `created_by` of that layer. */
  createdBy?: string;
  /** For language packages inside a binary: the binary's path. */
  binaryPath?: string;
}
