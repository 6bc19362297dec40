/** What the build left behind: package-manager caches, build or workstation files, credential files. */
import type { Finding } from '../../core/finding';
import type { AnalyzerModule, FileEntry, FinalView, ImageInfo } from '../../image/types';
import { fileLoc, finding, targetName } from '../common';
import { IMG_RULES } from '../rules';

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
  '.vimrc',
  '.DS_Store',
]);
/** Directories reported when a file lies directly in them (an empty one leaks nothing). */
const UNNECESSARY_DIRS = new Set(['.cache', '.npm', '.git', '.aws', '.azure', '.gcp', '.vscode', '.idea']);
/** dockle's credential file names and extensions (CIS-DI-0010). */
const CREDENTIAL_FILES = new Set([
  'credentials.json',
  'credential.json',
  'credentials',
  'credential',
  'password.txt',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'secret_token.rb',
  'carrierwave.rb',
  'omniauth.rb',
  'settings.py',
  'database.yml',
  'credentials.xml',
  '.env',
]);
const CREDENTIAL_EXTENSIONS = new Set([
  '.secret',
  '.ovpn',
  '.private_key',
  '.cscfg',
  '.rdp',
  '.mdf',
  '.sdf',
  '.bek',
  '.tpm',
  '.fve',
  '.jks',
  '.psafe3',
  '.agilekeychain',
  '.keychain',
  '.pcap',
  '.gnucache',
]);
/** Where such names belong to installed packages, not to the build. */
const PACKAGE_CONTENT =
  /^\/(?:usr\/(?:share|lib|lib64|local\/lib|include)|opt\/[^/]+\/lib)\/|\/(?:node_modules|vendor|site-packages|dist-packages)\//;

/** The directory holding `path` when it is named as an unnecessary one (dockle looks at the parent only). */
function unnecessaryDir(path: string): string | undefined {
  const parent = path.slice(0, path.lastIndexOf('/'));
  return UNNECESSARY_DIRS.has(parent.slice(parent.lastIndexOf('/') + 1)) ? parent : undefined;
}

function isCredentialFile(base: string): boolean {
  const dot = base.lastIndexOf('.');
  return CREDENTIAL_FILES.has(base) || (dot >= 0 && CREDENTIAL_EXTENSIONS.has(base.slice(dot)));
}

function checkLeftovers(view: FinalView, info: ImageInfo): Finding[] {
  const out: Finding[] = [];
  const target = targetName(info);
  const cacheHits = new Map<CacheKind, { count: number; bytes: number; first: FileEntry }>();
  const dirsSeen = new Set<string>();
  for (const e of view.entries()) {
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
    if (e.type === 'dir' || PACKAGE_CONTENT.test(e.path)) continue;
    const base = e.path.slice(e.path.lastIndexOf('/') + 1);
    const dir = unnecessaryDir(e.path);
    if (dir && !dirsSeen.has(dir)) {
      dirsSeen.add(dir);
      out.push(
        finding(
          IMG_RULES.unnecessaryFiles,
          `${dir} is in the image (e.g. ${e.path}).`,
          `${target}:${dir}`,
          fileLoc(info, e, dir),
        ),
      );
    }
    if (e.type === 'file' && UNNECESSARY_FILES.has(base)) {
      out.push(
        finding(
          IMG_RULES.unnecessaryFiles,
          `${e.path} is in the image.`,
          `${target}:${e.path}`,
          fileLoc(info, e),
        ),
      );
    }
    if (e.type === 'file' && isCredentialFile(base)) {
      out.push(
        finding(
          IMG_RULES.credentialFile,
          `${e.path} is in the image; its name is that of a credential file.`,
          `${target}:${e.path}`,
          fileLoc(info, e),
        ),
      );
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
  return out;
}

export const leftoversAnalyzer: AnalyzerModule = {
  version: 2,
  rules: [IMG_RULES.packageCache, IMG_RULES.unnecessaryFiles, IMG_RULES.credentialFile],
  create: () => [
    {
      name: 'leftovers',
      wants: () => false,
      analyze: () => undefined,
      finish: (view, info) => ({ findings: checkLeftovers(view, info) }),
    },
  ],
};
