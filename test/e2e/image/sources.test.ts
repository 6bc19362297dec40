/**
 * Every local source reads the same real Debian image (debootstrap → umoci → skopeo) and yields the same
 * files, and a multi-layer image built with umoci (whiteouts, opaque directory, hard link, symlink) gives
 * exactly the filesystem `umoci unpack` produces. Also: multi-platform indexes and zstd layers.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { AutoDecompress } from '../../../src/image/decompress';
import {
  openImage,
  walkImage,
  type Analyzer,
  type FileEntry,
  type FinalView,
  type ImageInfo,
} from '../../../src/image/index';
import {
  ARM_TINY_SPEC,
  IMAGE_TOOLS,
  LAYER_ZSTD,
  buildImage,
  debianImage,
  multiPlatformImage,
  readBlob,
  readManifest,
  rewriteImage,
  serialHeavySuite,
  writeBlob,
  type ImageSpec,
  type TestImage,
} from '../../support/images';
import { describeWithTools } from '../../support/tools';

serialHeavySuite();

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `find`'s view of a directory tree: path → "type mode uid gid size link". */
function findListing(root: string): Map<string, string> {
  const out = execFileSync(
    'find',
    [root, '-mindepth', '1', '-printf', '%P\\t%y\\t%m\\t%U\\t%G\\t%s\\t%l\\n'],
    {
      maxBuffer: 256 * 1024 * 1024,
    },
  ).toString();
  const map = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [path, y, m, u, g, s, l] = line.split('\t');
    const type = y === 'f' ? 'f' : y === 'd' ? 'd' : y === 'l' ? 'l' : 'o';
    map.set(
      `/${path}`,
      [type, parseInt(m!, 8).toString(8), u, g, type === 'f' ? s : '-', type === 'l' ? l : '-'].join(' '),
    );
  }
  return map;
}

/** The final view in the same shape (hard links are regular files on disk). */
function viewListing(view: FinalView): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of view.entries()) {
    if (e.path === '/') continue;
    const type =
      e.type === 'file' || e.type === 'hardlink'
        ? 'f'
        : e.type === 'dir'
          ? 'd'
          : e.type === 'symlink'
            ? 'l'
            : 'o';
    map.set(
      e.path,
      [
        type,
        e.mode.toString(8),
        e.uid,
        e.gid,
        type === 'f' ? e.size : '-',
        type === 'l' ? e.linkTarget : '-',
      ].join(' '),
    );
  }
  return map;
}

function expectSameListing(actual: Map<string, string>, expected: Map<string, string>): void {
  const missing = [...expected.keys()].filter((k) => !actual.has(k));
  const extra = [...actual.keys()].filter((k) => !expected.has(k));
  const differ = [...expected.keys()].filter((k) => actual.has(k) && actual.get(k) !== expected.get(k));
  expect({
    missing: missing.slice(0, 10),
    extra: extra.slice(0, 10),
    differ: differ.slice(0, 10).map((k) => [k, actual.get(k), expected.get(k)]),
  }).toEqual({
    missing: [],
    extra: [],
    differ: [],
  });
  expect(actual.size).toBe(expected.size);
}

function collector(paths: string[]) {
  const got = new Map<string, Buffer>();
  const seen: FileEntry[] = [];
  const a: Analyzer = {
    name: 'collector',
    wants: (e) => paths.includes(e.path),
    onEntry: (e) => seen.push(e),
    analyze: (e, c) => {
      got.set(`${e.layerIndex}:${e.path}`, Buffer.from(c));
    },
    finish: () => got.size,
  };
  return { a, got, seen };
}

async function scan(ref: string, paths: string[] = [], platform?: string) {
  const img = await openImage(ref, platform ? { platform } : {});
  try {
    const c = collector(paths);
    const r = await walkImage(img, [c.a]);
    return { info: img.info, ...r, got: c.got, seen: c.seen };
  } finally {
    await img.close();
  }
}

