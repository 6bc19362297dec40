#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  CI_IDENTITY_OPTIONS,
  explicitIdentity,
  githubIdentity,
  gitlabIdentity
} from "./chunk-FOCJDSPV.js";
import {
  APPROVAL_PREDICATE_TYPE,
  isPredicateTypeUri
} from "./chunk-LPHRMR6J.js";
import "./chunk-NQ7JLJSQ.js";
import {
  list,
  oneOf,
  parse,
  str
} from "./chunk-LYRF6LE5.js";
import "./chunk-FALZRFZI.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import {
  loadPolicy,
  policyJsonSchema
} from "./chunk-L2ZSHH5F.js";
import "./chunk-GJAWIMVQ.js";
import "./chunk-62UOYVGW.js";
import "./chunk-3ZQKS24I.js";
import "./chunk-WRC2BTZW.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import "./chunk-2MFDTXUL.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-YH6AYXDN.js";
import "./chunk-GMQYA5PP.js";
import "./chunk-KDR2SZEQ.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/cli/commands/policy.ts
import { readFileSync, writeFileSync } from "node:fs";

// src/admission/index.ts
var import_yaml = __toESM(require_dist(), 1);

// src/admission/types.ts
var DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
var DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
var DEFAULT_POLICY_NAME = "shipgate-signed-images";
function keylessIdentity(spec) {
  if (spec.identity === void 0)
    throw new ShipgateError("INTERNAL", "admission: a policy without a public key needs a keyless identity");
  return spec.identity;
}

// src/admission/kyverno.ts
var KYVERNO_WEBHOOK_TIMEOUT_SECONDS = 30;
function attestorEntry(spec) {
  if (spec.publicKey !== void 0)
    return {
      entries: [
        { keys: { publicKeys: spec.publicKey, rekor: { ignoreTlog: true }, ctlog: { ignoreSCT: true } } }
      ]
    };
  const identity = keylessIdentity(spec);
  const keyless = { issuer: identity.issuer };
  if (identity.subject !== void 0) keyless.subject = identity.subject;
  else keyless.subjectRegExp = identity.subjectRegExp;
  keyless.rekor = { url: spec.rekorUrl };
  return { entries: [{ keyless }] };
}
var APPROVAL_CONDITIONS = [
  {
    all: [
      { key: "{{ approved }}", operator: "Equals", value: true },
      { key: "{{ forced }}", operator: "Equals", value: false }
    ]
  }
];
function attestations(spec) {
  const out = [];
  if (spec.requireApproval)
    out.push({
      type: APPROVAL_PREDICATE_TYPE,
      attestors: [attestorEntry(spec)],
      conditions: APPROVAL_CONDITIONS
    });
  for (const type of spec.attestations)
    if (!(spec.requireApproval && type === APPROVAL_PREDICATE_TYPE))
      out.push({ type, attestors: [attestorEntry(spec)] });
  return out;
}
function describeSigner(spec) {
  const signature = spec.publicKey !== void 0 ? "a signature by the given public key" : `a keyless signature from ${keylessIdentity(spec).issuer}`;
  return spec.requireApproval ? `${signature} and shipgate's approval attestation` : signature;
}
function kyvernoPolicy(spec) {
  const verify = {
    ...spec.signatureFormat === "bundle" ? { type: "SigstoreBundle" } : {},
    imageReferences: [...spec.images],
    mutateDigest: true,
    verifyDigest: true,
    required: true,
    attestors: [attestorEntry(spec)]
  };
  const required = attestations(spec);
  if (required.length > 0) verify.attestations = required;
  const metadata = { name: spec.name };
  if (spec.namespace !== void 0) metadata.namespace = spec.namespace;
  metadata.annotations = {
    "policies.kyverno.io/title": "Admit only images approved and signed by CI",
    "policies.kyverno.io/category": "Software Supply Chain Security",
    "policies.kyverno.io/subject": "Pod",
    "policies.kyverno.io/description": `Images matching ${spec.images.join(", ")} must carry ${describeSigner(spec)}.`
  };
  return {
    apiVersion: "kyverno.io/v1",
    kind: spec.namespace === void 0 ? "ClusterPolicy" : "Policy",
    metadata,
    spec: {
      validationFailureAction: "Enforce",
      webhookTimeoutSeconds: KYVERNO_WEBHOOK_TIMEOUT_SECONDS,
      failurePolicy: "Fail",
      background: false,
      rules: [
        {
          name: "verify-ci-signature",
          match: { any: [{ resources: { kinds: ["Pod"] } }] },
          verifyImages: [verify]
        }
      ]
    }
  };
}

