/**
 * The workload half of `shipgate policy admission`: Kyverno podSecurity and registry rules, Gatekeeper
 * ConstraintTemplate/Constraint pairs and Pod Security Admission labels, in enforce and audit mode. Every
 * object validates against its CRD schema (test/fixtures/k8s-crds); a Constraint, whose CRD Gatekeeper
 * generates from its template, against the template's parameter schema plus the fields Gatekeeper adds
 * (`match`, `enforcementAction`). Whether the Rego decides right is the oracle tier's business
 * (test/oracle/admission-rego.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  admissionPlan,
  gatekeeperObjects,
  kyvernoWorkloadPolicies,
  renderAdmission,
  type AdmissionOptions,
  type WorkloadSpec,
} from '../../../src/admission/index';
import { run } from '../../../src/cli/commands/policy';
import { formatError, ShipgateError } from '../../../src/core/errors';
import { imageAllowed } from '../../../src/oci/allow-list';

const CRDS = join(__dirname, '..', '..', 'fixtures', 'k8s-crds');

function validator(schema: unknown): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int-or-string', true);
  return ajv.compile(schema as object);
}
const crd = (file: string) => validator(JSON.parse(readFileSync(join(CRDS, file), 'utf8')));
const kyvernoCluster = crd('kyverno.io_clusterpolicy_v1.json');
const kyvernoNamespaced = crd('kyverno.io_policy_v1.json');
const constraintTemplate = crd('templates.gatekeeper.sh_constrainttemplate_v1.json');

/** The constraint CRD Gatekeeper generates for a template: its parameters plus `match` and `enforcementAction`. */
function constraintValidator(template: Record<string, any>): ValidateFunction {
  const strings = { type: 'array', items: { type: 'string' } };
  return validator({
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: { const: 'constraints.gatekeeper.sh/v1beta1' },
      kind: { const: template.spec.crd.spec.names.kind },
      metadata: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' } },
      },
      spec: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enforcementAction: { enum: ['deny', 'dryrun', 'warn'] },
          match: {
            type: 'object',
            additionalProperties: false,
            properties: {
              kinds: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: { apiGroups: strings, kinds: strings },
                },
              },
              namespaces: strings,
              excludedNamespaces: strings,
              scope: { enum: ['*', 'Cluster', 'Namespaced'] },
            },
          },
          parameters: { ...template.spec.crd.spec.validation.openAPIV3Schema, additionalProperties: false },
        },
      },
    },
  });
}

function errors(v: ValidateFunction, o: unknown): string {
  return v(o) ? '' : JSON.stringify(v.errors?.slice(0, 3));
}

const spec = (over: Partial<WorkloadSpec> = {}): WorkloadSpec => ({
  name: 'shipgate',
  pss: 'restricted',
  pssVersion: 'latest',
  registries: ['ghcr.io/acme', '*.dkr.ecr.*.amazonaws.com', 'docker.io/library'],
  mode: 'enforce',
  excludeNamespaces: [],
  ...over,
});

type Obj = Record<string, any>;