/** The newer `docker save` form: an OCI layout plus a manifest.json naming blobs/sha256/... paths. */
function dockerSaveOciForm(layout: string, tag: string, out: string): void {
  const dir = join(tmp, 'save-form');
  cpSync(layout, dir, { recursive: true });
  const m = readManifest(dir, tag);
  const p = (d: string) => `blobs/${d.replace(':', '/')}`;
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify([
      {
        Config: p(m.config.digest),
        RepoTags: ['shipgate-test/debian:saved'],
        Layers: m.layers.map((l) => p(l.digest)),
      },
    ]),
  );
  execFileSync('tar', ['-cf', out, '-C', dir, '.']);
}

describeWithTools('image sources on a real Debian image', IMAGE_TOOLS, () => {
  let img: TestImage;
  beforeAll(async () => {
    img = await debianImage();
  });

  it('docker-archive, oci, oci-archive, dir and the docker save OCI form give the same files', async () => {
    const status = '/var/lib/dpkg/status';
    const expected = findListing(img.rootfs);
    const statusBytes = readFileSync(join(img.rootfs, status));
    const saveForm = join(tmp, 'saved.tar');
    dockerSaveOciForm(img.ociLayout, img.tag, saveForm);
    const refs = [
      `oci:${img.ociLayout}:${img.tag}`,
      `docker-archive:${img.dockerArchive}`,
      `oci-archive:${img.ociArchive}`,
      `dir:${img.rootfs}`,
      `docker-archive:${saveForm}`,
    ];
    const infos: ImageInfo[] = [];
    for (const ref of refs) {
      const r = await scan(ref, [status]);
      expect(r.warnings, ref).toEqual([]);
      expectSameListing(viewListing(r.view), expected);
      expect(r.got.get(`0:${status}`)?.equals(statusBytes), ref).toBe(true);
      expect(r.seen.find((e) => e.path === status)?.layerDigest).toBe(r.info.layers[0]!.digest);
      infos.push(r.info);
    }
    const [oci, docker, ociArchive, , saved] = infos as [
      ImageInfo,
      ImageInfo,
      ImageInfo,
      ImageInfo,
      ImageInfo,
    ];
    const manifest = readManifest(img.ociLayout, img.tag);
    // OCI forms: the stored (gzip) blob digests; docker-archive (skopeo, uncompressed): the diff-IDs
    expect(oci.layers.map((l) => l.digest)).toEqual(manifest.layers.map((l) => l.digest));
    expect(ociArchive.layers).toEqual(oci.layers);
    expect(saved.layers.map((l) => l.digest)).toEqual(oci.layers.map((l) => l.digest));
    expect(docker.layers.map((l) => l.diffId)).toEqual(oci.layers.map((l) => l.diffId));
    expect(docker.layers.map((l) => l.digest)).toEqual(oci.config.rootfs!.diff_ids);
    for (const i of [oci, docker, ociArchive, saved]) {
      expect(i.layers[0]!.createdBy).toMatch(/debootstrap --variant=minbase bookworm/);
      expect(i.config.config?.Cmd).toEqual(['bash']);
      expect(i.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    }
    expect(oci.digest).toBe(
      `sha256:${execFileSync('sha256sum', [join(img.ociLayout, 'blobs', ...oci.digest!.split(':'))])
        .toString()
        .slice(0, 64)}`,
    );
    expect(docker.repository).toBe('docker.io/shipgate-test/debian'); // skopeo names it in full
    expect(docker.tag).toBe('bookworm');
    expect(oci.tag).toBe('bookworm');
  });

  it('reads gzip- and zstd-compressed archives (docker save | gzip), removing the temporary copy', async () => {
    const expected = findListing(img.rootfs);
    const spool = join(tmp, 'spool');
    mkdirSync(spool);
    const gz = join(tmp, 'debian.tar.gz');
    execFileSync('sh', ['-c', `gzip -1 -c "${img.dockerArchive}" > "${gz}"`]);
    const zst = join(tmp, 'debian-oci.tar.zst');
    execFileSync('zstd', ['-q', '-1', img.ociArchive, '-o', zst]);
    for (const ref of [`docker-archive:${gz}`, `oci-archive:${zst}`]) {
      const opened = await openImage(ref, { tmpDir: spool });
      expect(readdirSync(spool)).toHaveLength(1);
      const r = await walkImage(opened, []);
      await opened.close();
      expectSameListing(viewListing(r.view), expected);
      expect(readdirSync(spool)).toEqual([]);
    }
    const cut = join(tmp, 'cut.tar.gz');
    writeFileSync(cut, readFileSync(gz).subarray(0, 100_000));
    const err = await openImage(`docker-archive:${cut}`, { tmpDir: spool }).catch((e: unknown) => e);
    expect((err as ShipgateError).code).toBe('IMAGE_FORMAT');
    expect(readdirSync(spool)).toEqual([]);
  });

  it('verifies diff-IDs when asked, and a wrong diff-ID is DIGEST_MISMATCH', async () => {
    const layout = join(tmp, 'bad-diffid');
    cpSync(img.ociLayout, layout, { recursive: true });
    rewriteImage(layout, img.tag, ({ config }) => {
      (config.rootfs as { diff_ids: string[] }).diff_ids = [`sha256:${'0'.repeat(64)}`];
    });
    const opened = await openImage(`oci:${layout}:${img.tag}`, { verifyDiffIds: true });
    const err = await walkImage(opened, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShipgateError);
    expect((err as ShipgateError).code).toBe('DIGEST_MISMATCH');
    await opened.close();
  });
});

const LAYERED: ImageSpec = {
  base: 'debian',
  layers: [
    {
      createdBy: 'COPY app /app',
      files: {
        '/app/server.js': 'console.log("hi")\n',
        '/app/config/secret.env': { content: 'API_TOKEN=tok-123\n', mode: 0o600, uid: 1000, gid: 1000 },
        '/app/bin/run': { content: '#!/bin/sh\nexec node /app/server.js\n', mode: 0o4755 },
        '/app/bin/run-again': { hardlink: '/app/bin/run' },
        '/app/current': { symlink: 'bin/run' },
        '/usr/share/doc/extra/README': 'extra docs\n',
      },
    },
    { createdBy: 'RUN rm /app/config/secret.env', whiteout: '/app/config/secret.env' },
    {
      createdBy: 'RUN rm -rf /usr/share/doc/* && echo only > /usr/share/doc/ONLY',
      opaque: '/usr/share/doc',
      files: { '/usr/share/doc/ONLY': 'only\n' },
    },
    { createdBy: 'RUN rm /etc/motd', whiteout: '/etc/motd' },
  ],
  config: {
    User: '1000:1000',
    Env: ['NODE_ENV=production'],
    Labels: { 'org.opencontainers.image.source': 'https://example.com/app' },
    Entrypoint: ['/app/bin/run'],
    Cmd: ['--serve'],
    ExposedPorts: ['8080/tcp'],
    Volumes: ['/data'],
    WorkingDir: '/app',
    Healthcheck: { Test: ['CMD', '/app/bin/run', '--health'], Interval: 30_000_000_000 },
    createdBy: 'USER 1000:1000',
  },
};

describeWithTools('multi-layer images built with umoci', IMAGE_TOOLS, () => {
  let img: TestImage;
  let unpacked: string;
  beforeAll(async () => {
    img = await buildImage('layered', LAYERED);
    unpacked = join(tmp, 'bundle');
    execFileSync('umoci', ['unpack', '--image', `${img.ociLayout}:${img.tag}`, unpacked]);
  });

  it('the final view equals what umoci unpack makes, in every archive form', async () => {
    const expected = findListing(join(unpacked, 'rootfs'));
    for (const ref of [
      `oci:${img.ociLayout}:${img.tag}`,
      `docker-archive:${img.dockerArchive}`,
      `oci-archive:${img.ociArchive}`,
    ]) {
      const r = await scan(ref, ['/app/config/secret.env', '/app/bin/run-again', '/etc/motd']);
      expect(r.warnings, ref).toEqual([]);
      expectSameListing(viewListing(r.view), expected);
      const { view, info, got } = r;
      expect(info.layers.map((l) => l.createdBy)).toEqual([
        expect.stringMatching(/debootstrap/),
        ...LAYERED.layers.map((l) => l.createdBy),
      ]);
      // deleted files: absent from the final view, delivered to analyzers, marked hidden
      expect(view.stat('/app/config/secret.env')).toBeUndefined();
      expect(view.isHidden('/app/config/secret.env', 1)).toBe(true);
      expect(got.get('1:/app/config/secret.env')?.toString()).toBe('API_TOKEN=tok-123\n');
      expect(
        got
          .get('0:/etc/motd')
          ?.equals(readFileSync(join(img.rootfs || (await debianImage()).rootfs, 'etc/motd'))),
      ).toBe(true);
      expect(view.isHidden('/etc/motd', 0)).toBe(true);
      expect(view.stat('/usr/share/doc/ONLY')?.layerIndex).toBe(3);
      expect(view.isHidden('/usr/share/doc/bash/copyright', 0)).toBe(true);
      // hard link content and symlink resolution
      expect(got.get('1:/app/bin/run-again')?.toString()).toBe('#!/bin/sh\nexec node /app/server.js\n');
      expect(view.resolve('/app/current')).toBe('/app/bin/run');
      expect(view.stat('/app/bin/run')?.mode).toBe(0o4755);
      const c = info.config.config!;
      expect(c.User).toBe('1000:1000');
      expect(c.Env).toContain('NODE_ENV=production');
      expect(c.Labels).toEqual({ 'org.opencontainers.image.source': 'https://example.com/app' });
      expect(c.Entrypoint).toEqual(['/app/bin/run']);
      expect(c.Cmd).toEqual(['--serve']);
      expect(Object.keys(c.ExposedPorts ?? {})).toEqual(['8080/tcp']);
      expect(Object.keys(c.Volumes ?? {})).toEqual(['/data']);
      expect(c.WorkingDir).toBe('/app');
      expect(c.Healthcheck?.Test).toEqual(['CMD', '/app/bin/run', '--health']);
    }
  });

  it('reads zstd layers made by the zstd tool (same files as gzip)', async () => {
    const layout = join(tmp, 'zstd');
    cpSync(img.ociLayout, layout, { recursive: true });
    rewriteImage(layout, img.tag, ({ manifest }) => {
      manifest.layers = manifest.layers.map((l) => {
        const tar = gunzipSync(readBlob(layout, l.digest));
        const zst = execFileSync('zstd', ['-q', '-c', '-3'], { input: tar, maxBuffer: 1024 * 1024 * 1024 });
        return writeBlob(layout, zst, LAYER_ZSTD);
      });
    });
    const r = await scan(`oci:${layout}:${img.tag}`, ['/app/config/secret.env']);
    expect(r.info.layers.every((l) => l.mediaType === LAYER_ZSTD)).toBe(true);
    expectSameListing(viewListing(r.view), findListing(join(unpacked, 'rootfs')));
    expect(r.got.get('1:/app/config/secret.env')?.toString()).toBe('API_TOKEN=tok-123\n');
  });

  it('the fzstd fallback decodes what the zstd tool wrote', async () => {
    const input = Buffer.concat([
      readFileSync(join(img.rootfs || (await debianImage()).rootfs, 'var/lib/dpkg/status')),
      Buffer.alloc(300_000, 7),
    ]);
    const zst = execFileSync('zstd', ['-q', '-c', '-19'], { input });
    const dec = new AutoDecompress({ forceFzstd: true });
    const chunks: Buffer[] = [];
    dec.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r, j) => dec.on('end', r).on('error', j));
    for (let i = 0; i < zst.length; i += 1000) dec.write(zst.subarray(i, i + 1000));
    dec.end();
    await done;
    expect(dec.compression).toBe('zstd');
    expect(Buffer.concat(chunks).equals(input)).toBe(true);
  });
});

