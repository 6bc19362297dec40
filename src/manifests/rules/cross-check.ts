/** Cross-checks of the manifests against the image scanned in the same run (rules that need `options.image`). */
import { isRootUser } from '../../core/user';
import { parseReference } from '../../oci/ref';
import type { ScannedImage } from '../options';
import { defineRule, subject, type Rule } from '../rule';
import { effective, own } from '../security-context';
import type { Container, PodTarget } from '../types';
import { mapsOf, pairOf, scalarAt, seqAt } from '../yaml-nodes';

/** `registry/repository` the way both sides spell it (Docker Hub as docker.io/library/x). */
function normalRepository(ref: string): string {
  const r = parseReference(ref, { lenient: true });
  return `${r.registry}/${r.repository}`;
}

/** The containers that deploy the scanned image's repository, with their image reference. */
function deploying(pods: readonly PodTarget[], image: ScannedImage) {
  if (!image.repository) return [];
  const repository = normalRepository(image.repository);
  const out: { pod: PodTarget; container: Container; ref: string; digest?: string }[] = [];
  for (const pod of pods)
    for (const container of pod.containers) {
      const ref = scalarAt(container.node, 'image', pod.object.doc);
      if (typeof ref !== 'string' || /[{}$]/.test(ref) || normalRepository(ref) !== repository) continue;
      const digest = parseReference(ref, { lenient: true }).digest;
      out.push({ pod, container, ref, ...(digest ? { digest } : {}) });
    }
  return out;
}

function imageOf(image: ScannedImage): { ref: string; digest?: string } {
  return { ref: image.ref, ...(image.digest ? { digest: image.digest } : {}) };
}

function imageName(image: ScannedImage): string {
  return image.digest ? `${image.repository ?? image.ref}@${image.digest}` : image.ref;
}

const nonRootImageRoot = defineRule({
  id: 'SG-K8S-028',
  title: 'runAsNonRoot with an image that runs as root (the pod will not start)',
  severity: 'high',
  description:
    'A container of the scanned image sets `runAsNonRoot: true` (itself or through its pod) and no `runAsUser`, while the image configuration runs as root (no `USER`, `root` or `0`) or as a user name the kubelet cannot check.',
  rationale:
    'The kubelet refuses to start such a container ("container has runAsNonRoot and image will run as root", or "image has non-numeric user, cannot verify user is non-root"): the rollout fails in the cluster although every check passed on its own.',
  fix: 'Set a numeric non-root `USER` in the Dockerfile (`USER 10001`), or set `runAsUser: 10001` in the manifest.',
  tags: ['kubernetes', 'image', 'reliability', 'least-privilege'],
  hint: 'set a numeric non-root USER in the image or `runAsUser` in the manifest',
  check({ file, options, report }) {
    const image = options.image;
    if (!image) return;
    const user = (image.user.split(':')[0] ?? '').trim();
    const root = user === '' || isRootUser(user);
    const numeric = /^\d+$/.test(user);
    if (!root && numeric) return;
    for (const u of deploying(file.pods, image)) {
      const nonRoot = effective(u.pod, u.container, 'runAsNonRoot');
      if (nonRoot.value !== true || effective(u.pod, u.container, 'runAsUser').value !== undefined) continue;
      report({
        pod: u.pod,
        container: u.container,
        ...(nonRoot.pair ? { at: nonRoot.pair } : {}),
        image: imageOf(image),
        message: `${subject(u.pod, u.container)} sets runAsNonRoot: true, but the scanned image ${imageName(image)} runs as ${root ? `root (USER ${user ? `"${user}"` : 'not set'})` : `the user name "${user}", which the kubelet cannot verify as non-root`}: the container will not start.`,
      });
    }
  },
});

const notScannedDigest = defineRule({
  id: 'SG-K8S-029',
  title: 'Manifest deploys another image than the one scanned',
  severity: 'high',
  description:
    'A container deploys the repository of the scanned image, but by tag only or by a different digest than the one scanned (and approved) in this run.',
  rationale:
    'The decision is for one digest. A tag can point elsewhere by deploy time, and another digest was never scanned: the cluster would run an image the gate did not see. Admission policies that verify the approval attestation would refuse it.',
  fix: 'Deploy the scanned digest: `image: <repository>@sha256:<scanned digest>` (a tag may stay in front of it).',
  tags: ['security', 'kubernetes', 'image', 'supply-chain'],
  hint: 'reference the scanned digest in the manifest',
  check({ file, options, report }) {
    const image = options.image;
    if (!image?.digest) return;
    for (const u of deploying(file.pods, image)) {
      if (u.digest === image.digest) continue;
      const at = pairOf(u.container.node, 'image');
      report({
        pod: u.pod,
        container: u.container,
        ...(at ? { at } : {}),
        image: imageOf(image),
        message: `${subject(u.pod, u.container)} deploys ${u.ref}, ${u.digest ? 'another digest than' : 'a tag, not'} the scanned image ${imageName(image)}.`,
      });
    }
  },
});

/**
 * Programs that write outside a declared volume as soon as they start, by the executable's name in the
 * image's entrypoint or command, with where they write and why (their official images' defaults).
 */
