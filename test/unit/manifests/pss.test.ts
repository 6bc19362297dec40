/**
 * The Pod Security Standards field tables (https://kubernetes.io/docs/concepts/security/pod-security-standards/)
 * as table tests: for every restricted field, each allowed value passes and each forbidden value is reported by
 * that control, at the level the table belongs to, and not below it.
 */
import { describe, expect, it } from 'vitest';
import { lintManifests, type PssLevel } from '../../../src/manifests/index';
import { PSS_CONTROLS } from '../../../src/manifests/pss';

/** A pod that passes restricted, with `pod` merged into its spec and `container` into its container. */
function pod(
  opts: { pod?: string; container?: string; sc?: string; podSc?: string; annotations?: string } = {},
): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations: { ${opts.annotations ?? ''} }
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: { type: RuntimeDefault }
    ${opts.podSc ?? ''}
  ${opts.pod ?? ''}
  containers:
    - name: app
      image: app:1
      ${opts.container ?? ''}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: { drop: [ALL] }
        ${opts.sc ?? ''}
`;
}

function pssIds(text: string, level: PssLevel): string[] {
  return [
    ...new Set(
      lintManifests({ path: 'p.yaml', content: text }, { pss: level })
        .findings.filter((f) => /^SG-K8S-1\d\d$/.test(f.ruleId))
        .map((f) => f.ruleId),
    ),
  ].sort();
}

interface Row {
  control: string;
  forbidden: Parameters<typeof pod>[0][];
  allowed: Parameters<typeof pod>[0][];
}

const BASELINE: Row[] = [
  {
    control: 'SG-K8S-101',
    forbidden: [
      { podSc: 'windowsOptions: { hostProcess: true }' },
      { sc: 'windowsOptions: { hostProcess: true }' },
    ],
    allowed: [{ podSc: 'windowsOptions: { hostProcess: false }' }, {}],
  },
  {
    control: 'SG-K8S-102',
    forbidden: [{ pod: 'hostNetwork: true' }, { pod: 'hostPID: true' }, { pod: 'hostIPC: true' }],
    allowed: [{ pod: 'hostNetwork: false' }, { pod: 'hostPID: false' }, { pod: 'hostIPC: false' }, {}],
  },
  {
    control: 'SG-K8S-103',
    forbidden: [{ sc: 'privileged: true' }],
    allowed: [{ sc: 'privileged: false' }, {}],
  },
  {
    control: 'SG-K8S-104',
    forbidden: ['SYS_ADMIN', 'NET_RAW', 'NET_ADMIN', 'SYS_PTRACE', 'ALL'].map((c) => ({
      sc: `capabilities: { drop: [ALL], add: [${c}] }`,
    })),
    allowed: [
      'AUDIT_WRITE',
      'CHOWN',
      'DAC_OVERRIDE',
      'FOWNER',
      'FSETID',
      'KILL',
      'MKNOD',
      'NET_BIND_SERVICE',
      'SETFCAP',
      'SETGID',
      'SETPCAP',
      'SETUID',
      'SYS_CHROOT',
    ].map((c) => ({ sc: `capabilities: { drop: [ALL], add: [${c}] }` })),
  },
  {
    control: 'SG-K8S-105',
    forbidden: [{ pod: 'volumes: [{ name: h, hostPath: { path: /etc } }]' }],
    allowed: [{ pod: 'volumes: [{ name: t, emptyDir: {} }]' }],
  },
  {
    control: 'SG-K8S-106',
    forbidden: [{ container: 'ports: [{ containerPort: 80, hostPort: 80 }]' }],
    allowed: [
      { container: 'ports: [{ containerPort: 80, hostPort: 0 }]' },
      { container: 'ports: [{ containerPort: 80 }]' },
    ],
  },
  {
    control: 'SG-K8S-107',
    forbidden: [
      { podSc: 'appArmorProfile: { type: Unconfined }' },
      { sc: 'appArmorProfile: { type: Unconfined }' },
      { annotations: 'container.apparmor.security.beta.kubernetes.io/app: unconfined' },
    ],
    allowed: [
      { podSc: 'appArmorProfile: { type: RuntimeDefault }' },
      { sc: 'appArmorProfile: { type: Localhost, localhostProfile: k8s-apparmor }' },
      { annotations: 'container.apparmor.security.beta.kubernetes.io/app: runtime/default' },
      { annotations: 'container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-apparmor' },
    ],
  },
  {
    control: 'SG-K8S-108',
    forbidden: [
      { podSc: 'seLinuxOptions: { type: spc_t }' },
      { sc: 'seLinuxOptions: { user: system_u }' },
      { sc: 'seLinuxOptions: { role: system_r }' },
    ],
    allowed: ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t', '""']
      .map((t) => ({ sc: `seLinuxOptions: { type: ${t} }` }))
      .concat([{ sc: 'seLinuxOptions: { level: "s0:c123,c456" }' }]),
  },
  {
    control: 'SG-K8S-109',
    forbidden: [{ sc: 'procMount: Unmasked' }],
    allowed: [{ sc: 'procMount: Default' }, {}],
  },
  {
    control: 'SG-K8S-110',
    forbidden: [{ sc: 'seccompProfile: { type: Unconfined }' }],
    allowed: [
      { sc: 'seccompProfile: { type: Localhost, localhostProfile: p.json }' },
      { sc: 'seccompProfile: { type: RuntimeDefault }' },
    ],
  },
  {
    control: 'SG-K8S-111',
    forbidden: [
      { podSc: 'sysctls: [{ name: kernel.msgmax, value: "1" }]' },
      { podSc: 'sysctls: [{ name: net.core.somaxconn, value: "1" }]' },
    ],
    allowed: [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.ip_unprivileged_port_start',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
      'net.ipv4.ip_local_reserved_ports',
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ].map((n) => ({ podSc: `sysctls: [{ name: ${n}, value: "1" }]` })),
  },
];

const RESTRICTED: Row[] = [
  {
    control: 'SG-K8S-121',
    forbidden: [
      'gcePersistentDisk: { pdName: d }',
      'nfs: { server: s, path: / }',
      'gitRepo: { repository: r }',
      'cephfs: { monitors: [m] }',
      'hostPath: { path: /x }',
    ].map((v) => ({
      pod: `volumes: [{ name: v, ${v} }]`,
    })),
    allowed: [
      'configMap: { name: c }',
      'csi: { driver: d }',
      'downwardAPI: {}',
      'emptyDir: {}',
      'ephemeral: {}',
      'persistentVolumeClaim: { claimName: c }',
      'projected: {}',
      'secret: { secretName: s }',
    ].map((v) => ({
      pod: `volumes: [{ name: v, ${v} }]`,
    })),
  },
  {
    control: 'SG-K8S-122',
    forbidden: [{ sc: 'allowPrivilegeEscalation: true' }],
    allowed: [{}, { pod: 'os: { name: windows }' }],
  },
  {
    control: 'SG-K8S-123',
    forbidden: [{ sc: 'runAsNonRoot: false' }],
    allowed: [{}, { sc: 'runAsNonRoot: true' }],
  },
  {
    control: 'SG-K8S-124',
    forbidden: [{ podSc: 'runAsUser: 0' }, { sc: 'runAsUser: 0' }],
    allowed: [{ podSc: 'runAsUser: 1000' }, { sc: 'runAsUser: 65534' }, {}],
  },
  {
    control: 'SG-K8S-125',
    forbidden: [{ sc: 'seccompProfile: { type: Unconfined }' }],
    allowed: [{}, { sc: 'seccompProfile: { type: Localhost, localhostProfile: p.json }' }],
  },
  {
    control: 'SG-K8S-126',
    forbidden: [
      { sc: 'capabilities: { drop: [NET_RAW] }' },
      { sc: 'capabilities: { drop: [ALL], add: [CHOWN] }' },
    ],
    allowed: [{ sc: 'capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }' }],
  },
];

/** Replaces the base pod's container securityContext lines that a row's own `sc` redefines (YAML keeps the first key). */
function build(opts: Parameters<typeof pod>[0]): string {
  let text = pod(opts);
  if (opts?.sc?.startsWith('capabilities'))
    text = text.replace('        capabilities: { drop: [ALL] }\n', '');
  if (opts?.sc?.startsWith('allowPrivilegeEscalation'))
    text = text.replace('        allowPrivilegeEscalation: false\n', '');
  return text;
}

describe('Pod Security Standards', () => {
  it('the base pod passes restricted', () => {
    expect(pssIds(build({}), 'restricted')).toEqual([]);
  });

  it('runs no control without a level', () => {
    const text = build({ pod: 'hostNetwork: true' });
    expect(
      lintManifests({ path: 'p.yaml', content: text }).findings.filter((f) =>
        f.ruleId.startsWith('SG-K8S-1'),
      ),
    ).toEqual([]);
  });

  for (const [level, rows] of [
    ['baseline', BASELINE],
    ['restricted', RESTRICTED],
  ] as const)
    for (const row of rows)
      it(`${level} ${row.control}: every forbidden value is reported, every allowed value passes`, () => {
        for (const f of row.forbidden) {
          // At its own level a forbidden value is reported by this control (and only by this control at baseline).
          if (level === 'baseline') expect([f, pssIds(build(f), 'baseline')]).toEqual([f, [row.control]]);
          expect([f, pssIds(build(f), 'restricted').includes(row.control)]).toEqual([f, true]);
          if (level === 'restricted')
            expect([f, pssIds(build(f), 'baseline').includes(row.control)]).toEqual([f, false]);
        }
        for (const a of row.allowed) expect([a, pssIds(build(a), level)]).toEqual([a, []]);
      });

  it('restricted requires runAsNonRoot and seccomp on the pod or on every container', () => {
    const bare = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: a:1\n      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] }, runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }\n    - name: b\n      image: b:1\n      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }\n`;
    const found = lintManifests({ path: 'p.yaml', content: bare }, { pss: 'restricted' }).findings.filter(
      (f) => f.ruleId.startsWith('SG-K8S-1'),
    );
    expect(found.map((f) => [f.ruleId, f.properties?.container])).toEqual([
      ['SG-K8S-123', 'b'],
      ['SG-K8S-125', 'b'],
    ]);
  });

  it('has one control per row of both tables, each documented with its fields and allowed values', () => {
    expect(PSS_CONTROLS.map((c) => c.id)).toEqual([...BASELINE, ...RESTRICTED].map((r) => r.control));
    for (const c of PSS_CONTROLS) {
      expect(c.fields).toMatch(/^spec\.|metadata\./);
      expect(c.allowed.length).toBeGreaterThan(3);
    }
  });
});
