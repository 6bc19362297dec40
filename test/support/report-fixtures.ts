/**
 * Realistic ScanResults for the report writers: every finding kind, image findings whose layer maps (or not)
 * to a Dockerfile line, redacted secrets, and suppressed findings of every suppression kind.
 * Vulnerability data is taken from real OSV/Debian advisories.
 */
import type { Finding, RuleMeta, Suppression } from '../../src/core/finding';
import { stableHash } from '../../src/core/hash';
import type { ScanResult } from '../../src/core/result';
import type { Severity } from '../../src/core/severity';

/** A fake token in the GitHub format, present in the Dockerfile and never in any report. */
export const FAKE_TOKEN = `ghp_${'R8x2Lq0ZbN4vT7wK1sYd9HfJ3mCpU6aE5gQi'}`;

export const REPO_ROOT = '/home/runner/work/web/web';
export const IMAGE_REF = 'ghcr.io/acme/web:1.4.2';
export const IMAGE_DIGEST = 'sha256:5f3d2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c';

export const WEB_DOCKERFILE = [
  '# syntax=docker/dockerfile:1', // 1
  'FROM node:latest', // 2
  'MAINTAINER dev@acme.example', // 3
  'WORKDIR /app', // 4
  `ENV NODE_ENV=production GITHUB_TOKEN=${FAKE_TOKEN}`, // 5
  'COPY . .', // 6
  'RUN apt-get update && apt-get install -y curl', // 7
  '# shipgate ignore=SG-DF-022', // 8
  'RUN npm install', // 9
  'RUN curl -fsSL https://get.acme.example/install.sh | sh', // 10
  'EXPOSE 3000 22', // 11
  'CMD node server.js', // 12
  '',
].join('\n');

const WORKER_DOCKERFILE = [
  'FROM golang:1.22 AS build', // 1
  'WORKDIR /src', // 2
  'COPY go.mod go.sum ./', // 3
  'RUN go mod download', // 4
  'COPY . .', // 5
  'RUN CGO_ENABLED=0 go build -o /out/worker ./cmd/worker', // 6
  '', // 7
  'FROM gcr.io/distroless/static-debian12:nonroot', // 8
  'COPY --from=build /out/worker /worker', // 9
  'USER nonroot', // 10
  'ENTRYPOINT ["/worker"]', // 11
  '',
].join('\n');

export const FILES: Record<string, string> = {
  Dockerfile: WEB_DOCKERFILE,
  'services/worker/Dockerfile': WORKER_DOCKERFILE,
};

export const readFile = (path: string): string | undefined => FILES[path];

function rule(
  id: string,
  kind: RuleMeta['kind'],
  severity: Severity,
  title: string,
  extra: Partial<RuleMeta> = {},
): RuleMeta {
  return {
    id,
    kind,
    title,
    severity,
    description: `${title}: checked on every instruction of the final stage.`,
    rationale: 'Attackers who compromise the container get more than they need.',
    fix: 'Change the instruction, for example:\n\n```dockerfile\nUSER 10001\n```',
    tags: ['security'],
    ...extra,
  };
}

