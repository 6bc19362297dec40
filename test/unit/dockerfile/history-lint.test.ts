/**
 * History lint on real `created_by` lines. Sources:
 * - goodwithtech/dockle pkg/assessor/manifest/testdata: nginx.json (nginx 1.17 on stretch, docker 18.06 classic
 *   builder), apt_update_upgrade.json (docker 20.10.8), add_with_arg_statement.json (ubuntu 22.04 plus a BuildKit
 *   RUN);
 * - BUILDAH: `buildah bud --layers` 1.28.2 of BUILDAH_DOCKERFILE (test/e2e/config/history.test.ts builds it again);
 * - the Debian test image of test/support/images.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  HISTORY_RULES,
  lintDockerfile,
  lintHistory,
  matchHistoryToInstruction,
} from '../../../src/dockerfile/index';
import { parseCreatedBy } from '../../../src/dockerfile/history';
import { RULES } from '../../../src/dockerfile/rules/index';
import { DEBIAN_ROOTFS_CREATED_BY } from '../../support/images';
import { standsFor } from './peers';

const NGINX = [
  '/bin/sh -c #(nop) ADD file:fcb9328ea4c1156709f3d04c3d9a5f3667e77fb36a4a83390ae2495555fc0238 in / ',
  '/bin/sh -c #(nop)  CMD ["bash"]',
  '/bin/sh -c #(nop)  LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>',
  '/bin/sh -c #(nop)  ENV NGINX_VERSION=1.17.0',
  '/bin/sh -c #(nop)  ENV NJS_VERSION=0.3.2',
  '/bin/sh -c #(nop)  ENV PKG_RELEASE=1~stretch',
  '/bin/sh -c set -x     && addgroup --system --gid 101 nginx     && adduser --system --disabled-login --ingroup nginx --no-create-home --home /nonexistent --gecos "nginx user" --shell /bin/false --uid 101 nginx \t&& apt-get update \t&& apt-get install --no-install-recommends --no-install-suggests -y gnupg1 apt-transport-https ca-certificates \t&& \tNGINX_GPGKEY=573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62; \tfound=\'\'; \tfor server in \t\tha.pool.sks-keyservers.net \t\thkp://keyserver.ubuntu.com:80 \t\thkp://p80.pool.sks-keyservers.net:80 \t\tpgp.mit.edu \t; do \t\techo "Fetching GPG key $NGINX_GPGKEY from $server"; \t\tapt-key adv --keyserver "$server" --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY" && found=yes && break; \tdone; \ttest -z "$found" && echo >&2 "error: failed to fetch GPG key $NGINX_GPGKEY" && exit 1; \tapt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/* \t&& dpkgArch="$(dpkg --print-architecture)" \t&& nginxPackages=" \t\tnginx=${NGINX_VERSION}-${PKG_RELEASE} \t\tnginx-module-xslt=${NGINX_VERSION}-${PKG_RELEASE} \t\tnginx-module-geoip=${NGINX_VERSION}-${PKG_RELEASE} \t\tnginx-module-image-filter=${NGINX_VERSION}-${PKG_RELEASE} \t\tnginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-${PKG_RELEASE} \t" \t&& case "$dpkgArch" in \t\tamd64|i386) \t\t\techo "deb https://nginx.org/packages/mainline/debian/ stretch nginx" >> /etc/apt/sources.list.d/nginx.list \t\t\t&& apt-get update \t\t\t;; \t\t*) \t\t\techo "deb-src https://nginx.org/packages/mainline/debian/ stretch nginx" >> /etc/apt/sources.list.d/nginx.list \t\t\t\t\t\t&& tempDir="$(mktemp -d)" \t\t\t&& chmod 777 "$tempDir" \t\t\t\t\t\t&& savedAptMark="$(apt-mark showmanual)" \t\t\t\t\t\t&& apt-get update \t\t\t&& apt-get build-dep -y $nginxPackages \t\t\t&& ( \t\t\t\tcd "$tempDir" \t\t\t\t&& DEB_BUILD_OPTIONS="nocheck parallel=$(nproc)" \t\t\t\t\tapt-get source --compile $nginxPackages \t\t\t) \t\t\t\t\t\t&& apt-mark showmanual | xargs apt-mark auto > /dev/null \t\t\t&& { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; } \t\t\t\t\t\t&& ls -lAFh "$tempDir" \t\t\t&& ( cd "$tempDir" && dpkg-scanpackages . > Packages ) \t\t\t&& grep \'^Package: \' "$tempDir/Packages" \t\t\t&& echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list \t\t\t&& apt-get -o Acquire::GzipIndexes=false update \t\t\t;; \tesac \t\t&& apt-get install --no-install-recommends --no-install-suggests -y \t\t\t\t\t\t$nginxPackages \t\t\t\t\t\tgettext-base \t&& apt-get remove --purge --auto-remove -y apt-transport-https ca-certificates && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list \t\t&& if [ -n "$tempDir" ]; then \t\tapt-get purge -y --auto-remove \t\t&& rm -rf "$tempDir" /etc/apt/sources.list.d/temp.list; \tfi',
  '/bin/sh -c ln -sf /dev/stdout /var/log/nginx/access.log \t&& ln -sf /dev/stderr /var/log/nginx/error.log',
  '/bin/sh -c #(nop)  EXPOSE 80',
  '/bin/sh -c #(nop)  STOPSIGNAL SIGTERM',
  '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]',
];

const APT_UPDATE_UPGRADE = [
  '/bin/sh -c #(nop) ADD file:1e52a0aa8f37622b3d0d73bddae98dd854cdd0b001fffe704eb833b2659413ec in / ',
  '/bin/sh -c #(nop)  CMD ["bash"]',
  '/bin/sh -c apt-get update -y && apt-get upgrade -y && echo "hello"',
];

const UBUNTU_WITH_ARG = [
  '/bin/sh -c #(nop)  ARG RELEASE',
  '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH',
  '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu',
  '/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=22.04',
  '/bin/sh -c #(nop) ADD file:262490f82459c14632f5c9a6d6a5cf6c07b4f307e8fd380fa764662cda46e88f in / ',
  '/bin/sh -c #(nop)  CMD ["/bin/bash"]',
  'RUN /bin/sh -c echo "hello" # buildkit',
];

/** The Dockerfile BUILDAH was built from. */
export const BUILDAH_DOCKERFILE = [
  'FROM scratch', // 1
  'COPY rootfs/ /', // 2
  'ARG NPM_TOKEN', // 3
  'RUN apt-get update || true', // 4
  'RUN sudo true || true', // 5
  'ADD conf/ /etc/app/', // 6
  'RUN echo "$NPM_TOKEN" > /dev/null', // 7
  'ENV PIP_X=1', // 8
  'RUN apt-get dist-upgrade -y || true', // 9
  'CMD ["/bin/sh"]', // 10
  '',
].join('\n');

