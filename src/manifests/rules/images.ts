import { registryAllowed } from '../../oci/allow-list';
import { parseReference } from '../../oci/ref';
import { defineRule, subject, type Rule } from '../rule';
import type { Container, PodTarget } from '../types';
import { pairOf, scalarAt } from '../yaml-nodes';

interface ImageUse {
  pod: PodTarget;
  container: Container;
  image: string;
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  at: NonNullable<ReturnType<typeof pairOf>>;
}

function images(pods: readonly PodTarget[]): ImageUse[] {
  const out: ImageUse[] = [];
  for (const pod of pods)
    for (const c of pod.containers) {
      const image = scalarAt(c.node, 'image', pod.object.doc);
      const at = pairOf(c.node, 'image');
      // Helm leaves unrendered values empty; an image with template syntax is not a reference yet.
      if (typeof image !== 'string' || !image.trim() || !at || /[{}$]/.test(image)) continue;
      const ref = parseReference(image, { lenient: true });
      out.push({
        pod,
        container: c,
        image,
        registry: ref.registry,
        repository: ref.repository,
        ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
        ...(ref.digest !== undefined ? { digest: ref.digest } : {}),
        at,
      });
    }
  return out;
}

const notDigest = defineRule({
  id: 'SG-K8S-024',
  title: 'Image referenced by tag, not by digest',
  severity: 'low',
  description: 'A container image is referenced without `@sha256:...`.',
  rationale:
    'A tag can be moved to other content at any time: what runs is not necessarily what was scanned and approved, and two nodes may run different images. A digest names exactly one image; admission policies that verify signatures work on digests.',
  fix: 'Pin the image: `ghcr.io/org/app:1.4.2@sha256:<digest>` (the tag stays readable, the digest decides). Renovate and Dependabot keep digests current.',
  tags: ['security', 'kubernetes', 'supply-chain'],
  equivalents: { checkov: ['CKV_K8S_43'] },
  hint: 'reference the image by digest (`image@sha256:...`)',
  check({ file, report }) {
    for (const u of images(file.pods))
      if (!u.digest)
        report({
          pod: u.pod,
          container: u.container,
          at: u.at,
          message: `${subject(u.pod, u.container)} uses image ${u.image} without a digest.`,
        });
  },
});

const latest = defineRule({
  id: 'SG-K8S-025',
  title: 'Image tag is latest or missing',
  severity: 'medium',
  description: 'A container image has no tag and no digest, or its tag is `latest`, without a digest.',
  rationale:
    '`latest` (which a missing tag means) changes whenever someone pushes: deployments are not reproducible, rollbacks do not roll back, and the image that runs was never reviewed.',
  fix: 'Use a version tag and pin its digest: `nginx:1.27.2@sha256:<digest>`.',
  tags: ['security', 'kubernetes', 'supply-chain', 'reproducibility'],
  equivalents: {
    trivy: ['KSV013', 'AVD-KSV-0013'],
    checkov: ['CKV_K8S_14'],
    kubeScore: ['container-image-tag'],
  },
  hint: 'use a fixed version tag (and a digest)',
  check({ file, report }) {
    for (const u of images(file.pods)) {
      if (u.digest || (u.tag && u.tag !== 'latest')) continue;
      report({
        pod: u.pod,
        container: u.container,
        at: u.at,
        message: `${subject(u.pod, u.container)} uses image ${u.image}${u.tag ? '' : ' (no tag: latest)'}.`,
      });
    }
  },
});

const registry = defineRule({
  id: 'SG-K8S-026',
  title: 'Image from a registry outside the allow-list',
  severity: 'high',
  description:
    'A container image comes from a registry that `manifests.allowed-registries` in the policy does not list (the rule runs only when the list is set).',
  rationale:
    'Images from arbitrary registries skip the scanning, signing and mirroring that the allowed registries guarantee; admission policies generated from the same list would refuse the pod in the cluster.',
  fix: 'Mirror the image into an allowed registry and reference the mirrored copy.',
  tags: ['security', 'kubernetes', 'supply-chain'],
  hint: 'use an image from an allowed registry',
  check({ file, options, report }) {
    const allowed = options.allowedRegistries;
    if (!allowed?.length) return;
    for (const u of images(file.pods)) {
      if (!registryAllowed(allowed, u))
        report({
          pod: u.pod,
          container: u.container,
          at: u.at,
          message: `${subject(u.pod, u.container)} uses image ${u.image} from ${u.registry}, which is not an allowed registry (${allowed.join(', ')}).`,
        });
    }
  },
});

const pullPolicy = defineRule({
  id: 'SG-K8S-027',
  title: 'Mutable image tag without imagePullPolicy: Always',
  severity: 'low',
  description:
    'A container image is referenced by a tag without a digest and `imagePullPolicy` is not `Always` (an explicit `IfNotPresent` or `Never`, or unset with a tag other than `latest`).',
  rationale:
    'With a mutable tag and `IfNotPresent`, each node keeps whatever it pulled first: nodes run different images under one name, and a fixed image never reaches nodes that already have the tag.',
  fix: 'Pin the image by digest (then any pull policy is exact), or set `imagePullPolicy: Always`.',
  tags: ['kubernetes', 'supply-chain', 'reproducibility'],
  equivalents: { checkov: ['CKV_K8S_15'], kubeScore: ['container-image-pull-policy'] },
  hint: 'pin the digest or set `imagePullPolicy: Always`',
  check({ file, report }) {
    for (const u of images(file.pods)) {
      if (u.digest) continue;
      const policy = scalarAt(u.container.node, 'imagePullPolicy', u.pod.object.doc);
      // Kubernetes defaults to Always for `latest` and untagged images.
      const effective = policy ?? (!u.tag || u.tag === 'latest' ? 'Always' : 'IfNotPresent');
      if (effective === 'Always') continue;
      const pair = pairOf(u.container.node, 'imagePullPolicy');
      report({
        pod: u.pod,
        container: u.container,
        at: pair ?? u.at,
        message: `${subject(u.pod, u.container)} pulls the mutable tag ${u.image} with imagePullPolicy ${String(effective)}${policy === undefined ? ' (the default)' : ''}.`,
      });
    }
  },
});

export const imageRules: Rule[] = [notDigest, latest, registry, pullPolicy];