describeWithTools('multi-platform index', IMAGE_TOOLS, () => {
  it('picks the platform asked for, lists the others, and names the available ones when missing', async () => {
    const multi = await multiPlatformImage();
    const ref = `oci:${multi.ociLayout}:${multi.tag}`;
    const arm = await scan(ref, ['/etc/arm-marker'], 'linux/arm64');
    expect(arm.info.platform).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' });
    expect(arm.info.otherPlatforms).toEqual([{ os: 'linux', architecture: 'amd64' }]);
    expect(arm.info.indexDigest).toBe(multi.indexDigest);
    expect(arm.got.get('0:/etc/arm-marker')?.toString()).toBe(
      ARM_TINY_SPEC.layers[0]!.files!['/etc/arm-marker'] as string,
    );
    const amd = await openImage(ref, { platform: 'linux/amd64' });
    expect(amd.info.platform.architecture).toBe('amd64');
    expect(amd.info.otherPlatforms).toEqual([{ os: 'linux', architecture: 'arm64', variant: 'v8' }]);
    await amd.close();
    // index.json itself listing the platform manifests (no tags), as `skopeo copy --all` to oci: can write
    const flat = join(tmp, 'flat-index');
    cpSync(multi.ociLayout, flat, { recursive: true });
    const inner = JSON.parse(readBlob(flat, multi.indexDigest).toString()) as { manifests: unknown[] };
    writeFileSync(join(flat, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: inner.manifests }));
    const flatArm = await openImage(`oci:${flat}`, { platform: 'linux/arm64' });
    expect(flatArm.info.platform.architecture).toBe('arm64');
    expect(flatArm.info.otherPlatforms).toEqual([{ os: 'linux', architecture: 'amd64' }]);
    await flatArm.close();
    const err = (await openImage(ref, { platform: 'linux/s390x' }).catch((e: unknown) => e)) as ShipgateError;
    expect(err).toBeInstanceOf(ShipgateError);
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toContain('available: linux/amd64, linux/arm64/v8');
  });
});