export const RULES: RuleMeta[] = [
  rule('SG-DF-001', 'dockerfile', 'high', 'Final stage runs as root', {
    equivalents: { hadolint: ['DL3002'], trivy: ['DS-0002'], checkov: ['CKV_DOCKER_3'] },
    tags: ['security', 'cis-docker-4.1'],
  }),
  rule('SG-DF-004', 'dockerfile', 'medium', 'Base image uses the latest tag', {
    equivalents: { hadolint: ['DL3007'], trivy: ['DS-0001'] },
  }),
  rule('SG-DF-015', 'dockerfile', 'high', 'Remote script piped into a shell', {
    equivalents: { hadolint: ['DL4006'] },
  }),
  rule('SG-DF-017', 'dockerfile', 'low', 'apt-get install without --no-install-recommends', {
    equivalents: { hadolint: ['DL3015'], trivy: ['DS-0029'] },
    tags: ['best-practice', 'size'],
  }),
  rule('SG-DF-018', 'dockerfile', 'low', 'apt-get install without pinned versions', {
    equivalents: { hadolint: ['DL3008'] },
    tags: ['reproducibility'],
  }),
  rule('SG-DF-022', 'dockerfile', 'low', 'npm install instead of npm ci', { tags: ['reproducibility'] }),
  rule('SG-DF-025', 'dockerfile', 'medium', 'SSH port exposed', { equivalents: { trivy: ['DS-0004'] } }),
  rule('SG-DF-031', 'dockerfile', 'info', 'Deprecated MAINTAINER instruction', {
    equivalents: { hadolint: ['DL4000'], buildkit: ['MaintainerDeprecated'] },
    tags: ['maintainability'],
  }),
  rule('SG-DF-033', 'dockerfile', 'low', 'Shell-form CMD', {
    equivalents: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
    tags: ['best-practice'],
  }),
  rule('SG-DF-009', 'dockerfile', 'medium', 'Base image not pinned by digest', { tags: ['supply-chain'] }),
  rule('SG-SEC-001', 'secret', 'critical', 'GitHub personal access token', {
    equivalents: { gitleaks: ['github-pat'] },
  }),
  rule('SG-SEC-007', 'secret', 'high', 'Private key', { equivalents: { gitleaks: ['private-key'] } }),
  rule('SG-IMG-001', 'config', 'high', 'Image runs as root', { equivalents: { dockle: ['CIS-DI-0001'] } }),
  rule('SG-IMG-006', 'config', 'low', 'No HEALTHCHECK in the image configuration', {
    equivalents: { dockle: ['CIS-DI-0006'] },
  }),
  rule('SG-MAL-001', 'malware', 'critical', 'Known malware signature', { tags: ['security', 'clamav'] }),
];

interface DfOpts {
  ruleId: string;
  severity: Severity;
  path?: string;
  line: number;
  col: number;
  endCol: number;
  message: string;
  fix?: string;
  fixable?: boolean;
  suppressed?: Suppression;
}

function df(o: DfOpts): Finding {
  const path = o.path ?? 'Dockerfile';
  const text = FILES[path]?.split('\n')[o.line - 1];
  const f: Finding = {
    ruleId: o.ruleId,
    kind: 'dockerfile',
    severity: o.severity,
    message: o.message,
    location: { path, startLine: o.line, startColumn: o.col, endLine: o.line, endColumn: o.endCol },
    fingerprint: stableHash(o.ruleId, path, text?.trim()),
  };
  if (text !== undefined) f.location!.snippet = text;
  if (o.fix) f.fix = o.fix;
  if (o.fixable !== undefined) f.fixable = o.fixable;
  if (o.suppressed) f.suppressed = o.suppressed;
  return f;
}

const LAYERS = [
  {
    index: 0,
    digest: 'sha256:1f7ce2fa46ab3942feabee654933948821303a5a821789dddab2d8c3df59e227',
    size: 49_557_601,
    createdBy:
      '/bin/sh -c #(nop) ADD file:9b0c8d62fd5e5f7bcd4c4e82b9e8b9e0cb1f2f8e6f4dbd2a4ac1f4b2d1f1b4c2 in / ',
  },
  {
    index: 1,
    digest: 'sha256:8b91b88d557765cd8c6802668755a3f6dc4337b6ce15a17e4857139e5fc964f3',
    size: 24_030_522,
    createdBy:
      '/bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl',
  },
  {
    index: 2,
    digest: 'sha256:824bf068fd3dc3ad967022f187d85250eb052f61fe158486b2df4e002f6f984c',
    size: 48_492_442,
    createdBy:
      'RUN /bin/sh -c set -ex && for key in 4ED778F539E3634C779C87C6D7062848A1AB005C; do gpg --batch',
  },
  {
    index: 3,
    digest: 'sha256:0b1f26c1e0b2c1d0c5d7a8e2a9bb7f3d7b0ff3a2aa1f6f7e4d4c2a0e9b8c7d6e',
    size: 93,
    createdBy: 'WORKDIR /app',
  },
  {
    index: 4,
    digest: 'sha256:3c8a1e5f6b7d9e0a2c4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c',
    size: 1_204_551,
    createdBy: 'COPY . . # buildkit',
  },
  {
    index: 5,
    digest: 'sha256:7d9f1b3c5e7a9c1e3b5d7f9a1c3e5d7b9f1a3c5e7d9b1f3a5c7e9d1b3f5a7c9e',
    size: 31_877_002,
    createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit',
  },
  {
    index: 6,
    digest: 'sha256:9a1c3e5b7d9f1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d',
    size: 60_334_117,
    createdBy: 'RUN /bin/sh -c npm install # buildkit',
  },
];

