/**
 * Realistic scan results for the GitLab report tests: a Node.js app on debian:12-slim with OS and language
 * vulnerabilities (one taken from a real OSV record), Dockerfile, secret and image-config findings, and
 * suppressed ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, RuleMeta, VulnerabilityDetails } from '../../../src/core/finding';
import type { Package } from '../../../src/core/package';
import type { DockerfileTarget, ScanResult } from '../../../src/core/result';
import { ROOT } from '../tools';

export const DOCKERFILE_PATH = 'Dockerfile';

export const DOCKERFILE_TEXT = `FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM debian:12-slim
RUN apt-get update && apt-get install -y ca-certificates nodejs
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
CMD ["node", "dist/server.js"]
`;

export const IMAGE_REF = 'registry.gitlab.example.com/acme/web:1.4.2';
export const IMAGE_DIGEST = 'sha256:4f5a4c6a1e6c0b5bd8f1a0d7e2c1b3a4958d7e6f5a4b3c2d1e0f9a8b7c6d5e4f';

const LAYERS = [
  {
    index: 0,
    digest: 'sha256:1f3e46996e2966e4faa5846e56e76e3748b7315e2ded61476c24403d592134f0',
    size: 29_150_000,
    createdBy: '# debian.sh --arch amd64 out/ bookworm',
  },
  {
    index: 1,
    digest: 'sha256:8c2e1f0b6d7c9a3e5f4b2a1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e',
    size: 61_200_000,
    createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y ca-certificates nodejs # buildkit',
  },
  {
    index: 2,
    digest: 'sha256:0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b',
    size: 8_400_000,
    createdBy: 'COPY /app/node_modules ./node_modules # buildkit',
  },
];

function dockerfileTarget(): DockerfileTarget {
  const lines = DOCKERFILE_TEXT.split('\n');
  const instructions: DockerfileTarget['instructions'] = [];
  let stage = -1;
  lines.forEach((text, i) => {
    const keyword = /^([A-Z]+)\s/.exec(text)?.[1];
    if (!keyword) return;
    if (keyword === 'FROM') stage++;
    instructions.push({ line: i + 1, endLine: i + 1, keyword, text, stage });
  });
  return {
    path: DOCKERFILE_PATH,
    stages: [
      { name: 'build', baseImage: 'node:20-bookworm', line: 1 },
      { baseImage: 'debian:12-slim', line: 8 },
    ],
    instructions,
    finalUser: null,
    pulledImages: [],
  };
}

const PACKAGES: Package[] = [
  {
    name: 'libssl3',
    version: '3.0.11-1~deb12u1',
    type: 'deb',
    purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12',
    sourceName: 'openssl',
    arch: 'amd64',
    path: '/var/lib/dpkg/status',
    layerDigest: LAYERS[0]!.digest,
    layerIndex: 0,
    createdBy: LAYERS[0]!.createdBy,
  },
  {
    name: 'zlib1g',
    version: '1:1.2.13.dfsg-1',
    type: 'deb',
    purl: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12',
    sourceName: 'zlib',
    path: '/var/lib/dpkg/status',
    layerDigest: LAYERS[0]!.digest,
    layerIndex: 0,
  },
  {
    name: 'lodash',
    version: '4.17.20',
    type: 'npm',
    purl: 'pkg:npm/lodash@4.17.20',
    path: '/app/node_modules/lodash/package.json',
    layerDigest: LAYERS[2]!.digest,
    layerIndex: 2,
    createdBy: LAYERS[2]!.createdBy,
  },
  {
    name: 'minimist',
    version: '1.2.5',
    type: 'npm',
    purl: 'pkg:npm/minimist@1.2.5',
    path: '/app/node_modules/minimist/package.json',
    layerDigest: LAYERS[2]!.digest,
    layerIndex: 2,
  },
  {
    name: 'stdlib',
    version: '1.21.8',
    type: 'golang',
    purl: 'pkg:golang/stdlib@1.21.8',
    path: '/usr/local/bin/healthcheck',
    binaryPath: '/usr/local/bin/healthcheck',
    layerDigest: LAYERS[1]!.digest,
    layerIndex: 1,
  },
];

interface OsvRecord {
  id: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  published?: string;
  modified?: string;
  references?: { url: string }[];
  severity?: { type: string; score: string }[];
  affected: {
    package: { name: string; ecosystem: string; purl?: string };
    ranges?: { events: Record<string, string>[] }[];
  }[];
}

/** Vulnerability details from a real OSV record in test/fixtures/osv. */
function fromOsv(file: string, version: string): VulnerabilityDetails {
  const rec = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'osv', file), 'utf8')) as OsvRecord;
  const a = rec.affected[0]!;
  const fixed = (a.ranges ?? []).flatMap((r) => r.events.map((e) => e.fixed).filter((x): x is string => !!x));
  return {
    id: rec.id,
    aliases: rec.aliases ?? [],
    packageName: a.package.name,
    packageVersion: version,
    ecosystem: a.package.ecosystem,
    purl: `pkg:npm/${a.package.name}@${version}`,
    fixedVersions: fixed,
    fixState: fixed.length ? 'fixed' : 'unfixed',
    cvss: (rec.severity ?? []).map((s) => ({ version: '3.1', vector: s.score, score: 7.2, source: 'ghsa' })),
    score: 7.2,
    severitySource: 'cvss:3.1 ghsa',
    ...(rec.published ? { published: rec.published } : {}),
    ...(rec.modified ? { modified: rec.modified } : {}),
    references: (rec.references ?? []).map((r) => r.url),
    ...(rec.summary ? { summary: rec.summary } : {}),
  };
}