// src/admission/policy-controller.ts
function predicateTypeCue(predicateType) {
  return `predicateType: ${JSON.stringify(predicateType)}
`;
}
var APPROVAL_CUE = `${predicateTypeCue(APPROVAL_PREDICATE_TYPE)}predicate: {
	approved: true
	forced: false
}
`;
function attestationName(predicateType, index) {
  const slug = predicateType.replace(/^[a-z]+:\/\//i, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50).replace(/-+$/, "");
  return `${slug || "attestation"}-${index + 1}`;
}
function attestations2(spec) {
  const out = [];
  if (spec.requireApproval)
    out.push({
      name: "shipgate-approval",
      predicateType: APPROVAL_PREDICATE_TYPE,
      policy: { type: "cue", data: APPROVAL_CUE }
    });
  spec.attestations.filter((t) => !(spec.requireApproval && t === APPROVAL_PREDICATE_TYPE)).forEach(
    (predicateType, i) => out.push({
      name: attestationName(predicateType, i),
      predicateType,
      policy: { type: "cue", data: predicateTypeCue(predicateType) }
    })
  );
  return out;
}
function policyControllerPolicy(spec) {
  let authority;
  if (spec.publicKey !== void 0) {
    authority = { name: "ci-key", key: { data: spec.publicKey, hashAlgorithm: "sha256" } };
  } else {
    const signer = keylessIdentity(spec);
    const identity = { issuer: signer.issuer };
    if (signer.subject !== void 0) identity.subject = signer.subject;
    else identity.subjectRegExp = signer.subjectRegExp;
    authority = {
      name: "ci-keyless",
      keyless: { url: spec.fulcioUrl, identities: [identity] },
      ctlog: { url: spec.rekorUrl }
    };
  }
  if (spec.signatureFormat === "bundle") authority.signatureFormat = "bundle";
  const required = attestations2(spec);
  if (required.length > 0) authority.attestations = required;
  return {
    apiVersion: "policy.sigstore.dev/v1beta1",
    kind: "ClusterImagePolicy",
    metadata: { name: spec.name },
    spec: {
      images: spec.images.map((glob) => ({ glob })),
      authorities: [authority],
      mode: "enforce"
    }
  };
}

// src/admission/index.ts
function usage(message, hint) {
  return new ShipgateError("USAGE", message, hint === void 0 ? {} : { hint });
}
var DNS_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
var DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
function identityOf(o) {
  if (o.publicKey !== void 0) {
    const keyless = [
      ["--github-repository", o.githubRepository],
      ["--gitlab-project", o.gitlabProject],
      ["--issuer", o.issuer],
      ["--workflow", o.workflow],
      ["--ref", o.ref],
      ["--ref-pattern", o.refPattern]
    ];
    for (const [flag, v] of keyless)
      if (v !== void 0)
        throw usage(`${flag} cannot be combined with --key: a key-based signature has no CI identity`);
    return void 0;
  }
  const kinds = [
    o.githubRepository !== void 0 && "--github-repository",
    o.gitlabProject !== void 0 && "--gitlab-project",
    o.issuer !== void 0 && "--issuer"
  ].filter((k) => typeof k === "string");
  if (kinds.length !== 1)
    throw usage(
      kinds.length === 0 ? "policy admission: no signer identity given" : `policy admission: give only one of ${kinds.join(", ")}`,
      "use --github-repository OWNER/REPO, --gitlab-project GROUP/PROJECT, --issuer URL with --subject-regexp RE, or --key PUBLIC.pem"
    );
  const only = (flags, allowedWith) => {
    for (const [flag, v] of flags)
      if (v !== void 0) throw usage(`${flag} cannot be combined with ${allowedWith}`);
  };
  if (o.githubRepository !== void 0) {
    only(
      [
        ["--gitlab-server", o.gitlabServer],
        ["--gitlab-ci-config", o.gitlabCiConfig],
        ["--subject-regexp", o.subjectRegExp],
        ["--subject", o.subject]
      ],
      "--github-repository"
    );
    return githubIdentity({
      repository: o.githubRepository,
      ...o.workflow !== void 0 && { workflow: o.workflow },
      ...o.ref !== void 0 && { ref: o.ref },
      ...o.refPattern !== void 0 && { refPattern: o.refPattern }
    });
  }
  if (o.gitlabProject !== void 0) {
    only(
      [
        ["--workflow", o.workflow],
        ["--subject-regexp", o.subjectRegExp],
        ["--subject", o.subject]
      ],
      "--gitlab-project"
    );
    return gitlabIdentity({
      project: o.gitlabProject,
      ...o.gitlabServer !== void 0 && { server: o.gitlabServer },
      ...o.gitlabCiConfig !== void 0 && { ciConfig: o.gitlabCiConfig },
      ...o.ref !== void 0 && { ref: o.ref },
      ...o.refPattern !== void 0 && { refPattern: o.refPattern }
    });
  }
  only(
    [
      ["--workflow", o.workflow],
      ["--gitlab-server", o.gitlabServer],
      ["--gitlab-ci-config", o.gitlabCiConfig],
      ["--ref", o.ref],
      ["--ref-pattern", o.refPattern]
    ],
    "--issuer"
  );
  return explicitIdentity({
    issuer: o.issuer ?? "",
    ...o.subjectRegExp !== void 0 && { subjectRegExp: o.subjectRegExp },
    ...o.subject !== void 0 && { subject: o.subject }
  });
}
function httpsUrl(flag, value) {
  let ok;
  try {
    ok = new URL(value).protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) throw usage(`${flag}: "${value}" is not an https URL`);
  return value.replace(/\/+$/, "");
}
function admissionSpec(o) {
  if (o.images.length === 0)
    throw usage("policy admission: no --images given", 'for example --images "ghcr.io/acme/*"');
  for (const glob of o.images)
    if (/\s/.test(glob) || glob.includes("@") || glob.startsWith("/"))
      throw usage(`--images: "${glob}" is not an image glob`, "use a repository glob such as ghcr.io/acme/*");
  const name = o.name ?? DEFAULT_POLICY_NAME;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name))
    throw usage(
      `--name: "${name}" is not a valid Kubernetes name`,
      'use lowercase letters, digits, "-" and "."'
    );
  if (o.namespace !== void 0) {
    if (o.format === "policy-controller")
      throw usage(
        "--namespace: a ClusterImagePolicy is cluster-scoped",
        "leave out --namespace; label namespaces with policy.sigstore.dev/include=true instead"
      );
    if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace))
      throw usage(`--namespace: "${o.namespace}" is not a valid namespace name`);
  }
  const attestations3 = [...new Set(o.requireAttestations ?? [])];
  for (const t of attestations3)
    if (!isPredicateTypeUri(t))
      throw usage(
        `--require-attestation: "${t}" is not a predicate type URI`,
        "for example https://slsa.dev/provenance/v1"
      );
  const signatureFormat = o.signatureFormat ?? "legacy";
  if (o.publicKey !== void 0) {
    if (!/^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/.test(o.publicKey))
      throw usage(
        "--key: not a PEM public key",
        'give the public key ("-----BEGIN PUBLIC KEY-----"), not the private key'
      );
    if (o.format === "policy-controller" && signatureFormat === "bundle")
      throw usage(
        "--signature-format bundle: policy-controller reads sigstore bundles for keyless signatures only",
        "leave out --signature-format (cosign tags are written by default) or sign keylessly"
      );
  }
  const identity = identityOf(o);
  const spec = {
    name,
    images: [...new Set(o.images)],
    rekorUrl: httpsUrl("--rekor-url", o.rekorUrl ?? DEFAULT_REKOR_URL),
    fulcioUrl: DEFAULT_FULCIO_URL,
    attestations: attestations3,
    requireApproval: o.requireApproval ?? true,
    signatureFormat
  };
  if (identity !== void 0) spec.identity = identity;
  if (o.publicKey !== void 0) spec.publicKey = o.publicKey.trim() + "\n";
  if (o.namespace !== void 0) spec.namespace = o.namespace;
  return spec;
}
function admissionPolicy(format, spec) {
  return format === "kyverno" ? kyvernoPolicy(spec) : policyControllerPolicy(spec);
}
function renderAdmissionYaml(format, spec) {
  const id = spec.identity;
  const signer = id === void 0 ? [`Admits ${spec.images.join(", ")} only when signed by the public key below (no transparency log).`] : [
    `Admits ${spec.images.join(", ")} only when signed keylessly by issuer ${id.issuer},`,
    id.subject !== void 0 ? `subject ${id.subject}` : `subject matching ${id.subjectRegExp ?? ""}`,
    ...id.example !== void 0 ? [`e.g. ${id.example}`] : []
  ];
  const header = [
    `Generated by shipgate policy admission (${format}).`,
    ...signer,
    ...spec.requireApproval ? [`and only with shipgate's approval attestation (approved, not forced) by the same signer.`] : [],
    `Signatures are read from ${spec.signatureFormat === "bundle" ? "sigstore bundles attached as OCI referrers" : "cosign's .sig/.att tags"}.`,
    ...id === void 0 ? [] : [
      "SANs are compared case-sensitively: keep the owner/project spelling exactly as the CI platform shows it."
    ]
  ].map((l) => `# ${l}`).join("\n");
  return `${header}
${(0, import_yaml.stringify)(admissionPolicy(format, spec), { lineWidth: 0 })}`;
}