const TOKEN = 'npm_abcdefghijklmnopqrstuvwxyz0123456789';
const BUILDAH = [
  '/bin/sh -c #(nop) COPY dir:2e27210fbd453f483905818fb5ac5c0995d65de1e1e1ebe31a327b6ca21e90e0 in / ',
  '/bin/sh -c #(nop) ARG NPM_TOKEN',
  `|1 NPM_TOKEN=${TOKEN} /bin/sh -c apt-get update || true`,
  `|1 NPM_TOKEN=${TOKEN} /bin/sh -c sudo true || true`,
  '/bin/sh -c #(nop) ADD dir:2558e209985f1134554958692ecb06a3286a289c4c441c5dc44c25676e8f3abb in /etc/app/ ',
  `|1 NPM_TOKEN=${TOKEN} /bin/sh -c echo "$NPM_TOKEN" > /dev/null`,
  '/bin/sh -c #(nop) ENV PIP_X=1',
  `|1 NPM_TOKEN=${TOKEN} /bin/sh -c apt-get dist-upgrade -y || true`,
  '/bin/sh -c #(nop) CMD ["/bin/sh"]',
];

const hitsOf = async (history: (string | undefined)[]) =>
  (await lintHistory(history)).hits.map((h) => `${h.entry} ${h.finding.ruleId}`);

