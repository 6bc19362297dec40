import { readFileSync, writeFileSync } from 'node:fs';
import {
  admissionPlan,
  renderAdmission,
  type AdmissionFormat,
  type EnforcementMode,
  type PodSecurityLevel,
  type SignatureFormat,
} from '../../admission/index';
import { EXIT, ShipgateError } from '../../core/errors';
import { findRepoRoot } from '../../pipeline/paths';
import { loadPolicy, policyJsonSchema } from '../../policy/index';
import { list, oneOf, parse, str } from '../args';
import { CI_IDENTITY_OPTIONS } from '../verify-flags';

const HELP = `Usage: shipgate policy check [FILE]    validate a policy file (default: shipgate.yaml at the repository root)
       shipgate policy schema          print the policy file's JSON Schema (for editor completion)
       shipgate policy admission --images GLOB SIGNER [options]
                                       print a Kubernetes policy admitting only images signed by CI (keyless)
       shipgate policy admission --pss LEVEL | --allowed-registry R | --config FILE [options]
                                       print admission policies for what pods run as and where images come from

Admission policy (docs/admission.md, docs/manifests.md):
      --format FMT               kyverno (ClusterPolicy, default), policy-controller (ClusterImagePolicy,
                                 signatures only), gatekeeper (ConstraintTemplate + Constraint, workloads
                                 only) or pss-labels (Namespace with Pod Security Admission labels)
      --mode MODE                enforce (default) or audit: report only (Kyverno Audit, Gatekeeper dryrun,
                                 policy-controller warn, PSA audit and warn labels)
  Workloads (kyverno, gatekeeper, pss-labels):
  -c, --config FILE              take manifests.pss and manifests.allowed-registries from this policy file
      --pss LEVEL                baseline or restricted Pod Security Standard (privileged: none)
      --pss-version V            Kubernetes version of the standards: latest (default) or v1.NN
      --allowed-registry R       images only from R, e.g. ghcr.io/acme (repeatable; replaces the policy's)
      --exclude-namespace NS     leave NS out, e.g. kube-system (repeatable; kyverno and gatekeeper)
  Signatures (kyverno, policy-controller):
      --images GLOB              images the policy covers, e.g. ghcr.io/acme/* (repeatable)
  Signer, one of:
      --github-repository O/R    GitHub Actions in OWNER/REPO, spelt exactly as on GitHub
        --workflow FILE          only this workflow, e.g. .github/workflows/release.yml (default any)
      --gitlab-project G/P       GitLab CI in GROUP/PROJECT, spelt exactly as on GitLab
        --gitlab-server URL      GitLab instance, the OIDC issuer (default https://gitlab.com)
        --gitlab-ci-config PATH  CI configuration path (default .gitlab-ci.yml)
      --ref REF                  only this ref, e.g. refs/heads/main (default any branch or tag)
      --ref-pattern RE           only refs matching RE, e.g. 'refs/tags/v.*' (anchored for you)
      --issuer URL               any other OIDC issuer, with --subject-regexp RE (anchored) or --subject SAN
      --key PUBLIC.pem           key-based signing: the public key (no transparency log is required)
  Options:
      --no-require-approval      do not require shipgate's approval attestation (required by default:
                                 predicate https://shipgate.dev/attestation/approval/v1, approved, not forced)
      --signature-format FMT     legacy (cosign .sig/.att tags, default) or bundle (sigstore bundles as OCI
                                 referrers: Kyverno type SigstoreBundle, policy-controller 0.13+)
      --require-attestation T    also require an attestation of predicate type T by the same signer
                                 (repeatable), e.g. https://slsa.dev/provenance/v1
      --rekor-url URL            transparency log (default https://rekor.sigstore.dev)
      --name NAME                policy name (default shipgate-signed-images; workload policies: their prefix,
                                 default shipgate)
      --namespace NS             kyverno: namespaced Policies instead of ClusterPolicies;
                                 pss-labels: the namespace to label
  -o, --output FILE              write the YAML to FILE instead of stdout
`;