// src/cli/commands/policy.ts
var HELP = `Usage: shipgate policy check [FILE]    validate a policy file (default: shipgate.yaml at the repository root)
       shipgate policy schema          print the policy file's JSON Schema (for editor completion)
       shipgate policy admission --images GLOB SIGNER [options]
                                       print a Kubernetes policy admitting only images signed by CI (keyless)

Admission policy (docs/admission.md):
      --format FMT               kyverno (ClusterPolicy, default) or policy-controller (ClusterImagePolicy)
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
      --name NAME                policy name (default shipgate-signed-images)
      --namespace NS             kyverno only: a namespaced Policy instead of a ClusterPolicy
  -o, --output FILE              write the YAML to FILE instead of stdout
`;
var ADMISSION_OPTIONS = {
  help: { type: "boolean", short: "h" },
  format: { type: "string" },
  images: { type: "string", multiple: true },
  ...CI_IDENTITY_OPTIONS,
  issuer: { type: "string" },
  "subject-regexp": { type: "string" },
  subject: { type: "string" },
  "require-attestation": { type: "string", multiple: true },
  "no-require-approval": { type: "boolean" },
  "signature-format": { type: "string" },
  key: { type: "string" },
  "rekor-url": { type: "string" },
  name: { type: "string" },
  namespace: { type: "string" },
  output: { type: "string", short: "o" }
};
function readPublicKey(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new ShipgateError("INPUT", `--key: cannot read ${file}`, { cause: e });
  }
}
function admission(argv) {
  const p = parse("policy admission", argv, ADMISSION_OPTIONS);
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  if (p.positionals.length > 0)
    throw new ShipgateError("USAGE", `policy admission: unexpected argument "${p.positionals[0]}"`, {
      hint: "give images with --images GLOB"
    });
  const format = oneOf(p, "format", ["kyverno", "policy-controller"], "kyverno");
  const opt = (name) => {
    const v = str(p, name);
    return v === void 0 ? {} : { [name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())]: v };
  };
  const key = str(p, "key");
  const spec = admissionSpec({
    format,
    images: list(p, "images"),
    ...opt("github-repository"),
    ...opt("workflow"),
    ...opt("gitlab-project"),
    ...opt("gitlab-server"),
    ...opt("gitlab-ci-config"),
    ...opt("ref"),
    ...opt("ref-pattern"),
    ...opt("issuer"),
    ...str(p, "subject-regexp") !== void 0 && { subjectRegExp: str(p, "subject-regexp") },
    ...opt("subject"),
    ...opt("rekor-url"),
    ...opt("name"),
    ...opt("namespace"),
    requireAttestations: list(p, "require-attestation"),
    requireApproval: p.values["no-require-approval"] !== true,
    signatureFormat: oneOf(p, "signature-format", ["legacy", "bundle"], "legacy"),
    ...key !== void 0 && { publicKey: readPublicKey(key) }
  });
  const yaml = renderAdmissionYaml(format, spec);
  const output = str(p, "output");
  if (output === void 0) process.stdout.write(yaml);
  else writeFileSync(output, yaml);
  return EXIT.OK;
}
async function run(argv) {
  if (argv[0] === "admission") return admission(argv.slice(1));
  const p = parse("policy", argv, { help: { type: "boolean", short: "h" } });
  const [sub, file] = p.positionals;
  if (p.values.help || !sub) {
    process.stdout.write(HELP);
    return p.values.help ? EXIT.OK : EXIT.INPUT_ERROR;
  }
  if (sub === "schema") {
    process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}
`);
    return EXIT.OK;
  }
  if (sub === "check") {
    const policy = loadPolicy(findRepoRoot(), file);
    process.stdout.write(`${policy.source}: valid (fail on ${policy.gate["fail-on"]} or above)
`);
    return EXIT.OK;
  }
  throw new ShipgateError("USAGE", `policy: unknown subcommand "${sub}"`, {
    hint: 'use "check", "schema" or "admission"'
  });
}
export {
  run
};
