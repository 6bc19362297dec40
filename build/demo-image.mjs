// Builds the demo image (examples/demo/Dockerfile) as an OCI image layout, deterministically except for the
// planted credential, which is random on every build so no secret-looking value is ever committed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

function sha256(buf) {
  return createHash('sha256').update(buf).digest('hex');
}

async function tarOf(entries) {
  const pack = tar.pack();
  const chunks = [];
  pack.on('data', (c) => chunks.push(c));
  const done = new Promise((res) => pack.on('end', res));
  for (const e of entries) {
    const header = {
      name: e.path.replace(/^\//, ''),
      mode: e.mode ?? 0o644,
      uid: 0,
      gid: 0,
      mtime: new Date(0),
    };
    if (e.type === 'dir') pack.entry({ ...header, type: 'directory', mode: e.mode ?? 0o755 });
    else if (e.type === 'symlink') pack.entry({ ...header, type: 'symlink', linkname: e.target });
    else pack.entry(header, e.content ?? '');
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

function dpkgEntry({ name, version, source, arch = 'amd64', desc }) {
  return [
    `Package: ${name}`,
    'Status: install ok installed',
    'Priority: optional',
    'Section: libs',
    'Maintainer: Debian Maintainers <debian@example.org>',
    `Architecture: ${arch}`,
    ...(source ? [`Source: ${source}`] : []),
    `Version: ${version}`,
    `Description: ${desc ?? name}`,
    '',
  ].join('\n');
}

const BASE_PACKAGES = [
  { name: 'base-files', version: '9.9+deb9u13' },
  { name: 'dpkg', version: '1.18.25' },
  { name: 'openssl', version: '1.1.0l-1~deb9u5' },
  { name: 'libssl1.1', version: '1.1.0l-1~deb9u5', source: 'openssl' },
  { name: 'libxml2', version: '2.9.4+dfsg1-2.2+deb9u6' },
  { name: 'tzdata', version: '2021a-0+deb9u1', arch: 'all' },
  { name: 'zlib1g', version: '1:1.2.8.dfsg-5', source: 'zlib' },
];
const CURL_PACKAGES = [
  { name: 'curl', version: '7.52.1-5+deb9u16' },
  { name: 'libcurl3', version: '7.52.1-5+deb9u16', source: 'curl' },
];

function npmPackage(name, version) {
  return {
    path: `/app/node_modules/${name}/package.json`,
    content: JSON.stringify({ name, version, license: 'MIT', main: 'index.js' }, null, 2),
  };
}

export async function buildDemoImage(out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'blobs', 'sha256'), { recursive: true });
  const awsId = `AKIA${randomBytes(10)
    .toString('base64')
    .replace(/[^A-Z2-7]/gi, '')
    .toUpperCase()
    .padEnd(16, 'Q')
    .slice(0, 16)}`;
  const awsSecret = randomBytes(30).toString('base64').slice(0, 40);

  const layers = [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:5d4f2e8b3c1a in / ',
      entries: [
        { path: '/etc', type: 'dir' },
        {
          path: '/etc/os-release',
          content:
            'PRETTY_NAME="Debian GNU/Linux 9 (stretch)"\nNAME="Debian GNU/Linux"\nVERSION_ID="9"\nVERSION="9 (stretch)"\nVERSION_CODENAME=stretch\nID=debian\n',
        },
        { path: '/etc/debian_version', content: '9.13\n' },
        {
          path: '/etc/passwd',
          content:
            'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
        },
        { path: '/etc/group', content: 'root:x:0:\nnogroup:x:65534:\n' },
        { path: '/usr/bin/passwd', content: '#!/bin/sh\nexit 0\n', mode: 0o4755 },
        { path: '/tmp', type: 'dir', mode: 0o1777 },
        { path: '/var/lib/dpkg/status', content: BASE_PACKAGES.map(dpkgEntry).join('\n') },
      ],
    },
    {
      createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit',
      entries: [
        {
          path: '/var/lib/dpkg/status',
          content: [...BASE_PACKAGES, ...CURL_PACKAGES].map(dpkgEntry).join('\n'),
        },
        {
          path: '/var/lib/apt/lists/deb.debian.org_debian_dists_stretch_InRelease',
          content: 'Origin: Debian\n',
        },
      ],
    },
    {
      createdBy: 'COPY . /app # buildkit',
      entries: [
        { path: '/app', type: 'dir' },
        {
          path: '/app/package.json',
          content: JSON.stringify(
            {
              name: 'demo-app',
              version: '1.0.0',
              dependencies: { express: '4.17.1', lodash: '4.17.15', minimist: '1.2.5', semver: '7.5.4' },
            },
            null,
            2,
          ),
        },
        { path: '/app/server.js', content: "const express = require('express');\nexpress().listen(3000);\n" },
        { path: '/app/.env', content: `AWS_ACCESS_KEY_ID=${awsId}\nAWS_SECRET_ACCESS_KEY=${awsSecret}\n` },
        npmPackage('express', '4.17.1'),
        npmPackage('lodash', '4.17.15'),
        npmPackage('minimist', '1.2.5'),
        npmPackage('semver', '7.5.4'),
      ],
    },
    {
      createdBy: 'RUN /bin/sh -c rm -f /app/.env # buildkit',
      entries: [{ path: '/app/.wh..env', content: '' }],
    },
  ];

  const descriptors = [];
  const diffIds = [];
  for (const layer of layers) {
    const raw = await tarOf(layer.entries);
    const gz = gzipSync(raw, { level: 9 });
    const digest = sha256(gz);
    writeFileSync(join(out, 'blobs', 'sha256', digest), gz);
    descriptors.push({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: `sha256:${digest}`,
      size: gz.length,
    });
    diffIds.push(`sha256:${sha256(raw)}`);
  }
  const history = [
    ...layers.slice(0, 2).map((l) => ({ created: '2024-01-01T00:00:00Z', created_by: l.createdBy })),
    {
      created: '2024-01-01T00:00:00Z',
      created_by: 'WORKDIR /app',
      comment: 'buildkit.dockerfile.v0',
      empty_layer: true,
    },
    ...layers.slice(2).map((l) => ({ created: '2024-01-01T00:00:00Z', created_by: l.createdBy })),
    { created: '2024-01-01T00:00:00Z', created_by: 'EXPOSE map[3000/tcp:{}]', empty_layer: true },
    { created: '2024-01-01T00:00:00Z', created_by: 'CMD ["node" "server.js"]', empty_layer: true },
  ];
  const config = Buffer.from(
    JSON.stringify({
      created: '2024-01-01T00:00:00Z',
      architecture: 'amd64',
      os: 'linux',
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_ENV=production'],
        Cmd: ['node', 'server.js'],
        WorkingDir: '/app',
        ExposedPorts: { '3000/tcp': {} },
      },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history,
    }),
  );
  const configDigest = sha256(config);
  writeFileSync(join(out, 'blobs', 'sha256', configDigest), config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${configDigest}`,
        size: config.length,
      },
      layers: descriptors,
    }),
  );
  const manifestDigest = sha256(manifest);
  writeFileSync(join(out, 'blobs', 'sha256', manifestDigest), manifest);
  writeFileSync(join(out, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(out, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: `sha256:${manifestDigest}`,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'latest' },
        },
      ],
    }),
  );
  return { out, digest: `sha256:${manifestDigest}` };
}

/**
 * An image the default policy approves (with malware scanning optional: a fresh machine has no ClamAV
 * database): a static stand-in binary, a non-root user, a health check, OCI labels, no packages.
 */
export async function buildApprovedImage(out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'blobs', 'sha256'), { recursive: true });
  const blob = (buf) => {
    const digest = sha256(buf);
    writeFileSync(join(out, 'blobs', 'sha256', digest), buf);
    return { digest: `sha256:${digest}`, size: buf.length };
  };
  const files = [
    await tarOf([
      { path: 'etc', type: 'dir' },
      {
        path: 'etc/passwd',
        content: 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000::/app:/sbin/nologin\n',
      },
      { path: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
    ]),
    await tarOf([
      { path: 'app', type: 'dir' },
      { path: 'app/server', content: '#!/bin/true\n', mode: 0o755 },
    ]),
  ];
  const layers = files.map((tar) => ({
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ...blob(gzipSync(tar, { level: 9 })),
  }));
  const config = Buffer.from(
    JSON.stringify({
      created: '2024-01-01T00:00:00Z',
      architecture: 'amd64',
      os: 'linux',
      config: {
        User: '1000',
        Entrypoint: ['/app/server'],
        WorkingDir: '/app',
        Labels: {
          'org.opencontainers.image.source': 'https://github.com/shipgate/shipgate',
          'org.opencontainers.image.revision': '0'.repeat(40),
          'org.opencontainers.image.version': '1.0.0',
        },
        Healthcheck: { Test: ['CMD', '/app/server', '--health'], Interval: 30_000_000_000 },
      },
      rootfs: { type: 'layers', diff_ids: files.map((f) => `sha256:${sha256(f)}`) },
      history: [
        { created: '2024-01-01T00:00:00Z', created_by: 'COPY rootfs /' },
        { created: '2024-01-01T00:00:00Z', created_by: 'COPY app /app' },
      ],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...blob(config) },
      layers,
    }),
  );
  const m = blob(manifest);
  writeFileSync(join(out, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(out, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...m,
          annotations: { 'org.opencontainers.image.ref.name': 'latest' },
        },
      ],
    }),
  );
  return { out, digest: m.digest };
}