const IMG = { ref: IMAGE_REF, digest: IMAGE_DIGEST };

interface VulnOpts {
  id: string;
  aliases?: string[];
  pkg: string;
  version: string;
  ecosystem: string;
  purl: string;
  fixed: string[];
  fixState: 'fixed' | 'unfixed' | 'wont-fix' | 'unknown';
  severity: Severity;
  score?: number;
  vector?: string;
  summary: string;
  references: string[];
  layer: number;
  path: string;
  /** Dockerfile line of the instruction that created the layer, when the history maps to one. */
  line?: number;
  suppressed?: Suppression;
}

function vuln(o: VulnOpts): Finding {
  const layer = LAYERS[o.layer]!;
  const f: Finding = {
    ruleId: o.id,
    kind: 'vulnerability',
    severity: o.severity,
    message: `${o.pkg} ${o.version} is affected by ${o.id}: ${o.summary}`,
    image: {
      ...IMG,
      layerDigest: layer.digest,
      layerIndex: layer.index,
      path: o.path,
      createdBy: layer.createdBy,
    },
    fingerprint: stableHash(o.id, o.pkg, o.path, 'ghcr.io/acme/web'),
    fixable: o.fixState === 'fixed',
    vulnerability: {
      id: o.id,
      aliases: o.aliases ?? [],
      packageName: o.pkg,
      packageVersion: o.version,
      ecosystem: o.ecosystem,
      purl: o.purl,
      fixedVersions: o.fixed,
      fixState: o.fixState,
      references: o.references,
      summary: o.summary,
      ...(o.score !== undefined
        ? {
            score: o.score,
            severitySource: 'cvss:3.1 nvd',
            cvss: [{ version: '3.1', vector: o.vector ?? '', score: o.score, source: 'nvd' }],
          }
        : { severitySource: 'debian' }),
    },
  };
  if (o.fixed.length) f.fix = `upgrade ${o.pkg} to ${o.fixed[0]}`;
  else f.fix = 'no fix available yet; rebuild on a newer base image when one is released';
  if (o.line !== undefined) {
    const text = WEB_DOCKERFILE.split('\n')[o.line - 1]!;
    f.location = {
      path: 'Dockerfile',
      startLine: o.line,
      startColumn: 1,
      endLine: o.line,
      endColumn: text.length + 1,
      snippet: text,
    };
  }
  if (o.suppressed) f.suppressed = o.suppressed;
  return f;
}

function dockerfileFindings(): Finding[] {
  return [
    df({
      ruleId: 'SG-DF-001',
      severity: 'high',
      line: 12,
      col: 1,
      endCol: 19,
      message: 'The final stage sets no USER, so the container runs as root.',
      fix: 'add `USER 10001` (or a named non-root user) before CMD',
      fixable: true,
    }),
    df({
      ruleId: 'SG-DF-004',
      severity: 'medium',
      line: 2,
      col: 6,
      endCol: 17,
      message: 'Base image node:latest uses the latest tag.',
      fix: 'pin a version tag, e.g. node:22.11-bookworm-slim',
    }),
    df({
      ruleId: 'SG-DF-009',
      severity: 'medium',
      line: 2,
      col: 6,
      endCol: 17,
      message: 'Base image node:latest is not pinned by digest.',
      fix: 'use node:22.11-bookworm-slim@sha256:<digest>',
    }),
    df({
      ruleId: 'SG-DF-015',
      severity: 'high',
      line: 10,
      col: 5,
      endCol: 56,
      message: 'A script downloaded with curl is piped into sh.',
      fix: 'download the script, verify its checksum, then run it',
    }),
    df({
      ruleId: 'SG-DF-017',
      severity: 'low',
      line: 7,
      col: 23,
      endCol: 46,
      message: 'apt-get install runs without --no-install-recommends.',
      fix: 'add --no-install-recommends',
      fixable: true,
    }),
    df({
      ruleId: 'SG-DF-018',
      severity: 'low',
      line: 7,
      col: 23,
      endCol: 46,
      message: 'apt-get install curl does not pin a version.',
      suppressed: { kind: 'hadolint-config', reason: 'DL3008 ignored in .hadolint.yaml' },
    }),
    df({
      ruleId: 'SG-DF-022',
      severity: 'low',
      line: 9,
      col: 5,
      endCol: 16,
      message: 'npm install is not reproducible; use npm ci.',
      suppressed: { kind: 'inline', reason: '# shipgate ignore=SG-DF-022 on line 8' },
    }),
    df({
      ruleId: 'SG-DF-025',
      severity: 'medium',
      line: 11,
      col: 13,
      endCol: 15,
      message: 'Port 22 (SSH) is exposed.',
      fix: 'remove 22 from EXPOSE',
    }),
    df({
      ruleId: 'SG-DF-031',
      severity: 'info',
      line: 3,
      col: 1,
      endCol: 28,
      message: 'MAINTAINER is deprecated.',
      fix: 'use LABEL org.opencontainers.image.authors="dev@acme.example"',
      fixable: true,
    }),
    df({
      ruleId: 'SG-DF-033',
      severity: 'low',
      line: 12,
      col: 1,
      endCol: 19,
      message: 'CMD uses the shell form, so signals do not reach node.',
      fix: 'use CMD ["node", "server.js"]',
      fixable: true,
    }),
    df({
      ruleId: 'SG-DF-009',
      severity: 'medium',
      path: 'services/worker/Dockerfile',
      line: 8,
      col: 6,
      endCol: 47,
      message: 'Base image gcr.io/distroless/static-debian12:nonroot is not pinned by digest.',
      fix: 'append @sha256:<digest> to the base image',
    }),
  ];
}

