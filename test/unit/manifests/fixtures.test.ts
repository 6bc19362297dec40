/**
 * Expected findings on real public manifests (Kubernetes website examples, provenance in
 * test/fixtures/manifests/kubernetes-website/README.md) and on hand-written ones, with the restricted Pod
 * Security Standard on. Each list was checked by hand against the manifest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintManifests } from '../../../src/manifests/index';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'manifests');

/** What every website example lacks: non-root, drop ALL, read-only root, resources, token, digest. */
const UNHARDENED = [
  'SG-K8S-001',
  'SG-K8S-005',
  'SG-K8S-008',
  'SG-K8S-019',
  'SG-K8S-020',
  'SG-K8S-021',
  'SG-K8S-022',
  'SG-K8S-023',
  'SG-K8S-024',
];
/** And what restricted refuses in all of them. */
const RESTRICTED_ALWAYS = ['SG-K8S-123', 'SG-K8S-126'];
/** No allowPrivilegeEscalation: false and no seccomp profile. */
const NO_APE_NO_SECCOMP = ['SG-K8S-004', 'SG-K8S-015', 'SG-K8S-122', 'SG-K8S-125'];

const EXPECTED: Record<string, string[]> = {
  'kubernetes-website/controllers-fluentd-daemonset.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-012',
    'SG-K8S-027',
    'SG-K8S-105',
    'SG-K8S-121',
  ],
  'kubernetes-website/controllers-frontend.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-027',
  ],
  'kubernetes-website/controllers-job.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-025',
  ],
  'kubernetes-website/controllers-statefulset.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-027',
  ],
  'kubernetes-website/pods-security-hello-apparmor.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-027',
  ],
  'kubernetes-website/pods-security-seccomp-ga-default-pod.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    'SG-K8S-027',
  ],
  'kubernetes-website/pods-security-seccomp-ga-violation-pod.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    'SG-K8S-027',
  ],
  'kubernetes-website/pods-security-security-context-2.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    'SG-K8S-015',
    'SG-K8S-027',
    'SG-K8S-125',
  ],
  'kubernetes-website/pods-security-security-context-3.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-027',
  ],
  'kubernetes-website/pods-security-security-context-4.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-006',
    'SG-K8S-007',
    'SG-K8S-027',
    'SG-K8S-104',
  ],
  'kubernetes-website/pods-security-security-context-5.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    'SG-K8S-015',
    'SG-K8S-027',
    'SG-K8S-125',
  ],
  'kubernetes-website/pods-security-security-context-6.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    'SG-K8S-015',
    'SG-K8S-027',
    'SG-K8S-125',
  ],
  'kubernetes-website/pods-security-security-context.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    'SG-K8S-015',
    'SG-K8S-027',
    'SG-K8S-125',
  ],
  'shipgate/hardened.yaml': [],
  'shipgate/helm-rendered.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-002',
    'SG-K8S-003',
    'SG-K8S-006',
    'SG-K8S-007',
    'SG-K8S-010',
    'SG-K8S-014',
    'SG-K8S-025',
    'SG-K8S-027',
    'SG-K8S-102',
    'SG-K8S-103',
    'SG-K8S-104',
    'SG-K8S-106',
    'SG-K8S-124',
  ],
  'shipgate/insecure-deployment.yaml': [
    ...UNHARDENED,
    ...RESTRICTED_ALWAYS,
    ...NO_APE_NO_SECCOMP,
    'SG-K8S-002',
    'SG-K8S-003',
    'SG-K8S-006',
    'SG-K8S-007',
    'SG-K8S-009',
    'SG-K8S-010',
    'SG-K8S-011',
    'SG-K8S-012',
    'SG-K8S-013',
    'SG-K8S-014',
    'SG-K8S-016',
    'SG-K8S-017',
    'SG-K8S-018',
    'SG-K8S-025',
    'SG-K8S-027',
    'SG-K8S-102',
    'SG-K8S-103',
    'SG-K8S-104',
    'SG-K8S-105',
    'SG-K8S-106',
    'SG-K8S-107',
    'SG-K8S-109',
    'SG-K8S-110',
    'SG-K8S-111',
    'SG-K8S-121',
    'SG-K8S-124',
  ],
};

describe('manifest fixtures', () => {
  for (const [file, expected] of Object.entries(EXPECTED))
    it(file, () => {
      const { findings } = lintManifests(
        { path: file, content: readFileSync(join(ROOT, file), 'utf8') },
        { pss: 'restricted' },
      );
      expect([...new Set(findings.map((f) => f.ruleId))].sort()).toEqual([...new Set(expected)].sort());
    });
});