describeWithTools('docker-archive holding several images', IMAGE_TOOLS, () => {
  it('picks the image named after the path and lists the names when none is given', async () => {
    const a = await buildImage('arm-tiny', ARM_TINY_SPEC);
    const b = await buildImage('tiny-two', {
      base: 'scratch',
      layers: [{ createdBy: 'COPY two /', files: { '/two.txt': 'second image\n' } }],
    });
    const dir = join(tmp, 'two-images');
    mkdirSync(dir);
    const entries: unknown[] = [];
    for (const archive of [a.dockerArchive, b.dockerArchive]) {
      execFileSync('tar', ['-xf', archive, '-C', dir]);
      entries.push(...(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as unknown[]));
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(entries));
    const both = join(tmp, 'two-images.tar');
    execFileSync('tar', ['-cf', both, '-C', dir, '.']);
    const two = await scan(`docker-archive:${both}:shipgate-test/tiny-two:latest`, ['/two.txt']);
    expect(two.got.get('0:/two.txt')?.toString()).toBe('second image\n');
    expect(two.info.tag).toBe('latest');
    const arm = await scan(`docker-archive:${both}:docker.io/shipgate-test/arm-tiny:latest`);
    expect(arm.info.platform.architecture).toBe('arm64');
    const err = (await openImage(`docker-archive:${both}`).catch((e: unknown) => e)) as ShipgateError;
    expect(err.code).toBe('USAGE');
    expect(err.hint).toContain('docker.io/shipgate-test/tiny-two:latest');
    const none = (await openImage(`docker-archive:${both}:nope:1`).catch((e: unknown) => e)) as ShipgateError;
    expect(none.code).toBe('NOT_FOUND');
  });
});
