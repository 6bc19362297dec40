/**
 * Real image histories (`config.history[].created_by`), for history lint tests. Sources:
 * - goodwithtech/dockle pkg/assessor/manifest/testdata: nginx.json (nginx 1.17 on stretch, docker 18.06 classic
 *   builder), apt_update_upgrade.json (docker 20.10.8), add_with_arg_statement.json (ubuntu 22.04 plus a BuildKit
 *   RUN);
 * - BUILDAH: `buildah bud --layers` (buildah 1.28.2) of BUILDAH_DOCKERFILE with `--build-arg NPM_TOKEN=…`, as
 *   test/e2e/config/history.test.ts builds it again.
 */
export const NGINX = [
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

export const APT_UPDATE_UPGRADE = [
  '/bin/sh -c #(nop) ADD file:1e52a0aa8f37622b3d0d73bddae98dd854cdd0b001fffe704eb833b2659413ec in / ',
  '/bin/sh -c #(nop)  CMD ["bash"]',
  '/bin/sh -c apt-get update -y && apt-get upgrade -y && echo "hello"',
];

export const UBUNTU_WITH_ARG = [
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

export const TOKEN = 'npm_abcdefghijklmnopqrstuvwxyz0123456789';
export const BUILDAH = [
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