function secretFindings(): Finding[] {
  return [
    {
      ruleId: 'SG-SEC-001',
      kind: 'secret',
      severity: 'critical',
      message: 'ENV GITHUB_TOKEN holds a GitHub personal access token (ghp_R8x…).',
      location: {
        path: 'Dockerfile',
        startLine: 5,
        startColumn: 25,
        endLine: 5,
        endColumn: 25 + 13 + FAKE_TOKEN.length,
      },
      fingerprint: stableHash('SG-SEC-001', 'Dockerfile', 'GITHUB_TOKEN', stableHash(FAKE_TOKEN)),
      fix: 'pass the token as a build secret (RUN --mount=type=secret) and revoke this one',
    },
    {
      ruleId: 'SG-SEC-007',
      kind: 'secret',
      severity: 'high',
      message: 'A private key (-----BEGIN OPENSSH PRIVATE KEY-----) is in the image.',
      image: {
        ...IMG,
        layerDigest: LAYERS[4]!.digest,
        layerIndex: 4,
        path: '/app/deploy/id_ed25519',
        createdBy: LAYERS[4]!.createdBy,
      },
      location: { path: 'Dockerfile', startLine: 6, startColumn: 1, endLine: 6, endColumn: 9 },
      fingerprint: stableHash('SG-SEC-007', '/app/deploy/id_ed25519', 'ghcr.io/acme/web'),
      fix: 'add deploy/ to .dockerignore and rotate the key',
    },
    {
      ruleId: 'SG-SEC-001',
      kind: 'secret',
      severity: 'critical',
      message: 'A deleted file still holds a GitHub token (ghp_9sd…) in an earlier layer.',
      image: {
        ...IMG,
        layerDigest: LAYERS[2]!.digest,
        layerIndex: 2,
        path: '/root/.npmrc',
        createdBy: LAYERS[2]!.createdBy,
        deleted: true,
      },
      fingerprint: stableHash('SG-SEC-001', '/root/.npmrc', 'ghcr.io/acme/web'),
      suppressed: { kind: 'policy', reason: 'token already revoked (SEC-1234)', expires: '2027-01-31' },
    },
  ];
}

