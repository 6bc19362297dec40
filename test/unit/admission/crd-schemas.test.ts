/**
 * Every kind of generated admission policy validates against the controllers' own CRD schemas
 * (test/fixtures/k8s-crds, taken from the CRDs catalog; see its README), and the approval, key-based and
 * bundle-format variants say what the controllers document.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { admissionPolicy, admissionSpec, type AdmissionOptions } from '../../../src/admission/index';
import { ShipgateError } from '../../../src/core/errors';

const CRDS = join(__dirname, '..', '..', 'fixtures', 'k8s-crds');
const APPROVAL = 'https://shipgate.dev/attestation/approval/v1';

function validator(file: string, patch?: (schema: Record<string, unknown>) => void): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(CRDS, file), 'utf8')) as Record<string, unknown>;
  patch?.(schema);
  // The catalog's schemas carry Kubernetes extensions (x-kubernetes-*) and formats such as int-or-string.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int-or-string', true);
  return ajv.compile(schema);
}

const kyvernoCluster = validator('kyverno.io_clusterpolicy_v1.json');
const kyvernoNamespaced = validator('kyverno.io_policy_v1.json');
const policyController = validator('policy.sigstore.dev_clusterimagepolicy_v1beta1.json');
// `signatureFormat` came with policy-controller 0.13 (sigstore/policy-controller#1725), after the catalog's
// copy of the CRD: add exactly that field to check the rest of the bundle-format policy.
const policyControllerWithBundles = validator('policy.sigstore.dev_clusterimagepolicy_v1beta1.json', (s) => {
  const authority = (s as any).properties.spec.properties.authorities.items;
  authority.properties.signatureFormat = { type: 'string', enum: ['legacy', 'bundle'] };
});

const publicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

const GITHUB: Omit<AdmissionOptions, 'format'> = {
  images: ['ghcr.io/acme/*'],
  githubRepository: 'acme/app',
  workflow: 'release.yml',
  ref: 'refs/heads/main',
  requireAttestations: ['https://slsa.dev/provenance/v1', 'https://cyclonedx.org/bom'],
};
const GITLAB: Omit<AdmissionOptions, 'format'> = {
  images: ['registry.gitlab.com/acme/*'],
  gitlabProject: 'acme/app',
};
const KEY: Omit<AdmissionOptions, 'format'> = { images: ['registry.example/*'], publicKey };

function errors(v: ValidateFunction, o: unknown): string {
  return v(o) ? '' : JSON.stringify(v.errors?.slice(0, 3));
}

describe('generated policies validate against the CRD schemas', () => {
  const variants: [string, Omit<AdmissionOptions, 'format'>][] = [
    ['GitHub keyless', GITHUB],
    ['GitLab keyless', GITLAB],
    ['key-based', KEY],
    ['without the approval', { ...GITHUB, requireApproval: false }],
  ];
  for (const [name, o] of variants) {
    it(`Kyverno ClusterPolicy and Policy, ${name}, legacy and bundle formats`, () => {
      for (const signatureFormat of ['legacy', 'bundle'] as const) {
        const cluster = admissionPolicy(
          'kyverno',
          admissionSpec({ ...o, format: 'kyverno', signatureFormat }),
        );
        expect(errors(kyvernoCluster, cluster)).toBe('');
        const ns = admissionPolicy(
          'kyverno',
          admissionSpec({ ...o, format: 'kyverno', signatureFormat, namespace: 'prod' }),
        );
        expect(ns.kind).toBe('Policy');
        expect(errors(kyvernoNamespaced, ns)).toBe('');
      }
    });
    it(`policy-controller ClusterImagePolicy, ${name}`, () => {
      const p = admissionPolicy('policy-controller', admissionSpec({ ...o, format: 'policy-controller' }));
      expect(errors(policyController, p)).toBe('');
      if (o.publicKey === undefined) {
        const bundle = admissionPolicy(
          'policy-controller',
          admissionSpec({ ...o, format: 'policy-controller', signatureFormat: 'bundle' }),
        );
        expect((bundle.spec as any).authorities[0].signatureFormat).toBe('bundle');
        expect(errors(policyControllerWithBundles, bundle)).toBe('');
        expect(errors(policyController, bundle)).not.toBe(''); // the catalog's older CRD lacks the field
      }
    });
  }

  it('a policy missing a required field fails the schema (the validator is not vacuous)', () => {
    const p = admissionPolicy('kyverno', admissionSpec({ ...GITHUB, format: 'kyverno' })) as any;
    p.spec.rules[0].verifyImages[0].attestations[0].conditions[0].all[0].operator = 'Is';
    expect(errors(kyvernoCluster, p)).toContain('operator');
    const pc = admissionPolicy(
      'policy-controller',
      admissionSpec({ ...GITHUB, format: 'policy-controller' }),
    ) as any;
    pc.spec.authorities[0].keyless.identities[0].unknownField = 'x';
    expect(errors(policyController, pc)).not.toBe('');
  });
});

describe('key-based and bundle-format policies', () => {
  it('Kyverno: the public key with the transparency log ignored, the approval from the same key', () => {
    const p = admissionPolicy('kyverno', admissionSpec({ ...KEY, format: 'kyverno' })) as any;
    const verify = p.spec.rules[0].verifyImages[0];
    const entry = verify.attestors[0].entries[0];
    expect(entry.keys.publicKeys).toBe(publicKey);
    expect(entry.keys.rekor).toEqual({ ignoreTlog: true });
    expect(entry).not.toHaveProperty('keyless');
    expect(verify.attestations[0].type).toBe(APPROVAL);
    expect(verify.attestations[0].attestors[0].entries[0]).toEqual(entry);
  });

  it('policy-controller: a key authority with the approval policy', () => {
    const p = admissionPolicy(
      'policy-controller',
      admissionSpec({ ...KEY, format: 'policy-controller' }),
    ) as any;
    const authority = p.spec.authorities[0];
    expect(authority.key).toEqual({ data: publicKey, hashAlgorithm: 'sha256' });
    expect(authority).not.toHaveProperty('keyless');
    expect(authority.attestations[0].predicateType).toBe(APPROVAL);
  });

  it('Kyverno reads sigstore bundles with type SigstoreBundle', () => {
    const p = admissionPolicy(
      'kyverno',
      admissionSpec({ ...GITHUB, format: 'kyverno', signatureFormat: 'bundle' }),
    ) as any;
    expect(p.spec.rules[0].verifyImages[0].type).toBe('SigstoreBundle');
  });

  it('refuses a private key, a key with a keyless identity, and key-based bundles for policy-controller', () => {
    const privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ShipgateError);
        return `${(e as ShipgateError).code}: ${(e as ShipgateError).message}`;
      }
      return 'no error';
    };
    expect(code(() => admissionSpec({ ...KEY, publicKey: privateKey, format: 'kyverno' }))).toMatch(
      /USAGE: --key: not a PEM public key/,
    );
    expect(code(() => admissionSpec({ ...KEY, githubRepository: 'acme/app', format: 'kyverno' }))).toMatch(
      /--github-repository cannot be combined with --key/,
    );
    expect(
      code(() => admissionSpec({ ...KEY, format: 'policy-controller', signatureFormat: 'bundle' })),
    ).toMatch(/keyless signatures only/);
  });
});
