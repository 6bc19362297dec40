/**
 * The image-configuration analyzer: config-only checks plus checks on the final filesystem (setuid files,
 * modes, caches, accounts, tools). Findings from a file carry its layer and `created_by`.
 */
import type { Finding, ImageLocation } from '../core/finding';
import { parseOsRelease } from '../core/os-release';
import type { Analyzer, FileEntry, FinalView, ImageInfo } from '../image/types';
import { safeText } from '../secrets/scanner';
import { parseGroup, parsePasswd, parseShadow } from './accounts';
import { checkImageConfig, finding, type ConfigCheckOptions } from './checks';
import { IMG_RULES } from './rules';

export interface ConfigAnalyzerOptions extends ConfigCheckOptions {
  /** Treat the image as minimal (distroless-like) even without labels saying so. */
  minimal?: boolean;
  /** Skip the config-only checks (when the pipeline runs checkImageConfig itself). */
  filesystemOnly?: boolean;
}

const WANTED = new Set([
  '/etc/passwd',
  '/etc/shadow',
  '/etc/group',
  '/etc/os-release',
  '/usr/lib/os-release',
]);

/** setuid/setgid programs most distributions ship; anything else is unusual. */
const COMMON_SETUID = new Set([
  'passwd',
  'su',
  'mount',
  'umount',
  'chsh',
  'chfn',
  'gpasswd',
  'newgrp',
  'unix_chkpwd',
  'expiry',
  'chage',
  'wall',
  'write',
  'bsd-write',
  'ssh-agent',
  'ssh-keysign',
  'ping',
  'ping6',
  'crontab',
  'at',
  'dotlockfile',
  'pam_extrausers_chkpwd',
  'fusermount',
  'fusermount3',
  'dbus-daemon-launch-helper',
  'newuidmap',
  'newgidmap',
  'mail-lock',
  'mail-unlock',
  'mail-touchlock',
  'utempter',
  'sudo',
  'sg',
  'traceroute6.iputils',
  'chromium-sandbox',
]);

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

interface CacheKind {
  name: string;
  test: (path: string) => boolean;
}