describe('parseCreatedBy', () => {
  it('reads every builder form as an instruction', () => {
    const cases: [string | undefined, unknown][] = [
      ['/bin/sh -c #(nop)  ENV NGINX_VERSION=1.17.0', { keyword: 'ENV', text: 'NGINX_VERSION=1.17.0' }],
      ['/bin/sh -c apt-get update -y', { keyword: 'RUN', text: 'apt-get update -y' }],
      [BUILDAH[2], { keyword: 'RUN', text: 'apt-get update || true', buildArgs: [`NPM_TOKEN=${TOKEN}`] }],
      [
        'RUN |2 A=1 B="x y" /bin/sh -c make # buildkit',
        { keyword: 'RUN', text: 'make', buildArgs: ['A=1', 'B="x y"'] },
      ],
      [
        'RUN /bin/bash -o pipefail -c curl -fsS x | sh # buildkit',
        { keyword: 'RUN', text: 'curl -fsS x | sh' },
      ],
      ['RUN /bin/sh -c echo "hello" # buildkit', { keyword: 'RUN', text: 'echo "hello"' }],
      // BuildKit runs a heredoc's body as the script and records it with its newlines.
      [
        'RUN /bin/sh -c apt-get update\napt-get install -y curl\n # buildkit',
        { keyword: 'RUN', text: 'apt-get update\napt-get install -y curl' },
      ],
      ['RUN ["/bin/sh","-c","make"]', { keyword: 'RUN', text: '["/bin/sh","-c","make"]' }],
      // kaniko records the instruction as written.
      [
        'RUN apt-get update && apt-get install -y curl',
        { keyword: 'RUN', text: 'apt-get update && apt-get install -y curl' },
      ],
      [
        BUILDAH[4],
        { keyword: 'ADD', text: expect.stringMatching(/^dir:2558e2\S+ in \/etc\/app\/$/) as unknown },
      ],
      ['/bin/sh -c #(nop) ADD multi:0a1b2c in /app/ ', { keyword: 'ADD', text: 'multi:0a1b2c in /app/' }],
      ['COPY /out/app /app/app # buildkit', { keyword: 'COPY', text: '/out/app /app/app' }],
      [DEBIAN_ROOTFS_CREATED_BY, { keyword: 'ADD', text: 'debootstrap --variant=minbase bookworm /' }],
    ];
    for (const [line, want] of cases) expect(parseCreatedBy(line), line).toMatchObject(want as object);
  });

  it('tells empty lines from lines that are no instruction', () => {
    expect(parseCreatedBy(undefined)).toBe('empty');
    expect(parseCreatedBy('  ')).toBe('empty');
    expect(parseCreatedBy(' # buildkit')).toBe('empty');
    expect(parseCreatedBy('bazel build //app:image')).toBeUndefined();
    expect(parseCreatedBy('Imported from -')).toBeUndefined();
    expect(parseCreatedBy('FROM debian:12')).toBeUndefined();
  });
});

