/** The SG-K8S best-practice rules: each fires on its bad case and stays quiet on its good one; inheritance; locations. */
import { describe, expect, it } from 'vitest';
import { deployment, HARDENED_CONTAINER, HARDENED_POD, ids, lint } from './helpers';

const hardened = (over: { pod?: string; container?: string; meta?: string; template?: string } = {}) =>
  deployment({
    pod: over.pod?.includes('automountServiceAccountToken') ? over.pod : `${HARDENED_POD}\n${over.pod ?? ''}`,
    container: over.container ?? HARDENED_CONTAINER,
    ...(over.meta ? { meta: over.meta } : {}),
    ...(over.template ? { template: over.template } : {}),
  });
const withSc = (extra: string) =>
  HARDENED_CONTAINER.replace('securityContext:\n', `securityContext:\n  ${extra}\n`);

describe('manifest rules', () => {
  it('a hardened Deployment has no findings', () => {
    expect(ids(hardened())).toEqual([]);
  });

  it('a bare Deployment gets every missing-field rule', () => {
    expect(ids(deployment())).toEqual([
      'SG-K8S-001',
      'SG-K8S-004',
      'SG-K8S-005',
      'SG-K8S-008',
      'SG-K8S-015',
      'SG-K8S-019',
      'SG-K8S-020',
      'SG-K8S-021',
      'SG-K8S-022',
      'SG-K8S-023',
    ]);
  });

  const cases: {
    rule: string;
    bad: Parameters<typeof hardened>[0];
    good?: Parameters<typeof hardened>[0];
  }[] = [
    {
      rule: 'SG-K8S-001',
      bad: { container: HARDENED_CONTAINER.replace('runAsNonRoot: true', 'runAsNonRoot: false') },
      good: {
        container: HARDENED_CONTAINER.replace('  runAsNonRoot: true\n', ''),
        pod: 'securityContext: { runAsNonRoot: true }',
      },
    },
    {
      rule: 'SG-K8S-002',
      bad: { container: withSc('runAsUser: 0') },
      good: { container: withSc('runAsUser: 1000') },
    },
    {
      rule: 'SG-K8S-002',
      bad: { pod: 'securityContext: { runAsUser: 0 }' },
      good: { pod: 'securityContext: { runAsUser: 0 }', container: withSc('runAsUser: 10001') },
    },
    {
      rule: 'SG-K8S-003',
      bad: { container: withSc('privileged: true') },
      good: { container: withSc('privileged: false') },
    },
    {
      rule: 'SG-K8S-004',
      bad: {
        container: HARDENED_CONTAINER.replace(
          'allowPrivilegeEscalation: false',
          'allowPrivilegeEscalation: true',
        ),
      },
    },
    { rule: 'SG-K8S-005', bad: { container: HARDENED_CONTAINER.replace('drop: [ALL]', 'drop: [NET_RAW]') } },
    {
      rule: 'SG-K8S-006',
      bad: { container: HARDENED_CONTAINER.replace('drop: [ALL]', 'drop: [ALL], add: [SYS_NICE]') },
      good: {
        container: HARDENED_CONTAINER.replace('drop: [ALL]', 'drop: [ALL], add: [NET_BIND_SERVICE, CHOWN]'),
      },
    },
    {
      rule: 'SG-K8S-007',
      bad: { container: HARDENED_CONTAINER.replace('drop: [ALL]', 'drop: [ALL], add: [CAP_SYS_ADMIN]') },
      good: { container: HARDENED_CONTAINER.replace('drop: [ALL]', 'drop: [ALL], add: [SYS_NICE]') },
    },
    {
      rule: 'SG-K8S-008',
      bad: {
        container: HARDENED_CONTAINER.replace(
          'readOnlyRootFilesystem: true',
          'readOnlyRootFilesystem: false',
        ),
      },
    },
    { rule: 'SG-K8S-009', bad: { pod: 'hostNetwork: true' }, good: { pod: 'hostNetwork: false' } },
    { rule: 'SG-K8S-010', bad: { pod: 'hostPID: true' } },
    { rule: 'SG-K8S-011', bad: { pod: 'hostIPC: true' } },
    {
      rule: 'SG-K8S-012',
      bad: { pod: 'volumes: [{ name: logs, hostPath: { path: /var/log } }]' },
      good: { pod: 'volumes: [{ name: tmp, emptyDir: {} }]' },
    },
    {
      rule: 'SG-K8S-013',
      bad: { pod: 'volumes: [{ name: d, hostPath: { path: /run/containerd/containerd.sock } }]' },
      good: { pod: 'volumes: [{ name: logs, hostPath: { path: /var/log } }]' },
    },
    {
      rule: 'SG-K8S-014',
      bad: { container: `${HARDENED_CONTAINER}\nports: [{ containerPort: 80, hostPort: 8080 }]` },
      good: { container: `${HARDENED_CONTAINER}\nports: [{ containerPort: 80, hostPort: 0 }]` },
    },
    {
      rule: 'SG-K8S-015',
      bad: {
        container: HARDENED_CONTAINER.replace('RuntimeDefault', 'Unconfined'),
        pod: 'securityContext: { seccompProfile: { type: RuntimeDefault } }',
      },
      good: {
        container: HARDENED_CONTAINER.replace('  seccompProfile: { type: RuntimeDefault }\n', ''),
        pod: 'securityContext: { seccompProfile: { type: Localhost, localhostProfile: p.json } }',
      },
    },
    {
      rule: 'SG-K8S-016',
      bad: { template: 'annotations: { container.apparmor.security.beta.kubernetes.io/app: unconfined }' },
      good: {
        template: 'annotations: { container.apparmor.security.beta.kubernetes.io/app: runtime/default }',
      },
    },
    {
      rule: 'SG-K8S-016',
      bad: { container: withSc('appArmorProfile: { type: Unconfined }') },
      good: { container: withSc('appArmorProfile: { type: RuntimeDefault }') },
    },
    {
      rule: 'SG-K8S-017',
      bad: { container: withSc('procMount: Unmasked') },
      good: { container: withSc('procMount: Default') },
    },
    {
      rule: 'SG-K8S-018',
      bad: { pod: 'securityContext: { sysctls: [{ name: kernel.msgmax, value: "65536" }] }' },
      good: { pod: 'securityContext: { sysctls: [{ name: net.ipv4.tcp_syncookies, value: "1" }] }' },
    },
    { rule: 'SG-K8S-019', bad: { container: HARDENED_CONTAINER.replace('cpu: 100m, ', '') } },
    { rule: 'SG-K8S-020', bad: { container: HARDENED_CONTAINER.replace('cpu: 200m, ', '') } },
    { rule: 'SG-K8S-021', bad: { container: HARDENED_CONTAINER.replace(', memory: 64Mi', '') } },
    { rule: 'SG-K8S-022', bad: { container: HARDENED_CONTAINER.replace(', memory: 128Mi', '') } },
    { rule: 'SG-K8S-023', bad: { pod: 'automountServiceAccountToken: true' } },
  ];

  for (const [i, c] of cases.entries())
    it(`${c.rule} #${i + 1}: fires on the bad case${c.good ? ' and not on the good one' : ''}`, () => {
      expect(ids(hardened(c.bad))).toContain(c.rule);
      if (c.good) expect(ids(hardened(c.good))).not.toContain(c.rule);
    });

  it('image rules: digest, latest, pull policy, allowed registries', () => {
    const image = (ref: string, extra = '') =>
      hardened().replace(/image: \S+/, `image: ${ref}${extra ? `\n          ${extra}` : ''}`);
    expect(ids(image('nginx:1.27'))).toEqual(['SG-K8S-024', 'SG-K8S-027']);
    expect(ids(image('nginx'))).toEqual(['SG-K8S-024', 'SG-K8S-025']);
    expect(ids(image('nginx:latest', 'imagePullPolicy: IfNotPresent'))).toEqual([
      'SG-K8S-024',
      'SG-K8S-025',
      'SG-K8S-027',
    ]);
    expect(ids(image('nginx:1.27', 'imagePullPolicy: Always'))).toEqual(['SG-K8S-024']);
    expect(ids(image(`nginx@sha256:${'b'.repeat(64)}`, 'imagePullPolicy: IfNotPresent'))).toEqual([]);
    const allowed = { allowedRegistries: ['ghcr.io/org', '*.dkr.ecr.*.amazonaws.com'] };
    expect(ids(hardened(), allowed)).toEqual([]);
    expect(ids(image(`1234.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:${'c'.repeat(64)}`), allowed)).toEqual(
      [],
    );
    expect(ids(image(`ghcr.io/other/app@sha256:${'c'.repeat(64)}`), allowed)).toEqual(['SG-K8S-026']);
    expect(ids(image(`nginx@sha256:${'c'.repeat(64)}`), allowed)).toEqual(['SG-K8S-026']);
  });

  it('a container setting overrides the pod one, both ways', () => {
    const podTrue = hardened({
      pod: 'securityContext: { runAsNonRoot: true }',
      container: HARDENED_CONTAINER.replace('runAsNonRoot: true', 'runAsNonRoot: false'),
    });
    const f = lint(podTrue).find((x) => x.ruleId === 'SG-K8S-001');
    expect(f?.message).toBe("container 'app' of Deployment 'web' sets runAsNonRoot: false.");
    const podFalse = hardened({ pod: 'securityContext: { runAsNonRoot: false }' });
    expect(ids(podFalse)).not.toContain('SG-K8S-001');
    const inherited = hardened({
      pod: 'securityContext: { runAsNonRoot: false }',
      container: HARDENED_CONTAINER.replace('  runAsNonRoot: true\n', ''),
    });
    expect(lint(inherited).find((x) => x.ruleId === 'SG-K8S-001')?.message).toContain('(pod level)');
  });

  it('checks init and ephemeral containers too', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  automountServiceAccountToken: false
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext: { privileged: true }
  containers: []
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      securityContext: { capabilities: { add: [SYS_PTRACE] } }
`;
    const found = lint(text).filter((f) => f.ruleId === 'SG-K8S-003' || f.ruleId === 'SG-K8S-007');
    expect(found.map((f) => [f.ruleId, f.properties?.container, f.location?.startLine])).toEqual([
      ['SG-K8S-003', 'init', 9],
      ['SG-K8S-007', 'debug', 14],
    ]);
    expect(found[1]?.message).toBe("ephemeral container 'debug' of Pod 'p' adds capability SYS_PTRACE.");
  });

  it('points at the exact field, or at the container when the field is missing', () => {
    const text = hardened({ container: withSc('privileged: true') });
    const lines = text.split('\n');
    const priv = lint(text).find((f) => f.ruleId === 'SG-K8S-003')!;
    const line = lines.findIndex((l) => l.includes('privileged: true')) + 1;
    expect(priv.location).toMatchObject({
      startLine: line,
      startColumn: lines[line - 1]!.indexOf('privileged') + 1,
      endLine: line,
      endColumn: lines[line - 1]!.indexOf('true') + 5,
      snippet: lines[line - 1],
    });
    const missing = lint(deployment()).find((f) => f.ruleId === 'SG-K8S-001')!;
    const containerLine =
      deployment()
        .split('\n')
        .findIndex((l) => l.includes('- name: app')) + 1;
    expect(missing.location).toMatchObject({ startLine: containerLine, startColumn: 11 });
  });

  it('fingerprints survive edits elsewhere in the file', () => {
    const a = lint(deployment()).map((f) => f.fingerprint);
    const b = lint(`# a comment\n${deployment({ meta: 'labels: { team: x }' })}`).map((f) => f.fingerprint);
    expect(new Set(b)).toEqual(new Set(a));
    expect(new Set(a).size).toBe(a.length);
  });
});