describe('Kyverno: podSecurity and the registry allow-list', () => {
  it('validates against the ClusterPolicy and Policy CRDs, in both modes and at both levels', () => {
    for (const mode of ['enforce', 'audit'] as const)
      for (const pss of ['baseline', 'restricted'] as const) {
        const policies = kyvernoWorkloadPolicies(spec({ mode, pss, excludeNamespaces: ['kube-system'] }));
        expect(policies).toHaveLength(2);
        for (const p of policies) {
          expect(errors(kyvernoCluster, p)).toBe('');
          expect(errors(kyvernoNamespaced, { ...p, kind: 'Policy' })).toBe('');
          expect((p.spec as Obj).validationFailureAction).toBe(mode === 'audit' ? 'Audit' : 'Enforce');
        }
        const rule = (policies[0]!.spec as Obj).rules[0];
        expect(rule.validate.podSecurity).toEqual({ level: pss, version: 'latest' });
        expect(rule.exclude.any[0].resources.namespaces).toEqual(['kube-system']);
      }
  });

  it('the registry rule denies exactly the images SG-K8S-026 reports', () => {
    const s = spec();
    const rule = (kyvernoWorkloadPolicies(s)[1]!.spec as Obj).rules[0];
    const each = rule.validate.foreach[0];
    expect(each.list).toBe('request.object.spec.[ephemeralContainers, initContainers, containers][]');
    const cond = each.deny.conditions.all[0];
    expect(cond).toMatchObject({ operator: 'Equals', value: false });
    const m = /^\{\{ regex_match\('([^']+)', to_lower\(element\.image\)\) \}\}$/.exec(cond.key as string);
    expect(m, cond.key).not.toBeNull();
    // Kyverno reads `{...}` inside `{{ }}` as a variable: the expression must not carry braces.
    expect(m![1]).not.toMatch(/[{}]/);
    const re = new RegExp(m![1]!);
    for (const image of [
      'ghcr.io/acme/app@sha256:' + 'a'.repeat(64),
      'ghcr.io/other/app:1',
      'nginx:1.27',
      'docker.io/nginx',
      'bitnami/redis:7',
      '1234.dkr.ecr.eu-west-1.amazonaws.com/app:2',
      'evil.io/x.dkr.ecr.y.amazonaws.com:1',
      'localhost/nginx',
    ])
      expect(re.test(image.toLowerCase()), image).toBe(imageAllowed(s.registries!, image));
  });

  it('leaves out what is not asked for', () => {
    expect(kyvernoWorkloadPolicies(spec({ registries: undefined! }))).toHaveLength(1);
    const { pss: _unused, ...noPss } = spec();
    expect(kyvernoWorkloadPolicies(noPss)).toHaveLength(1);
  });
});

describe('Gatekeeper: ConstraintTemplate and Constraint pairs', () => {
  it('templates validate against the CRD, constraints against what Gatekeeper generates from them', () => {
    for (const mode of ['enforce', 'audit'] as const) {
      const objects = gatekeeperObjects(spec({ mode, excludeNamespaces: ['kube-system'] }));
      expect(objects.map((o) => o.kind)).toEqual([
        'ConstraintTemplate',
        'ShipgatePodSecurity',
        'ConstraintTemplate',
        'ShipgateAllowedRegistries',
      ]);
      for (let i = 0; i < objects.length; i += 2) {
        const template = objects[i] as Obj;
        const constraint = objects[i + 1] as Obj;
        expect(errors(constraintTemplate, template)).toBe('');
        // Gatekeeper requires the template's name to be its kind, lowercased.
        expect(template.metadata.name).toBe(template.spec.crd.spec.names.kind.toLowerCase());
        expect(template.spec.targets[0].target).toBe('admission.k8s.gatekeeper.sh');
        expect(template.spec.targets[0].rego).toMatch(/^package [a-z]+\n/);
        expect(errors(constraintValidator(template), constraint)).toBe('');
        expect(constraint.spec.enforcementAction).toBe(mode === 'audit' ? 'dryrun' : 'deny');
        expect(constraint.spec.match.excludedNamespaces).toEqual(['kube-system']);
        expect(constraint.spec.match.kinds.flatMap((k: Obj) => k.kinds)).toEqual([
          'Pod',
          'ReplicationController',
          'Deployment',
          'StatefulSet',
          'DaemonSet',
          'ReplicaSet',
          'Job',
          'CronJob',
        ]);
      }
    }
  });

  it('the constraint validator is not vacuous', () => {
    const [template, constraint] = gatekeeperObjects(spec()) as Obj[];
    const v = constraintValidator(template!);
    expect(
      errors(v, { ...constraint, spec: { ...constraint!.spec, parameters: { level: 'strict' } } }),
    ).not.toBe('');
    expect(errors(v, { ...constraint, spec: { ...constraint!.spec, enforcementAction: 'block' } })).not.toBe(
      '',
    );
    expect(errors(constraintTemplate, { ...template, spec: { ...template!.spec, extra: 1 } })).not.toBe('');
  });
});

describe('shipgate policy admission for workloads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-admission-workload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function generate(args: string[]): Promise<{ text: string; objects: Obj[] }> {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
    expect(await run(['admission', ...args, '--output', out])).toBe(0);
    const text = readFileSync(out, 'utf8');
    const docs = parseAllDocuments(text);
    for (const d of docs) expect(d.errors).toEqual([]);
    return { text, objects: docs.map((d) => d.toJS() as Obj) };
  }

  async function usageError(args: string[]): Promise<string> {
    let err: unknown;
    try {
      await run(['admission', ...args]);
    } catch (e) {
      err = e;
    }
    expect(err, args.join(' ')).toBeInstanceOf(ShipgateError);
    expect((err as ShipgateError).code, args.join(' ')).toBe('USAGE');
    const line = formatError(err as ShipgateError);
    expect(line).not.toContain('\n');
    return line;
  }

  it('takes the level and the allow-list from the policy file, flags first', async () => {
    const policy = join(dir, 'shipgate.yaml');
    writeFileSync(
      policy,
      'version: 1\nmanifests:\n  pss: baseline\n  allowed-registries: [ghcr.io/acme, "*.dkr.ecr.*.amazonaws.com"]\n',
    );
    const fromFile = await generate(['--format', 'gatekeeper', '--config', policy, '--mode', 'audit']);
    expect(fromFile.objects.map((o) => o.kind)).toEqual([
      'ConstraintTemplate',
      'ShipgatePodSecurity',
      'ConstraintTemplate',
      'ShipgateAllowedRegistries',
    ]);
    expect(fromFile.objects[1]!.spec.parameters).toEqual({ level: 'baseline' });
    expect(fromFile.objects[1]!.spec.enforcementAction).toBe('dryrun');
    expect(fromFile.objects[3]!.spec.parameters.registries).toEqual([
      'ghcr.io/acme',
      '*.dkr.ecr.*.amazonaws.com',
    ]);
    expect(fromFile.text).toContain('# Audit mode: violations are reported, nothing is refused.');
    const flagged = await generate([
      '--format',
      'gatekeeper',
      '--config',
      policy,
      '--pss',
      'restricted',
      '--allowed-registry',
      'quay.io/acme',
    ]);
    expect(flagged.objects[1]!.spec.parameters).toEqual({ level: 'restricted' });
    expect(flagged.objects[3]!.spec.parameters.registries).toEqual(['quay.io/acme']);
    const none = await generate(['--format', 'gatekeeper', '--config', policy, '--pss', 'privileged']);
    expect(none.objects.map((o) => o.kind)).toEqual(['ConstraintTemplate', 'ShipgateAllowedRegistries']);
  });

  it('Kyverno: the signature policy and the workload policies in one stream, namespaced with --namespace', async () => {
    const { objects } = await generate([
      '--images',
      'ghcr.io/acme/*',
      '--github-repository',
      'acme/app',
      '--pss',
      'restricted',
      '--allowed-registry',
      'ghcr.io/acme',
      '--namespace',
      'prod',
    ]);
    expect(objects.map((o) => [o.kind, o.metadata.name, o.metadata.namespace])).toEqual([
      ['Policy', 'shipgate-signed-images', 'prod'],
      ['Policy', 'shipgate-pod-security-restricted', 'prod'],
      ['Policy', 'shipgate-allowed-registries', 'prod'],
    ]);
    for (const o of objects) expect(errors(kyvernoNamespaced, o)).toBe('');
    const audit = await generate([
      '--images',
      'ghcr.io/acme/*',
      '--github-repository',
      'acme/app',
      '--mode',
      'audit',
    ]);
    expect(audit.objects[0]!.spec.validationFailureAction).toBe('Audit');
    const pc = await generate([
      '--format',
      'policy-controller',
      '--images',
      'ghcr.io/acme/*',
      '--github-repository',
      'acme/app',
      '--mode',
      'audit',
    ]);
    expect(pc.objects[0]!.spec.mode).toBe('warn');
  });

  it('Pod Security Admission: a Namespace with enforce, audit and warn labels, or audit and warn only', async () => {
    const enforce = await generate(['--format', 'pss-labels', '--pss', 'restricted', '--namespace', 'prod']);
    expect(enforce.objects).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'prod',
          labels: {
            'pod-security.kubernetes.io/enforce': 'restricted',
            'pod-security.kubernetes.io/enforce-version': 'latest',
            'pod-security.kubernetes.io/audit': 'restricted',
            'pod-security.kubernetes.io/audit-version': 'latest',
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/warn-version': 'latest',
          },
        },
      },
    ]);
    expect(enforce.text).toContain(
      '# kubectl label --overwrite namespace prod pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=latest',
    );
    const audit = await generate([
      '--format',
      'pss-labels',
      '--pss',
      'baseline',
      '--pss-version',
      'v1.31',
      '--namespace',
      'prod',
      '--mode',
      'audit',
    ]);
    expect(Object.keys(audit.objects[0]!.metadata.labels)).toEqual([
      'pod-security.kubernetes.io/audit',
      'pod-security.kubernetes.io/audit-version',
      'pod-security.kubernetes.io/warn',
      'pod-security.kubernetes.io/warn-version',
    ]);
    expect(audit.objects[0]!.metadata.labels['pod-security.kubernetes.io/audit-version']).toBe('v1.31');
  });

  it('refuses what a format cannot enforce, with one-line USAGE errors', async () => {
    const gh = ['--images', 'x/*', '--github-repository', 'acme/app'];
    expect(await usageError(['--format', 'policy-controller', ...gh, '--pss', 'baseline'])).toContain(
      'signatures only',
    );
    expect(await usageError(['--format', 'gatekeeper', ...gh, '--pss', 'baseline'])).toContain('--format');
    expect(await usageError(['--format', 'gatekeeper'])).toContain('nothing to generate');
    expect(await usageError(['--format', 'gatekeeper', '--pss', 'baseline', '--namespace', 'a'])).toContain(
      'cluster-scoped',
    );
    expect(await usageError(['--format', 'pss-labels', '--pss', 'baseline'])).toContain('--namespace');
    expect(
      await usageError(['--format', 'pss-labels', '--allowed-registry', 'ghcr.io', '--namespace', 'a']),
    ).toContain('--pss level only');
    expect(await usageError(['--format', 'gatekeeper', '--pss', 'strict'])).toContain('--pss');
    expect(
      await usageError(['--format', 'gatekeeper', '--pss', 'baseline', '--pss-version', '1.31']),
    ).toContain('--pss-version');
    expect(await usageError(['--format', 'gatekeeper', '--allowed-registry', "ghcr.io/a'b"])).toContain(
      'REGISTRY[/PATH]',
    );
    expect(await usageError(['--format', 'gatekeeper', '--pss', 'baseline', '--mode', 'warn'])).toContain(
      '--mode',
    );
    expect(
      await usageError(['--format', 'gatekeeper', '--pss', 'baseline', '--exclude-namespace', 'Kube_System']),
    ).toContain('--exclude-namespace');
  });

  it('a Docker Hub wildcard Kyverno cannot match exactly is refused, never approximated; Gatekeeper takes it', async () => {
    let err: unknown;
    try {
      renderAdmission(
        admissionPlan({ format: 'kyverno', images: [], allowedRegistries: ['docker.io/bit*'] }),
      );
    } catch (e) {
      err = e;
    }
    expect((err as ShipgateError).code).toBe('UNSUPPORTED');
    const o: AdmissionOptions = { format: 'gatekeeper', images: [], allowedRegistries: ['docker.io/bit*'] };
    expect(renderAdmission(admissionPlan(o))).toContain('namePattern');
  });
});