describe('lintHistory', () => {
  it('runs only rules that exist, each with its reason', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const [id, why] of Object.entries(HISTORY_RULES)) {
      expect(ids.has(id), id).toBe(true);
      expect(why.length).toBeGreaterThan(20);
    }
  });

  it('agrees with the Dockerfile lint of the Dockerfile the history came from', async () => {
    // The oracle: the same rules on the Dockerfile itself, restricted to the rules history lint runs.
    const { findings, target } = await lintDockerfile({ path: 'Dockerfile', content: BUILDAH_DOCKERFILE });
    const expected = findings
      .filter((f) => f.ruleId in HISTORY_RULES)
      .map((f) => `${f.location?.startLine} ${f.ruleId}`)
      .sort();
    const { hits } = await lintHistory(BUILDAH);
    const got = hits
      // The values of build arguments recorded in front of a RUN: see below.
      .filter((h) => !(h.keyword === 'RUN' && h.finding.ruleId === 'SG-DF-006'))
      .map((h) => `${matchHistoryToInstruction(BUILDAH[h.entry]!, target)?.line} ${h.finding.ruleId}`)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(got).toEqual(expected);
  });

  it('reports build arguments recorded in front of a RUN, which the Dockerfile only names', async () => {
    const { hits } = await lintHistory(BUILDAH);
    const args = hits.filter((h) => h.finding.ruleId === 'SG-DF-006');
    // The classic ARG entry names it; every RUN that ran with it recorded its value.
    expect(args.map((h) => h.entry)).toEqual([1, 2, 3, 5, 7]);
    for (const h of args) expect(h.finding.message).not.toContain(TOKEN);
  });

  it('decides as dockle does on its own test images, where a shipgate rule claims a dockle check', async () => {
    // apt_update_upgrade.json: dockle reports neither CIS-DI-0007 (the update is followed by an upgrade) nor
    // DKL-DI-0003 (an upgrade, not a dist-upgrade); SG-DF-015 reports the upgrade, as hadolint's DL3005.
    const { hits } = await lintHistory(APT_UPDATE_UPGRADE);
    expect(hits.map((h) => `${h.entry} ${h.finding.ruleId}`)).toEqual(['2 SG-DF-015']);
    expect(standsFor(hits[0]!.finding, 'DKL-DI-0003')).toBe(false);
    expect(hits.some((h) => standsFor(h.finding, 'CIS-DI-0007') && h.finding.ruleId === 'SG-DF-017')).toBe(
      false,
    );
    // The dist-upgrade of BUILDAH is DKL-DI-0003, and its lone update CIS-DI-0007.
    const b = (await lintHistory(BUILDAH)).hits;
    const dist = b.find((h) => h.entry === 7 && h.finding.ruleId === 'SG-DF-015');
    expect(dist && standsFor(dist.finding, 'DKL-DI-0003')).toBe(true);
    const update = b.find((h) => h.entry === 2 && h.finding.ruleId === 'SG-DF-017');
    expect(update && standsFor(update.finding, 'CIS-DI-0007')).toBe(true);
    // dockle's sudo check: the RUN that uses it.
    expect(b.filter((h) => h.finding.ruleId === 'SG-DF-027').map((h) => h.entry)).toEqual([3]);
  });

  it('leaves the root filesystem ADD alone, also behind ARG and LABEL entries', async () => {
    expect(await hitsOf(UBUNTU_WITH_ARG)).toEqual([]);
    expect(await hitsOf(APT_UPDATE_UPGRADE.slice(0, 2))).toEqual([]);
    expect(await hitsOf([DEBIAN_ROOTFS_CREATED_BY, '/bin/sh -c #(nop)  CMD ["bash"]'])).toEqual([]);
    // A later ADD of local files is the image's own.
    expect(await hitsOf(BUILDAH)).toContain('4 SG-DF-008');
  });

  it('lints a real image history of a well-kept build without findings on the kept parts', async () => {
    // nginx removes the apt lists and installs without recommends in the same RUN; its lone `apt-get update`
    // in the `amd64|i386)` branch is followed by an install later in the script.
    const hits = await hitsOf(NGINX);
    expect(hits.filter((h) => /SG-DF-01[237]$/.test(h))).toEqual([]);
  });

  it('lints BuildKit heredoc scripts and scripts with heredocs of their own', async () => {
    const got = await hitsOf([
      DEBIAN_ROOTFS_CREATED_BY,
      'RUN /bin/sh -c apt-get update\napt-get install -y curl\n # buildkit',
      'RUN /bin/sh -c cat <<EOF > /etc/apt/apt.conf.d/99x\nAPT::Get::AllowUnauthenticated "true";\nEOF\napt-get update # buildkit',
    ]);
    expect(got).toEqual(expect.arrayContaining(['1 SG-DF-012', '1 SG-DF-013', '2 SG-DF-017']));
  });

  it('counts lines that are no instruction, skips empty ones, and survives one the parser refuses', async () => {
    const r = await lintHistory([
      DEBIAN_ROOTFS_CREATED_BY,
      '',
      undefined,
      'bazel build //app:image',
      '/bin/sh -c echo \u0000 > /x',
      '/bin/sh -c sudo make install',
    ]);
    expect(r.unparsed.map((u) => u.entry)).toEqual([3, 4]);
    expect(r.hits.map((h) => `${h.entry} ${h.finding.ruleId}`)).toEqual(['5 SG-DF-027']);
  });
});
