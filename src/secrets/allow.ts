/**
 * Allow-lists: well-known example values and placeholders are never secrets, and some paths hold only
 * documentation, test fixtures or public data.
 */

/** Placeholders and example values (checked against the whole value, case-insensitively). */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^(?:true|false|null|nil|none|undefined|empty|required|optional)$/i,
  /^(?:change_?me|changeit|pass|pw|pwd|password|passwd|pass_?word|secret|token|user|username|example|sample|dummy|placeholder|redacted|hidden|masked|test|testing|foo|bar|foobar|admin|root|guest)\d*$/i,
  /example/i,
  /^(?:your|my|insert|enter|replace)[_-]/i,
  /^your[A-Z]/,
  /(?:[_-]here|_goes_here)$/i,
  /^(.)\1+$/, // aaaaaaaa, ********
  /0{8,}$/, // documentation tokens padded with zeros
  /^[x*.#_-]{3,}$/i,
  /x{5,}|\*{3,}|\.{3,}/i,
  /^\$\{[^}]*\}$/, // ${VAR}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\$\(.*\)$/, // $(cmd)
  /^\{\{.*\}\}$/, // {{ template }}
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^@[A-Za-z_][A-Za-z0-9_]*@$/, // @VAR@
  /^<[^>]+>$/, // <password>
  /^\[[^\]]+\]$/,
  /^(?:0123456789|1234567890|abcdefghij)/i,
  /^(?:abcdefghijklmnopqrstuvwxyz|0123456789abcdef)/i,
];

/** Known example credentials published in vendor documentation. */
const KNOWN_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
]);

export function isPlaceholder(value: string): boolean {
  if (KNOWN_EXAMPLES.has(value)) return true;
  return PLACEHOLDER_PATTERNS.some((p) => p.test(value));
}

/**
 * Paths that are not scanned in images by default: documentation, manual pages, locales, time zones, headers,
 * and test fixtures of installed packages. Certificate stores are in CERTIFICATE_PATHS instead.
 */
export const DEFAULT_SKIP_PATHS: RegExp[] = [
  /^\/usr\/share\/(?:doc|man|info|locale|i18n|zoneinfo|common-licenses|mime|perl5?|lintian|bug)\//,
  /^\/usr\/include\//,
  /^\/var\/lib\/dpkg\/info\/[^/]+\.(?:md5sums|list|conffiles|triggers|shlibs|symbols)$/,
  /^\/var\/lib\/(?:dpkg\/status|apk\/db\/installed|rpm\/)/,
  /^\/var\/lib\/apt\/lists\//, // package index files (public metadata, tens of MB)
  /^\/var\/cache\/(?:apt|apk|yum|dnf|debconf)\//,
  /\/(?:tests?|testdata|__tests__|__mocks__|fixtures?|__fixtures__|spec|examples?)\//i,
  /[._-](?:test|spec)\.[cm]?[jt]sx?$/i,
  /_test\.(?:go|py)$/,
  /\/node_modules\/.+\.(?:md|markdown)$/i, // package documentation
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock)$/,
  /\.(?:der|pub|asc\.pub|sig|map)$/i,
  /\.so(?:\.\d+)+$/, // versioned shared libraries
  /^\/usr\/lib\/locale\/locale-archive$/,
];

/**
 * Certificate stores and certificate files hold public material and are scanned for private keys only: a key
 * placed among them (a combined certificate + key bundle, a `.crt` that also holds the key) is a leak.
 */
export const CERTIFICATE_PATHS: RegExp[] = [
  /^\/usr\/share\/ca-certificates\//,
  /^\/etc\/ssl\/certs\//,
  /^\/etc\/pki\/(?:ca-trust|tls\/certs)\//,
  /\.(?:crt|cer|csr)$/i,
];

export function isCertificatePath(path: string): boolean {
  return CERTIFICATE_PATHS.some((p) => p.test(path));
}

/** File name extensions that are never text worth scanning. */
export const BINARY_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'bmp',
  'ico',
  'webp',
  'tif',
  'tiff',
  'svgz',
  'psd',
  'woff',
  'woff2',
  'ttf',
  'otf',
  'eot',
  'pfb',
  'gz',
  'tgz',
  'bz2',
  'xz',
  'zst',
  'lz4',
  'lzma',
  'zip',
  'jar',
  'war',
  'ear',
  'whl',
  'egg',
  '7z',
  'rar',
  'deb',
  'rpm',
  'apk',
  'so',
  'a',
  'o',
  'dll',
  'exe',
  'dylib',
  'node',
  'wasm',
  'class',
  'pyc',
  'pyo',
  'mo',
  'gmo',
  'db',
  'sqlite',
  'cache',
  'mp3',
  'mp4',
  'ogg',
  'wav',
  'avi',
  'mov',
  'flac',
  'pdf',
]);

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isSkippedPath(path: string, extra: RegExp[] = [], defaults = true): boolean {
  if (BINARY_EXTENSIONS.has(extensionOf(path))) return true;
  if (defaults && DEFAULT_SKIP_PATHS.some((p) => p.test(path))) return true;
  return extra.some((p) => p.test(path));
}