const ADMISSION_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  images: { type: 'string', multiple: true },
  ...CI_IDENTITY_OPTIONS,
  issuer: { type: 'string' },
  'subject-regexp': { type: 'string' },
  subject: { type: 'string' },
  'require-attestation': { type: 'string', multiple: true },
  'no-require-approval': { type: 'boolean' },
  'signature-format': { type: 'string' },
  key: { type: 'string' },
  'rekor-url': { type: 'string' },
  name: { type: 'string' },
  namespace: { type: 'string' },
  output: { type: 'string', short: 'o' },
  mode: { type: 'string' },
  config: { type: 'string', short: 'c' },
  pss: { type: 'string' },
  'pss-version': { type: 'string' },
  'allowed-registry': { type: 'string', multiple: true },
  'exclude-namespace': { type: 'string', multiple: true },
} as const;

/** The PSS level and allow-list: flags first, then the policy file's `manifests:` section. */
function workloadOptions(p: ReturnType<typeof parse>): {
  pss?: PodSecurityLevel;
  allowedRegistries?: string[];
} {
  const file = str(p, 'config');
  const policy = file === undefined ? undefined : loadPolicy(findRepoRoot(), file);
  const level =
    str(p, 'pss') === undefined
      ? (policy?.manifests.pss ?? 'privileged')
      : oneOf(p, 'pss', ['privileged', 'baseline', 'restricted'], 'privileged');
  const flagged = list(p, 'allowed-registry');
  const registries = flagged.length > 0 ? flagged : policy?.manifests['allowed-registries'];
  return {
    ...(level !== 'privileged' && { pss: level }),
    ...(registries !== undefined && { allowedRegistries: [...registries] }),
  };
}

function readPublicKey(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ShipgateError('INPUT', `--key: cannot read ${file}`, { cause: e });
  }
}

function admission(argv: string[]): number {
  const p = parse('policy admission', argv, ADMISSION_OPTIONS);
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  if (p.positionals.length > 0)
    throw new ShipgateError('USAGE', `policy admission: unexpected argument "${p.positionals[0]}"`, {
      hint: 'give images with --images GLOB',
    });
  const format = oneOf<AdmissionFormat>(
    p,
    'format',
    ['kyverno', 'policy-controller', 'gatekeeper', 'pss-labels'],
    'kyverno',
  );
  const opt = (name: string): Record<string, string> => {
    const v = str(p, name);
    return v === undefined ? {} : { [name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())]: v };
  };
  const key = str(p, 'key');
  const plan = admissionPlan({
    format,
    images: list(p, 'images'),
    ...opt('github-repository'),
    ...opt('workflow'),
    ...opt('gitlab-project'),
    ...opt('gitlab-server'),
    ...opt('gitlab-ci-config'),
    ...opt('ref'),
    ...opt('ref-pattern'),
    ...opt('issuer'),
    ...(str(p, 'subject-regexp') !== undefined && { subjectRegExp: str(p, 'subject-regexp') }),
    ...opt('subject'),
    ...opt('rekor-url'),
    ...opt('name'),
    ...opt('namespace'),
    requireAttestations: list(p, 'require-attestation'),
    requireApproval: p.values['no-require-approval'] !== true,
    signatureFormat: oneOf<SignatureFormat>(p, 'signature-format', ['legacy', 'bundle'], 'legacy'),
    ...(key !== undefined && { publicKey: readPublicKey(key) }),
    ...workloadOptions(p),
    ...opt('pss-version'),
    mode: oneOf<EnforcementMode>(p, 'mode', ['enforce', 'audit'], 'enforce'),
    excludeNamespaces: list(p, 'exclude-namespace'),
  });
  const yaml = renderAdmission(plan);
  const output = str(p, 'output');
  if (output === undefined) process.stdout.write(yaml);
  else writeFileSync(output, yaml);
  return EXIT.OK;
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'admission') return admission(argv.slice(1));
  const p = parse('policy', argv, { help: { type: 'boolean', short: 'h' } });
  const [sub, file] = p.positionals;
  if (p.values.help || !sub) {
    process.stdout.write(HELP);
    return p.values.help ? EXIT.OK : EXIT.INPUT_ERROR;
  }
  if (sub === 'schema') {
    process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
    return EXIT.OK;
  }
  if (sub === 'check') {
    const policy = loadPolicy(findRepoRoot(), file);
    process.stdout.write(`${policy.source}: valid (fail on ${policy.gate['fail-on']} or above)\n`);
    return EXIT.OK;
  }
  throw new ShipgateError('USAGE', `policy: unknown subcommand "${sub}"`, {
    hint: 'use "check", "schema" or "admission"',
  });
}
