/** Cross-checks of the manifests against the image scanned in the same run (rules that need `options.image`). */
import { parseReference } from '../../oci/ref';
import type { ScannedImage } from '../options';
import { defineRule, subject, type Rule } from '../rule';
import { effective } from '../security-context';
import type { Container, PodTarget } from '../types';
import { pairOf, scalarAt } from '../yaml-nodes';

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
    const root = user === '' || user === 'root' || user === '0';
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

export const crossCheckRules: Rule[] = [nonRootImageRoot, notScannedDigest];