const CACHES: CacheKind[] = [
  {
    name: 'apt package lists (/var/lib/apt/lists)',
    test: (p) => p.startsWith('/var/lib/apt/lists/') && !/\/(?:lock|partial\/.*|auxfiles\/.*)$/.test(p),
  },
  {
    name: 'apt cache (/var/cache/apt)',
    test: (p) => /^\/var\/cache\/apt\/(?:archives\/[^/]+\.deb|[^/]+\.bin)$/.test(p),
  },
  {
    name: 'apk cache (/var/cache/apk)',
    test: (p) => p.startsWith('/var/cache/apk/') || p.startsWith('/etc/apk/cache/'),
  },
  {
    name: 'yum/dnf cache (/var/cache/yum, /var/cache/dnf)',
    test: (p) => /^\/var\/cache\/(?:yum|dnf)\//.test(p),
  },
  { name: 'pip cache (~/.cache/pip)', test: (p) => /^\/(?:root|home\/[^/]+)\/\.cache\/pip\//.test(p) },
  { name: 'npm cache (~/.npm/_cacache)', test: (p) => /^\/(?:root|home\/[^/]+)\/\.npm\/_cacache\//.test(p) },
  {
    name: 'yarn cache',
    test: (p) =>
      p.startsWith('/usr/local/share/.cache/yarn/') || /^\/(?:root|home\/[^/]+)\/\.cache\/yarn\//.test(p),
  },
];

const UNNECESSARY_FILES = new Set([
  'Dockerfile',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yaml',
  'compose.yml',
  '.DS_Store',
]);
const UNNECESSARY_DIRS = new Set(['.git', '.aws', '.azure', '.gcp', '.vscode', '.idea']);
const PACKAGE_CONTENT =
  /^\/(?:usr\/(?:share|lib|lib64|local\/lib|include)|opt\/[^/]+\/lib)\/|\/node_modules\/|\/site-packages\//;

function fileLoc(info: ImageInfo, e: FileEntry, path = e.path): ImageLocation {
  return {
    ...(info.ref ? { ref: info.ref } : {}),
    ...(info.digest ? { digest: info.digest } : {}),
    path,
    layerIndex: e.layerIndex,
    layerDigest: e.layerDigest,
    ...(e.createdBy ? { createdBy: safeText(e.createdBy) } : {}),
  };
}

export function configAnalyzer(options: ConfigAnalyzerOptions = {}): Analyzer<Finding[]> {
  // Content of each version of the wanted files, by path then layer.
  const files = new Map<string, Map<number, string>>();
  return {
    name: 'config',
    maxBytes: 4 * 1024 * 1024,
    wants: (e) => WANTED.has(e.path),
    analyze(e, content) {
      let byLayer = files.get(e.path);
      if (!byLayer) files.set(e.path, (byLayer = new Map()));
      byLayer.set(e.layerIndex, content.toString('utf8'));
    },
    finish(view: FinalView, info: ImageInfo): Finding[] {
      const out: Finding[] = options.filesystemOnly ? [] : checkImageConfig(info, options);
      const visible = (path: string): { text: string; entry: FileEntry } | undefined => {
        const layer = view.visibleLayer(path);
        const entry = view.stat(path);
        const text = layer === undefined ? undefined : files.get(path)?.get(layer);
        return text !== undefined && entry ? { text, entry } : undefined;
      };
      const target = info.repository ?? info.ref;
      const cacheHits = new Map<CacheKind, { count: number; bytes: number; first: FileEntry }>();

      for (const e of view.entries()) {
        if (e.type === 'file' && e.mode & 0o6000) {
          const base = e.path.slice(e.path.lastIndexOf('/') + 1);
          const bits = [e.mode & 0o4000 ? 'setuid' : '', e.mode & 0o2000 ? 'setgid' : '']
            .filter(Boolean)
            .join('+');
          const common = COMMON_SETUID.has(base);
          const rule = common ? IMG_RULES.setuidCommon : IMG_RULES.setuidUnusual;
          out.push(
            finding(
              rule,
              `${e.path} is ${bits} (mode ${(e.mode & 0o7777).toString(8)}, owner uid ${e.uid}).`,
              `${target}:${e.path}`,
              fileLoc(info, e),
              undefined,
              {
                mode: (e.mode & 0o7777).toString(8),
              },
            ),
          );
        }
        if (
          (e.type === 'file' || e.type === 'dir') &&
          e.mode & 0o002 &&
          !(e.type === 'dir' && e.mode & 0o1000)
        ) {
          const what = e.type === 'dir' ? 'directory without the sticky bit' : 'file';
          out.push(
            finding(
              IMG_RULES.worldWritable,
              `${e.path} is a world-writable ${what} (mode ${(e.mode & 0o7777).toString(8)}).`,
              `${target}:${e.path}`,
              fileLoc(info, e),
            ),
          );
        }
        if (e.type === 'file') {
          for (const c of CACHES) {
            if (!c.test(e.path)) continue;
            const hit = cacheHits.get(c);
            if (hit) {
              hit.count++;
              hit.bytes += e.size;
            } else cacheHits.set(c, { count: 1, bytes: e.size, first: e });
          }
        }
        if (!PACKAGE_CONTENT.test(e.path)) {
          const base = e.path.slice(e.path.lastIndexOf('/') + 1);
          if (
            (e.type === 'file' && UNNECESSARY_FILES.has(base)) ||
            (e.type === 'dir' && UNNECESSARY_DIRS.has(base))
          ) {
            out.push(
              finding(
                IMG_RULES.unnecessaryFiles,
                `${e.path} is in the image.`,
                `${target}:${e.path}`,
                fileLoc(info, e),
              ),
            );
          }
        }
      }

      for (const [c, hit] of cacheHits) {
        out.push(
          finding(
            IMG_RULES.packageCache,
            `The ${c.name} is left in the image: ${hit.count} file(s), ${Math.max(1, Math.round(hit.bytes / 1024))} KiB.`,
            `${target}:${c.name}`,
            fileLoc(info, hit.first),
            undefined,
            { files: hit.count, bytes: hit.bytes },
          ),
        );
      }

      const exists = (p: string): FileEntry | undefined => {
        const r = view.resolve(p);
        const st = r ? view.stat(r) : undefined;
        return st && st.type !== 'dir' ? st : undefined;
      };
      for (const tool of ['sudo', 'doas']) {
        for (const d of BIN_DIRS) {
          const st = exists(`${d}/${tool}`);
          if (st) {
            out.push(
              finding(
                IMG_RULES.sudo,
                `${tool} is installed (${st.path}).`,
                `${target}:${tool}`,
                fileLoc(info, st),
              ),
            );
            break;
          }
        }
      }

      const osRelease = visible('/etc/os-release') ?? visible('/usr/lib/os-release');
      const os = osRelease ? parseOsRelease(osRelease.text) : undefined;
      const labels = info.config.config?.Labels ?? {};
      const labelText = Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n');
      const minimalBy = options.minimal
        ? 'the policy'
        : /distroless/i.test(os?.prettyName ?? '')
          ? `os-release (${os?.prettyName})`
          : ['chainguard', 'wolfi'].includes(os?.id ?? '')
            ? `os-release (ID=${os?.id})`
            : /(?:distroless|scratch|minimal|chainguard)/i.test(labelText)
              ? 'its labels'
              : undefined;
      if (minimalBy) {
        const found: FileEntry[] = [];
        for (const name of [...SHELLS, ...PACKAGE_MANAGERS]) {
          for (const d of BIN_DIRS) {
            const st = exists(`${d}/${name}`);
            if (st) {
              found.push({ ...st, path: `${d}/${name}` });
              break;
            }
          }
        }
        for (const st of found) {
          out.push(
            finding(
              IMG_RULES.minimalTools,
              `The image claims to be minimal (by ${minimalBy}) but contains ${st.path}.`,
              `${target}:${st.path}`,
              fileLoc(info, st),
            ),
          );
        }
      }

      const passwd = visible('/etc/passwd');
      if (passwd) {
        const users = parsePasswd(passwd.text);
        for (const u of users) {
          if (u.uid === 0 && u.name !== 'root') {
            out.push(
              finding(
                IMG_RULES.uid0,
                `The account ${u.name} has UID 0 (/etc/passwd line ${u.line}).`,
                `${target}:${u.name}`,
                fileLoc(info, passwd.entry),
              ),
            );
          }
          if (u.password === '') {
            out.push(
              finding(
                IMG_RULES.emptyPassword,
                `The account ${u.name} has an empty password in /etc/passwd (line ${u.line}).`,
                `${target}:passwd:${u.name}`,
                fileLoc(info, passwd.entry),
              ),
            );
          }
        }
        const seen = new Map<number, string>();
        for (const u of users) {
          const other = seen.get(u.uid);
          if (other !== undefined) {
            out.push(
              finding(
                IMG_RULES.duplicateId,
                `The accounts ${other} and ${u.name} share UID ${u.uid}.`,
                `${target}:uid:${u.uid}:${u.name}`,
                fileLoc(info, passwd.entry),
              ),
            );
          } else seen.set(u.uid, u.name);
        }
      }
      const shadow = visible('/etc/shadow');
      if (shadow) {
        for (const s of parseShadow(shadow.text)) {
          if (s.hash === '') {
            out.push(
              finding(
                IMG_RULES.emptyPassword,
                `The account ${s.name} has an empty password in /etc/shadow (line ${s.line}).`,
                `${target}:shadow:${s.name}`,
                fileLoc(info, shadow.entry),
              ),
            );
          }
        }
      }
      const group = visible('/etc/group');
      if (group) {
        const seen = new Map<number, string>();
        for (const g of parseGroup(group.text)) {
          const other = seen.get(g.gid);
          if (other !== undefined) {
            out.push(
              finding(
                IMG_RULES.duplicateId,
                `The groups ${other} and ${g.name} share GID ${g.gid}.`,
                `${target}:gid:${g.gid}:${g.name}`,
                fileLoc(info, group.entry),
              ),
            );
          } else seen.set(g.gid, g.name);
        }
      }
      return out;
    },
  };
}