const KNOWN_WRITERS = new Map<string, { path: string; why: string }[]>(
  Object.entries({
    nginx: [
      { path: '/var/cache/nginx', why: 'nginx creates its temporary directories there at start' },
      { path: '/var/run', why: 'nginx writes its pid file there' },
    ],
    httpd: [{ path: '/usr/local/apache2/logs', why: 'httpd writes its pid file and logs there' }],
    postgres: [{ path: '/var/run/postgresql', why: 'postgres creates its socket and lock file there' }],
    gunicorn: [{ path: '/tmp', why: 'gunicorn keeps its worker heartbeat files in /tmp (--worker-tmp-dir)' }],
    // `.`: the working directory (the container's workingDir, else the image's WORKDIR).
    'redis-server': [{ path: '.', why: 'redis-server saves its dump.rdb in its working directory' }],
  }),
);

/** Where the scanned image's process writes, as its configuration says: declared volumes and known writers. */
function writes(image: ScannedImage, workingDir: string): { path: string; why: string }[] {
  const out = (image.volumes ?? []).map((path) => ({
    path,
    why: 'the image declares it a VOLUME, where its process keeps the data it writes',
  }));
  const command = image.command ?? [];
  for (const arg of command) {
    const program = arg.split('/').pop() ?? '';
    for (const w of KNOWN_WRITERS.get(program) ?? [])
      if (!(program === 'gunicorn' && command.some((a) => a.startsWith('--worker-tmp-dir'))))
        out.push(w.path === '.' ? { ...w, path: workingDir } : w);
  }
  const seen = new Set<string>();
  return out.filter((w) => !seen.has(normalPath(w.path)) && seen.add(normalPath(w.path)));
}

/** `/var/run` is a link to `/run` in every current distribution; trailing slashes do not count. */
function normalPath(p: string): string {
  const t = p.replace(/\/+$/, '') || '/';
  return t === '/var/run' || t.startsWith('/var/run/') ? t.slice(4) : t;
}

/** Volume types Kubernetes always mounts read-only. */
const READ_ONLY_VOLUMES = new Set(['configMap', 'secret', 'downwardAPI', 'projected']);

/** The container's writable mounts: mount paths of volumes that exist, are writable, and not mounted readOnly. */
function writableMounts(pod: PodTarget, c: Container): string[] {
  const doc = pod.object.doc;
  const volumes = new Map<string, boolean>();
  for (const v of mapsOf(seqAt(pod.spec, 'volumes', doc), doc)) {
    const name = scalarAt(v, 'name', doc);
    const keys = v.items.map((i) => (i.key as { value?: unknown } | null)?.value);
    if (typeof name === 'string') volumes.set(name, !keys.some((k) => READ_ONLY_VOLUMES.has(String(k))));
  }
  const out: string[] = [];
  for (const m of mapsOf(seqAt(c.node, 'volumeMounts', doc), doc)) {
    const path = scalarAt(m, 'mountPath', doc);
    const name = scalarAt(m, 'name', doc);
    if (typeof path !== 'string' || typeof name !== 'string') continue;
    if (scalarAt(m, 'readOnly', doc) === true || volumes.get(name) !== true) continue;
    out.push(normalPath(path));
  }
  return out;
}

const readOnlyRootWrites = defineRule({
  id: 'SG-K8S-030',
  title: 'Read-only root filesystem where the image writes, without a volume there',
  severity: 'medium',
  description:
    "A container of the scanned image sets `readOnlyRootFilesystem: true`, and a path the image's process writes to has no writable volume mounted at or above it. The image says where it writes in two ways shipgate can read without running it: the `VOLUME`s its configuration declares, and programs in its entrypoint or command that write to fixed paths at start (nginx: /var/cache/nginx and /var/run; httpd: /usr/local/apache2/logs; postgres: /var/run/postgresql; gunicorn: /tmp; redis-server: its working directory, the container's `workingDir` or else the image's `WORKDIR`).",
  rationale:
    'With a read-only root the write fails ("Read-only file system") and the container crashes or loops, although the image and the manifest each pass on their own. Declared volumes are not mounted by Kubernetes: whether an anonymous one appears depends on the container runtime, and its data goes with the container.',
  fix: 'Mount an `emptyDir` (or a persistent volume) at each path: `volumeMounts: [{ name: cache, mountPath: /var/cache/nginx }]` with `volumes: [{ name: cache, emptyDir: {} }]`; keep `readOnlyRootFilesystem: true`.',
  tags: ['kubernetes', 'image', 'reliability', 'immutability'],
  hint: 'mount an emptyDir where the image writes',
  check({ file, options, report }) {
    const image = options.image;
    if (!image) return;
    for (const u of deploying(file.pods, image)) {
      const ro = own(u.pod, u.container, 'readOnlyRootFilesystem');
      if (ro.value !== true) continue;
      const dir = scalarAt(u.container.node, 'workingDir', u.pod.object.doc);
      const paths = writes(image, typeof dir === 'string' && dir ? dir : image.workingDir || '/');
      const mounts = writableMounts(u.pod, u.container);
      for (const w of paths) {
        const p = normalPath(w.path);
        if (mounts.some((m) => m === '/' || p === m || p.startsWith(`${m}/`))) continue;
        report({
          pod: u.pod,
          container: u.container,
          ...(ro.pair ? { at: ro.pair } : {}),
          key: w.path,
          image: imageOf(image),
          message: `${subject(u.pod, u.container)} has a read-only root filesystem, but the scanned image ${imageName(image)} writes to ${w.path} (${w.why}) and no writable volume is mounted there.`,
        });
      }
    }
  },
});

export const crossCheckRules: Rule[] = [nonRootImageRoot, notScannedDigest, readOnlyRootWrites];