function vulnerabilityFindings(): Finding[] {
  const openssl = {
    id: 'CVE-2024-0727',
    aliases: ['DSA-5643-1'],
    version: '3.0.11-1~deb12u2',
    ecosystem: 'Debian:12',
    fixed: ['3.0.13-1~deb12u1'],
    fixState: 'fixed' as const,
    severity: 'medium' as const,
    score: 5.5,
    vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H',
    summary: 'Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash',
    references: [
      'https://security-tracker.debian.org/tracker/CVE-2024-0727',
      'https://www.openssl.org/news/secadv/20240125.txt',
    ],
    layer: 0,
    path: '/var/lib/dpkg/status',
  };
  return [
    vuln({ ...openssl, pkg: 'openssl', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12' }),
    vuln({
      ...openssl,
      pkg: 'libssl3',
      purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12&upstream=openssl',
    }),
    vuln({
      id: 'CVE-2023-4911',
      aliases: ['DSA-5514-1'],
      pkg: 'libc6',
      version: '2.36-9+deb12u1',
      ecosystem: 'Debian:12',
      purl: 'pkg:deb/debian/libc6@2.36-9+deb12u1?distro=debian-12&upstream=glibc',
      fixed: ['2.36-9+deb12u3'],
      fixState: 'fixed',
      severity: 'high',
      score: 7.8,
      vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
      summary: 'Buffer overflow in the dynamic loader (GLIBC_TUNABLES), "Looney Tunables"',
      references: ['https://security-tracker.debian.org/tracker/CVE-2023-4911'],
      layer: 0,
      path: '/var/lib/dpkg/status',
    }),
    vuln({
      id: 'CVE-2023-45853',
      pkg: 'zlib1g',
      version: '1:1.2.13.dfsg-1',
      ecosystem: 'Debian:12',
      purl: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?distro=debian-12&upstream=zlib',
      fixed: [],
      fixState: 'wont-fix',
      severity: 'critical',
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      summary: 'MiniZip in zlib through 1.3 has an integer overflow in zipOpenNewFileInZip4_64',
      references: ['https://security-tracker.debian.org/tracker/CVE-2023-45853'],
      layer: 0,
      path: '/var/lib/dpkg/status',
      suppressed: { kind: 'vex', reason: 'vulnerable_code_not_in_execute_path (MiniZip is not built)' },
    }),
    vuln({
      id: 'CVE-2019-1010022',
      pkg: 'libc6',
      version: '2.36-9+deb12u1',
      ecosystem: 'Debian:12',
      purl: 'pkg:deb/debian/libc6@2.36-9+deb12u1?distro=debian-12&upstream=glibc',
      fixed: [],
      fixState: 'unfixed',
      severity: 'low',
      summary: 'GNU Libc stack guard protection bypass',
      references: ['https://security-tracker.debian.org/tracker/CVE-2019-1010022'],
      layer: 0,
      path: '/var/lib/dpkg/status',
    }),
    vuln({
      id: 'CVE-2024-2511',
      pkg: 'curl',
      version: '7.88.1-10+deb12u4',
      ecosystem: 'Debian:12',
      purl: 'pkg:deb/debian/curl@7.88.1-10+deb12u4?distro=debian-12',
      fixed: ['7.88.1-10+deb12u5'],
      fixState: 'fixed',
      severity: 'medium',
      score: 5.9,
      vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H',
      summary: 'curl HTTP/2 push headers memory-leak',
      references: ['https://security-tracker.debian.org/tracker/CVE-2024-2511'],
      layer: 5,
      path: '/var/lib/dpkg/status',
      line: 7,
    }),
    vuln({
      id: 'GHSA-35jh-r3h4-6jhm',
      aliases: ['CVE-2021-23337'],
      pkg: 'lodash',
      version: '4.17.15',
      ecosystem: 'npm',
      purl: 'pkg:npm/lodash@4.17.15',
      fixed: ['4.17.21'],
      fixState: 'fixed',
      severity: 'high',
      score: 7.2,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
      summary: 'Command Injection in lodash',
      references: [
        'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
        'https://github.com/lodash/lodash/commit/3469357cff396a26c363f8c1b5a91dde28ba4b1c',
      ],
      layer: 6,
      path: '/app/node_modules/lodash/package.json',
      line: 9,
    }),
    vuln({
      id: 'GHSA-c2qf-rxjj-qqgw',
      aliases: ['CVE-2022-25883'],
      pkg: 'semver',
      version: '7.3.8',
      ecosystem: 'npm',
      purl: 'pkg:npm/semver@7.3.8',
      fixed: ['7.5.2'],
      fixState: 'fixed',
      severity: 'medium',
      score: 5.3,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L',
      summary: 'semver vulnerable to Regular Expression Denial of Service',
      references: [
        'https://nvd.nist.gov/vuln/detail/CVE-2022-25883',
        'https://github.com/npm/node-semver/pull/564',
      ],
      layer: 6,
      path: '/app/node_modules/semver/package.json',
      line: 9,
      suppressed: { kind: 'baseline', reason: 'accepted in baseline 2026-10' },
    }),
  ];
}

function configFindings(): Finding[] {
  return [
    {
      ruleId: 'SG-IMG-001',
      kind: 'config',
      severity: 'high',
      message: 'The image configuration has no User, so containers start as root.',
      image: { ...IMG },
      fingerprint: stableHash('SG-IMG-001', 'ghcr.io/acme/web'),
      fix: 'set USER in the final stage',
      fixable: true,
    },
    {
      ruleId: 'SG-IMG-006',
      kind: 'config',
      severity: 'low',
      message: 'The image configuration has no Healthcheck.',
      image: { ...IMG },
      fingerprint: stableHash('SG-IMG-006', 'ghcr.io/acme/web'),
      fix: 'add a HEALTHCHECK instruction',
    },
  ];
}

function malwareFindings(): Finding[] {
  return [
    {
      ruleId: 'SG-MAL-001',
      kind: 'malware',
      severity: 'critical',
      message: 'ClamAV signature Eicar-Test-Signature matched.',
      image: {
        ...IMG,
        layerDigest: LAYERS[6]!.digest,
        layerIndex: 6,
        path: '/app/node_modules/.cache/eicar.com',
        createdBy: LAYERS[6]!.createdBy,
      },
      location: { path: 'Dockerfile', startLine: 9, startColumn: 1, endLine: 9, endColumn: 16 },
      fingerprint: stableHash('SG-MAL-001', '/app/node_modules/.cache/eicar.com', 'ghcr.io/acme/web'),
      properties: { signature: 'Eicar-Test-Signature', engine: 'clamav 1.4.1' },
    },
  ];
}

function vulnRuleMetas(findings: Finding[]): RuleMeta[] {
  const seen = new Map<string, RuleMeta>();
  for (const f of findings)
    if (f.vulnerability && !seen.has(f.ruleId))
      seen.set(f.ruleId, {
        id: f.ruleId,
        kind: 'vulnerability',
        title: f.vulnerability.summary ?? f.ruleId,
        severity: f.severity,
        description: f.vulnerability.summary ?? f.ruleId,
        rationale: 'A known vulnerability in an installed package.',
        fix: 'Upgrade the package.',
        tags: ['security'],
      });
  return [...seen.values()];
}

const BASE = {
  tool: { name: 'shipgate' as const, version: '0.1.0' },
  startedAt: '2026-11-25T10:00:00.000Z',
  finishedAt: '2026-11-25T10:00:07.250Z',
  warnings: [] as string[],
};

const DOCKERFILE_TARGETS: ScanResult['dockerfiles'] = [
  {
    path: 'Dockerfile',
    stages: [{ baseImage: 'node:latest', line: 2 }],
    instructions: WEB_DOCKERFILE.split('\n')
      .map((text, i) => ({ text, line: i + 1 }))
      .filter((x) => /^[A-Z]+\s/.test(x.text))
      .map((x) => ({
        line: x.line,
        endLine: x.line,
        keyword: x.text.split(' ')[0]!,
        text: x.text,
        stage: 0,
      })),
    finalUser: null,
    pulledImages: [],
  },
  {
    path: 'services/worker/Dockerfile',
    stages: [
      { name: 'build', baseImage: 'golang:1.22', line: 1 },
      { baseImage: 'gcr.io/distroless/static-debian12:nonroot', line: 8 },
    ],
    instructions: [],
    finalUser: null,
    pulledImages: [],
  },
];

const IMAGE_TARGET: NonNullable<ScanResult['image']> = {
  ref: IMAGE_REF,
  repository: 'ghcr.io/acme/web',
  digest: IMAGE_DIGEST,
  configDigest: 'sha256:2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80910',
  platform: 'linux/amd64',
  os: { id: 'debian', versionId: '12', codename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
  layers: LAYERS,
  size: LAYERS.reduce((n, l) => n + l.size, 0),
};

/** Dockerfile lint only (no image), not approved. */
export function dockerfileResult(): ScanResult {
  const findings = dockerfileFindings();
  return {
    ...BASE,
    dockerfiles: DOCKERFILE_TARGETS,
    packages: [],
    findings,
    rules: RULES.filter((r) => r.kind === 'dockerfile'),
    decision: {
      approved: false,
      policy: 'shipgate.yaml',
      reasons: [
        {
          code: 'severity-threshold',
          blocking: true,
          severity: 'high',
          message: '2 high findings (threshold: high)',
        },
        { code: 'ok', blocking: false, message: '2 findings suppressed (inline pragma, .hadolint.yaml)' },
      ],
    },
  };
}

/** Everything: two Dockerfiles, an image with vulnerabilities, secrets, configuration and malware findings. */
export function fullResult(): ScanResult {
  const findings = [
    ...dockerfileFindings(),
    ...secretFindings(),
    ...vulnerabilityFindings(),
    ...configFindings(),
    ...malwareFindings(),
  ];
  return {
    ...BASE,
    dockerfiles: DOCKERFILE_TARGETS,
    image: IMAGE_TARGET,
    packages: [],
    findings,
    rules: [...RULES, ...vulnRuleMetas(findings)],
    warnings: ['layer 3 has an empty history entry; its files are attributed to the previous instruction'],
    decision: {
      approved: false,
      policy: 'shipgate.yaml',
      reasons: [
        {
          code: 'secret',
          blocking: true,
          severity: 'critical',
          message: 'a GitHub token is in the Dockerfile (SG-SEC-001)',
        },
        {
          code: 'malware',
          blocking: true,
          severity: 'critical',
          message: 'malware found: Eicar-Test-Signature',
        },
        {
          code: 'severity-threshold',
          blocking: true,
          severity: 'high',
          message: '6 findings at high or above (threshold: high)',
        },
        { code: 'ok', blocking: false, message: '5 findings suppressed' },
      ],
    },
  };
}

/** An image scanned without any Dockerfile: image findings can only point into the image. */
export function imageOnlyResult(): ScanResult {
  const findings = [...vulnerabilityFindings(), ...configFindings(), ...secretFindings().slice(1)].map(
    (f) => {
      const copy = { ...f };
      delete copy.location;
      return copy;
    },
  );
  return {
    ...BASE,
    dockerfiles: [],
    image: IMAGE_TARGET,
    packages: [],
    findings,
    rules: [...RULES, ...vulnRuleMetas(findings)],
    decision: {
      approved: true,
      policy: 'default policy',
      reasons: [{ code: 'ok', blocking: false, message: 'no blocking findings' }],
    },
  };
}

/** A clean scan: no findings, approved. */
export function cleanResult(): ScanResult {
  return {
    ...BASE,
    dockerfiles: [DOCKERFILE_TARGETS[1]!],
    packages: [],
    findings: [],
    rules: [],
    decision: { approved: true, policy: 'default policy', reasons: [] },
  };
}

const SEVS: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Many vulnerability findings over many packages (for GitHub's limits and the summary's size cap). */
export function hugeResult(count: number): ScanResult {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const severity = SEVS[i % SEVS.length]!;
    const pkg = `pkg-${i % 997}`;
    const id = `CVE-2026-${String(10000 + (i % 4000)).padStart(5, '0')}`;
    findings.push({
      ruleId: id,
      kind: 'vulnerability',
      severity,
      message: `${pkg} 1.0.${i % 7} is affected by ${id}`,
      image: {
        ...IMG,
        layerIndex: 0,
        layerDigest: LAYERS[0]!.digest,
        path: `/usr/lib/node_modules/${pkg}/package.json`,
      },
      fingerprint: stableHash(id, pkg, String(i)),
      fixable: i % 3 !== 0,
      vulnerability: {
        id,
        aliases: [],
        packageName: pkg,
        packageVersion: `1.0.${i % 7}`,
        ecosystem: 'npm',
        fixedVersions: i % 3 !== 0 ? ['2.0.0'] : [],
        fixState: i % 3 !== 0 ? 'fixed' : 'unfixed',
        references: [`https://github.com/advisories/${id}`],
        summary: `Synthetic advisory ${i} for ${pkg}`,
      },
      ...(i % 11 === 0 ? { suppressed: { kind: 'policy' as const, reason: 'accepted risk' } } : {}),
    });
  }
  return {
    ...BASE,
    dockerfiles: [DOCKERFILE_TARGETS[0]!],
    image: IMAGE_TARGET,
    packages: [],
    findings,
    rules: [],
    decision: {
      approved: false,
      policy: 'default policy',
      reasons: [{ code: 'severity-threshold', blocking: true, message: 'many findings' }],
    },
  };
}
