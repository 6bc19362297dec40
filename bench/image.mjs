// Image benchmarks: full inventory (SBOM) and secret scanning of the same real Debian image, shipgate vs trivy,
// against the physical limit of reading the layers (gzip -dc | tar -t); and peak memory on a 1 GB image.
import { createHash, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { ROOT, WORK, measure, ratio } from './lib.mjs';

function debianImage(sh) {
  const out = sh(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '-e',
      "import('./test/support/images.ts').then((m) => m.debianImage()).then((x) => process.stdout.write(JSON.stringify(x)))",
    ],
    { cwd: ROOT },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

/** Layers of an OCI layout (blob paths), for the physical-limit read. */
function layerBlobs(layout, tag) {
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const desc =
    index.manifests.find((m) => !tag || m.annotations?.['org.opencontainers.image.ref.name'] === tag) ??
    index.manifests[0];
  const blob = (d) => join(layout, 'blobs', ...d.split(':'));
  const manifest = JSON.parse(readFileSync(blob(desc.digest), 'utf8'));
  return manifest.layers.map((l) => ({ path: blob(l.digest), gz: l.mediaType.endsWith('gzip') }));
}

function physicalLimitScript(blobs) {
  return blobs
    .map((b) => (b.gz ? `gzip -dc '${b.path}' | tar -t >/dev/null` : `tar -tf '${b.path}' >/dev/null`))
    .join(' && ');
}

/** A single-layer OCI image of ~1 GB (uncompressed): 1,024 files of 1 MiB of random bytes. */
export async function bigImage() {
  const dir = join(WORK, 'big-image');
  if (existsSync(join(dir, 'index.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const tmp = join(dir, 'layer.tmp');
  const pack = tar.pack();
  const gzHash = createHash('sha256');
  const rawHash = createHash('sha256');
  const gzip = createGzip({ level: 1 });
  gzip.on('data', (c) => gzHash.update(c));
  pack.on('data', (c) => rawHash.update(c));
  const done = pipeline(pack, gzip, createWriteStream(tmp));
  for (let i = 0; i < 1024; i++) {
    await new Promise((res, rej) =>
      pack.entry({ name: `data/file-${i}.bin`, mode: 0o644 }, randomBytes(1 << 20), (e) =>
        e ? rej(e) : res(),
      ),
    );
  }
  pack.entry({ name: 'etc/os-release' }, 'ID=debian\nVERSION_ID="12"\n');
  pack.finalize();
  await done;
  const layerDigest = gzHash.digest('hex');
  const { size } = await import('node:fs').then((fs) => fs.statSync(tmp));
  renameSync(tmp, join(dir, 'blobs', 'sha256', layerDigest));
  const put = (obj) => {
    const buf = Buffer.from(JSON.stringify(obj));
    const d = createHash('sha256').update(buf).digest('hex');
    writeFileSync(join(dir, 'blobs', 'sha256', d), buf);
    return { digest: `sha256:${d}`, size: buf.length };
  };
  const config = put({
    architecture: 'amd64',
    os: 'linux',
    config: {},
    rootfs: { type: 'layers', diff_ids: [`sha256:${rawHash.digest('hex')}`] },
    history: [{ created_by: 'COPY data /data' }],
  });
  const manifest = put({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${layerDigest}`, size },
    ],
  });
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          ...manifest,
          annotations: { 'org.opencontainers.image.ref.name': 'big' },
        },
      ],
    }),
  );
  return dir;
}

export async function run({ cli, node, trivy, sh }) {
  const img = debianImage(sh);
  const archive = img.dockerArchive;
  const sg = measure(
    node,
    [cli, 'sbom', `docker-archive:${archive}`, '--format', 'cyclonedx', '-o', '/dev/null', '-q'],
    { runs: 5 },
  );
  const tv = measure(
    trivy,
    ['image', '--input', archive, '--format', 'cyclonedx', '-o', '/dev/null', '--quiet'],
    { runs: 5 },
  );
  // The physical limit reads the gzip layers of the OCI layout, so shipgate is timed on that same layout too.
  const phys = measure('sh', ['-c', physicalLimitScript(layerBlobs(img.ociLayout, img.tag))], {
    runs: 5,
    okCodes: [0],
  });
  const sgOci = measure(
    node,
    [cli, 'sbom', `oci:${img.ociLayout}:${img.tag}`, '--format', 'cyclonedx', '-o', '/dev/null', '-q'],
    { runs: 5 },
  );
  const sgSecrets = measure(
    node,
    [
      cli,
      'scan',
      '--image',
      `docker-archive:${archive}`,
      '--scanners',
      'secret',
      '--format',
      'json',
      '-o',
      '/dev/null',
      '--fail-on',
      'none',
      '-q',
    ],
    { runs: 3 },
  );
  const tvSecrets = measure(
    trivy,
    ['image', '--input', archive, '--scanners', 'secret', '--format', 'json', '-o', '/dev/null', '--quiet'],
    { runs: 2 },
  );
  const big = await bigImage();
  const sgBig = measure(
    node,
    [cli, 'sbom', `oci:${big}:big`, '--format', 'cyclonedx', '-o', '/dev/null', '-q'],
    { runs: 2 },
  );
  const physBig = measure('sh', ['-c', physicalLimitScript(layerBlobs(big, 'big'))], {
    runs: 2,
    okCodes: [0],
  });
  return {
    image: 'debian bookworm minbase (debootstrap), docker-archive',
    inventory: {
      shipgate: sg,
      trivy: tv,
      vsTrivy: ratio(sg.medianMs, tv.medianMs),
      shipgateOciLayout: sgOci,
      physicalLimit: phys,
      vsPhysical: ratio(sgOci.medianMs, phys.medianMs),
    },
    secrets: {
      shipgate: sgSecrets,
      trivy: tvSecrets,
      vsTrivy: ratio(sgSecrets.medianMs, tvSecrets.medianMs),
    },
    bigImage: {
      sizeGb: 1,
      shipgate: sgBig,
      physicalLimit: physBig,
      vsPhysical: ratio(sgBig.medianMs, physBig.medianMs),
    },
  };
}
