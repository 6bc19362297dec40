/**
 * Tools in the final filesystem: sudo/doas, and shells or package managers in an image that claims to be
 * minimal (by os-release or its labels).
 */
import type { Finding } from '../../core/finding';
import type { AnalyzerModule, FileEntry, FinalView, ImageInfo } from '../../image/types';
import { parseOsRelease } from '../../core/os-release';
import { existing, fileLoc, finding, targetName, TextFiles } from '../common';
import { IMG_RULES } from '../rules';

const SHELLS = ['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'busybox'];
const PACKAGE_MANAGERS = [
  'apt',
  'apt-get',
  'dpkg',
  'apk',
  'yum',
  'dnf',
  'microdnf',
  'rpm',
  'zypper',
  'pip',
  'pip3',
  'npm',
];
const BIN_DIRS = ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin'];

/** The first of `dirs`/`name` that exists, with the path as looked up (not the symlink target). */
function installed(view: FinalView, name: string): FileEntry | undefined {
  for (const d of BIN_DIRS) {
    const st = existing(view, `${d}/${name}`);
    if (st) return { ...st, path: `${d}/${name}` };
  }
  return undefined;
}

/** Why the image counts as minimal, or undefined when it does not claim to be. */
function minimalBy(files: TextFiles, view: FinalView, info: ImageInfo): string | undefined {
  const release = files.visible(view, '/etc/os-release') ?? files.visible(view, '/usr/lib/os-release');
  const os = release ? parseOsRelease(release.text) : undefined;
  if (/distroless/i.test(os?.prettyName ?? '')) return `os-release (${os?.prettyName})`;
  if (['chainguard', 'wolfi'].includes(os?.id ?? '')) return `os-release (ID=${os?.id})`;
  const labels = Object.entries(info.config.config?.Labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  return /(?:distroless|scratch|minimal|chainguard)/i.test(labels) ? 'its labels' : undefined;
}

function checkTools(files: TextFiles, view: FinalView, info: ImageInfo): Finding[] {
  const out: Finding[] = [];
  const target = targetName(info);
  for (const tool of ['sudo', 'doas']) {
    const st = BIN_DIRS.map((d) => existing(view, `${d}/${tool}`)).find(Boolean);
    if (st)
      out.push(
        finding(IMG_RULES.sudo, `${tool} is installed (${st.path}).`, `${target}:${tool}`, fileLoc(info, st)),
      );
  }
  const by = minimalBy(files, view, info);
  if (by) {
    for (const name of [...SHELLS, ...PACKAGE_MANAGERS]) {
      const st = installed(view, name);
      if (!st) continue;
      out.push(
        finding(
          IMG_RULES.minimalTools,
          `The image claims to be minimal (by ${by}) but contains ${st.path}.`,
          `${target}:${st.path}`,
          fileLoc(info, st),
        ),
      );
    }
  }
  return out;
}

export const toolsAnalyzer: AnalyzerModule = {
  version: 1,
  rules: [IMG_RULES.sudo, IMG_RULES.minimalTools],
  create() {
    const files = new TextFiles(new Set(['/etc/os-release', '/usr/lib/os-release']));
    return [
      {
        name: 'tools',
        maxBytes: 64 * 1024,
        wants: (e) => files.wants(e),
        analyze: (e, content) => files.add(e, content),
        finish: (view, info) => ({ findings: checkTools(files, view, info) }),
      },
    ];
  },
};
