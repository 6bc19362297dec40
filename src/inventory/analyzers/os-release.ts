import { parseEnvFile, parseOsRelease } from '../../core/os-release';
import type { OsInfo } from '../../core/package';
import type { Analyzer, FileEntry, FinalView } from '../../image/types';
import { osEndOfLife } from '../eol';
import { FileVersions } from '../layer';
import { inventoryPart, type InventoryPart } from '../types';

/** The files that tell the OS, best first. */
const SOURCES = [
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/lsb-release',
  '/etc/alpine-release',
  '/etc/redhat-release',
  '/etc/centos-release',
  '/etc/fedora-release',
  '/etc/system-release',
  '/etc/debian_version',
] as const;
const WANTED: ReadonlySet<string> = new Set(SOURCES);

const RELEASE_FILE_IDS: [RegExp, string][] = [
  [/^Red Hat Enterprise Linux/i, 'rhel'],
  [/^CentOS Stream/i, 'centos'],
  [/^CentOS/i, 'centos'],
  [/^Rocky Linux/i, 'rocky'],
  [/^AlmaLinux/i, 'almalinux'],
  [/^Fedora/i, 'fedora'],
  [/^Amazon Linux/i, 'amzn'],
  [/^Oracle Linux/i, 'ol'],
];

/** Parses a fallback file (lsb-release, alpine-release, redhat-release, debian_version). */
export function parseFallback(path: string, text: string): OsInfo | undefined {
  const first = text.split('\n')[0]?.trim() ?? '';
  if (path === '/etc/lsb-release') {
    const kv = parseEnvFile(text);
    if (!kv.DISTRIB_ID) return undefined;
    const os: OsInfo = { id: kv.DISTRIB_ID.toLowerCase() };
    if (kv.DISTRIB_RELEASE) os.versionId = kv.DISTRIB_RELEASE;
    if (kv.DISTRIB_CODENAME) os.codename = kv.DISTRIB_CODENAME;
    if (kv.DISTRIB_DESCRIPTION) os.prettyName = kv.DISTRIB_DESCRIPTION;
    return os;
  }
  if (path === '/etc/alpine-release') {
    return /^\d+\.\d+/.test(first)
      ? { id: 'alpine', versionId: first, prettyName: `Alpine Linux v${first}` }
      : undefined;
  }
  if (path === '/etc/debian_version') {
    // "12.5" on a stable release, "trixie/sid" on testing.
    const m = /^(\d+)(\.\d+)?/.exec(first);
    const os: OsInfo = { id: 'debian', prettyName: `Debian GNU/Linux ${first}` };
    if (m) os.versionId = m[1];
    else if (/^[a-z]+\/sid$/.test(first)) os.codename = first.split('/')[0];
    return first ? os : undefined;
  }
  const hit = RELEASE_FILE_IDS.find(([re]) => re.test(first));
  if (!hit) return undefined;
  const version = /release\s+(\d+(?:\.\d+)?)/i.exec(first)?.[1] ?? /\b(\d{4}|\d+)\b/.exec(first)?.[1];
  const os: OsInfo = { id: hit[1], prettyName: first };
  if (version) os.versionId = version;
  const codename = /\(([^)]+)\)/.exec(first)?.[1];
  if (codename) os.codename = codename.toLowerCase();
  return os;
}

/** Adds the end-of-life fields for `now`. */
function withEndOfLife(os: OsInfo, now: Date = new Date()): OsInfo {
  const eol = osEndOfLife(os, now);
  return eol ? { ...os, ...eol } : os;
}

export function osReleaseAnalyzer(now?: () => Date): Analyzer<InventoryPart> {
  const files = new FileVersions<string>();
  return {
    name: 'os-release',
    maxBytes: 64 * 1024,
    wants: (entry: FileEntry) => WANTED.has(entry.path),
    analyze(entry, content) {
      files.add(entry, content.toString('utf8'));
    },
    finish(view: FinalView) {
      for (const path of SOURCES) {
        const v = files.visible(path, view.visibleLayer(path));
        if (!v) continue;
        const os = path.endsWith('os-release') ? parseOsRelease(v.value) : parseFallback(path, v.value);
        if (os) return inventoryPart('os-release', [], withEndOfLife(os, now?.()));
      }
      return inventoryPart('os-release', []);
    },
  };
}