function image(pkg: Package): Finding['image'] {
  return {
    ref: IMAGE_REF,
    digest: IMAGE_DIGEST,
    path: pkg.path!,
    layerDigest: pkg.layerDigest!,
    layerIndex: pkg.layerIndex!,
    ...(pkg.createdBy ? { createdBy: pkg.createdBy } : {}),
  };
}

function findings(): Finding[] {
  const [libssl, zlib, lodash, minimist, stdlib] = PACKAGES as [Package, Package, Package, Package, Package];
  const lodashVuln = fromOsv('npm/GHSA-35jh-r3h4-6jhm.json', lodash.version);
  const minimistVuln = fromOsv('npm/GHSA-xvch-5gv4-984h.json', minimist.version);
  return [
    {
      ruleId: 'CVE-2023-45853',
      kind: 'vulnerability',
      severity: 'critical',
      message:
        'zlib1g 1:1.2.13.dfsg-1 is affected by CVE-2023-45853 (integer overflow in MiniZip zipOpenNewFileInZip4_64).',
      image: image(zlib),
      fingerprint: 'f3b1c0a9d8e7f6a5b4c3d2e1f0a9b8c7',
      fixable: false,
      vulnerability: {
        id: 'CVE-2023-45853',
        aliases: ['DEBIAN-CVE-2023-45853'],
        packageName: 'zlib1g',
        packageVersion: zlib.version,
        ecosystem: 'Debian:12',
        purl: zlib.purl,
        fixedVersions: [],
        fixState: 'wont-fix',
        cvss: [
          {
            version: '3.1',
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            score: 9.8,
            source: 'nvd',
          },
          // Not a valid vector: must be left out, or GitLab would reject the whole report.
          { version: '3.1', vector: 'CVSS:3.1/AV:X/garbage', score: 9.8, source: 'broken-feed' },
        ],
        score: 9.8,
        severitySource: 'cvss:3.1 nvd',
        references: ['https://security-tracker.debian.org/tracker/CVE-2023-45853', 'not a url'],
        summary:
          'MiniZip in zlib through 1.3 has an integer overflow and resultant heap-based buffer overflow.',
      },
    },
    {
      ruleId: 'CVE-2023-5678',
      kind: 'vulnerability',
      severity: 'medium',
      message: 'libssl3 3.0.11-1~deb12u1 is affected by CVE-2023-5678 (excessive time generating DH keys).',
      image: image(libssl),
      fingerprint: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e',
      fixable: true,
      fix: 'Upgrade libssl3 to 3.0.11-1~deb12u2.',
      vulnerability: {
        id: 'DEBIAN-CVE-2023-5678',
        aliases: ['CVE-2023-5678'],
        packageName: 'libssl3',
        packageVersion: libssl.version,
        ecosystem: 'Debian:12',
        purl: libssl.purl,
        fixedVersions: ['3.0.11-1~deb12u2'],
        fixState: 'fixed',
        cvss: [
          {
            version: '3.1',
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L',
            score: 5.3,
            source: 'nvd',
          },
        ],
        score: 5.3,
        severitySource: 'cvss:3.1 nvd',
        references: ['https://www.openssl.org/news/secadv/20231106.txt'],
        summary: 'Generating excessively long X9.42 DH keys or checking them may be very slow.',
      },
    },
    {
      ruleId: lodashVuln.id,
      kind: 'vulnerability',
      severity: 'high',
      message: `lodash ${lodash.version} is affected by ${lodashVuln.id} (${lodashVuln.summary}).`,
      image: image(lodash),
      fingerprint: '7d6c5b4a39281706f5e4d3c2b1a09f8e',
      fixable: true,
      vulnerability: lodashVuln,
    },
    {
      ruleId: minimistVuln.id,
      kind: 'vulnerability',
      severity: 'critical',
      message: `minimist ${minimist.version} is affected by ${minimistVuln.id}.`,
      image: image(minimist),
      fingerprint: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
      fixable: true,
      vulnerability: minimistVuln,
      suppressed: { kind: 'vex', reason: 'vulnerable_code_not_in_execute_path' },
    },
    {
      ruleId: 'GO-2024-2687',
      kind: 'vulnerability',
      severity: 'info',
      message: 'stdlib 1.21.8 in /usr/local/bin/healthcheck is affected by GO-2024-2687.',
      image: { ...image(stdlib), path: stdlib.binaryPath! },
      fingerprint: '1e2d3c4b5a69788796a5b4c3d2e1f0ab',
      fixable: true,
      vulnerability: {
        id: 'GO-2024-2687',
        aliases: ['CVE-2023-45288', 'GHSA-4v7x-pqxf-cx7m'],
        packageName: 'stdlib',
        packageVersion: stdlib.version,
        ecosystem: 'Go',
        fixedVersions: ['1.21.9', '1.22.2'],
        fixState: 'fixed',
        references: ['https://go.dev/issue/65051'],
        summary: 'HTTP/2 CONTINUATION flood in net/http',
      },
    },
    {
      ruleId: 'SG-DF-014',
      kind: 'dockerfile',
      severity: 'medium',
      message: 'apt-get install without --no-install-recommends installs unneeded packages.',
      location: { path: DOCKERFILE_PATH, startLine: 9, startColumn: 5, endLine: 9, endColumn: 71 },
      fingerprint: '5f4e3d2c1b0a99887766554433221100',
      fixable: true,
    },
    {
      ruleId: 'SG-DF-003',
      kind: 'dockerfile',
      severity: 'low',
      message: 'Pin the base image node:20-bookworm by digest.',
      location: { path: DOCKERFILE_PATH, startLine: 1 },
      fingerprint: 'aa11bb22cc33dd44ee55ff6677889900',
      suppressed: { kind: 'inline', reason: 'hadolint ignore=DL3006' },
    },
    {
      ruleId: 'SG-SEC-002',
      kind: 'secret',
      severity: 'critical',
      message:
        'npm access token in /root/.npmrc (npm_****************************wXyZ), deleted in a later layer.',
      image: {
        ref: IMAGE_REF,
        path: '/root/.npmrc',
        layerDigest: LAYERS[1]!.digest,
        layerIndex: 1,
        deleted: true,
      },
      fingerprint: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    },
    {
      ruleId: 'SG-SEC-010',
      kind: 'secret',
      severity: 'high',
      message: 'AWS access key id in the build context file .env (AKIA************MPLE).',
      location: { path: '.env', startLine: 3, startColumn: 19 },
      fingerprint: 'deadbeefdeadbeefdeadbeefdeadbeef',
    },
    {
      ruleId: 'SG-IMG-001',
      kind: 'config',
      severity: 'high',
      message: 'The image runs as root: no USER is set in the final stage.\u001b[31m',
      image: { ref: IMAGE_REF, digest: IMAGE_DIGEST },
      fingerprint: '0123456789abcdef0123456789abcdef',
    },
  ];
}

/** Rule metadata for the non-vulnerability findings, as the scanners publish it (tags drive categories). */
const RULES: RuleMeta[] = [
  {
    id: 'SG-DF-014',
    kind: 'dockerfile',
    title: 'apt-get install without --no-install-recommends',
    severity: 'medium',
    description: 'apt-get install pulls in recommended packages.',
    rationale: 'Recommended packages grow the image and its attack surface.',
    fix: 'Add `--no-install-recommends`.',
    tags: ['dockerfile', 'apt', 'size', 'best-practice'],
    equivalents: { hadolint: ['DL3015'] },
  },
  {
    id: 'SG-SEC-002',
    kind: 'secret',
    title: 'npm access token',
    severity: 'critical',
    description: 'An npm access token is stored in the image.',
    rationale: 'Anyone who can pull the image can publish packages as the token owner.',
    fix: 'Revoke the token and use a build secret.',
    tags: ['secrets', 'npm'],
  },
];

export function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    tool: { name: 'shipgate', version: '0.1.0' },
    startedAt: '2026-11-25T13:40:01.123Z',
    finishedAt: '2026-11-25T13:40:17.987Z',
    dockerfiles: [dockerfileTarget()],
    image: {
      ref: IMAGE_REF,
      repository: 'registry.gitlab.example.com/acme/web',
      digest: IMAGE_DIGEST,
      platform: 'linux/amd64',
      os: {
        id: 'debian',
        versionId: '12',
        codename: 'bookworm',
        prettyName: 'Debian GNU/Linux 12 (bookworm)',
      },
      layers: LAYERS,
    },
    packages: PACKAGES,
    findings: findings(),
    rules: RULES,
    decision: {
      approved: false,
      policy: 'shipgate.yaml',
      reasons: [
        {
          code: 'severity-threshold',
          blocking: true,
          severity: 'high',
          message: '3 findings at or above high',
          findings: ['f3b1c0a9d8e7f6a5b4c3d2e1f0a9b8c7'],
        },
      ],
    },
    warnings: ['layer 3 could not be read completely: unexpected end of gzip stream'],
    ...overrides,
  };
}
