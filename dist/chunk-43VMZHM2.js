#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  findRepoRoot
} from "./chunk-33E2YJFD.js";
import {
  list,
  oneOf,
  parse,
  str
} from "./chunk-ERMINGJ2.js";
import {
  loadPolicy,
  policyJsonSchema
} from "./chunk-JNKYKBFJ.js";
import "./chunk-NFJWSOGN.js";
import "./chunk-FALZRFZI.js";
import "./chunk-GJAWIMVQ.js";
import "./chunk-VNWBDBCX.js";
import {
  require_dist
} from "./chunk-DML5XCCS.js";
import "./chunk-IYDIWUN6.js";
import {
  EXIT,
  ShipgateError
} from "./chunk-6XGGRQ24.js";
import "./chunk-MJPQLFBW.js";
import "./chunk-KDR2SZEQ.js";
import {
  __toESM
} from "./chunk-YNPQFTY5.js";

// src/cli/commands/policy.ts
import { writeFileSync } from "node:fs";

// src/admission/index.ts
var import_yaml = __toESM(require_dist(), 1);

// src/admission/identity.ts
var GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
var DEFAULT_GITLAB_SERVER = "https://gitlab.com";
var DEFAULT_GITLAB_CI_CONFIG = ".gitlab-ci.yml";
var ANY_BRANCH_OR_TAG = "refs/(?:heads|tags)/[^@]+";
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function usage(message, hint) {
  return new ShipgateError("USAGE", message, hint === void 0 ? {} : { hint });
}
function compiles(re) {
  try {
    new RegExp(re);
    return true;
  } catch {
    return false;
  }
}
function refRegExp(flag, ref, refPattern) {
  if (ref !== void 0 && refPattern !== void 0)
    throw usage(`${flag}: give --ref or --ref-pattern, not both`);
  if (ref !== void 0) {
    if (!/^refs\/(?:heads|tags)\/[^@\s]+$/.test(ref))
      throw usage(
        `--ref: "${ref}" is not a full branch or tag ref`,
        "write refs/heads/BRANCH or refs/tags/TAG"
      );
    return escapeRegExp(ref);
  }
  if (refPattern !== void 0) {
    if (/^\^|\$$/.test(refPattern))
      throw usage("--ref-pattern: leave out ^ and $", "the pattern is anchored for you");
    if (refPattern === "" || !compiles(refPattern))
      throw usage(`--ref-pattern: "${refPattern}" is not a valid regular expression`);
    return `(?:${refPattern})`;
  }
  return ANY_BRANCH_OR_TAG;
}
function httpsUrl(flag, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw usage(`${flag}: "${value}" is not a URL`, "use the form https://host");
  }
  if (url.protocol !== "https:") throw usage(`${flag}: "${value}" must use https`);
  return url;
}
function withExample(issuer, subjectRegExp, example) {
  return new RegExp(subjectRegExp).test(example) ? { issuer, subjectRegExp, example } : { issuer, subjectRegExp };
}
var GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
var WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
function githubIdentity(input) {
  const repo = input.repository.trim();
  if (!GITHUB_REPO.test(repo) || repo.endsWith("/.") || repo.endsWith("/.."))
    throw usage(`--github-repository: "${input.repository}" is not OWNER/REPO`, "for example acme/app");
  let file;
  if (input.workflow !== void 0) {
    file = input.workflow.trim().replace(/^\.\//, "").replace(/^\.github\/workflows\//, "");
    if (!WORKFLOW_FILE.test(file))
      throw usage(
        `--workflow: "${input.workflow}" is not a workflow file`,
        "give .github/workflows/NAME.yml (workflows live directly in that directory)"
      );
  }
  const ref = refRegExp("--github-repository", input.ref, input.refPattern);
  const prefix = `https://github.com/${repo}/.github/workflows/`;
  const workflowRe = file === void 0 ? "[^/@]+" : escapeRegExp(file);
  return withExample(
    GITHUB_ISSUER,
    `^${escapeRegExp(prefix)}${workflowRe}@${ref}$`,
    `${prefix}${file ?? "release.yml"}@${input.ref ?? "refs/heads/main"}`
  );
}
var GITLAB_PROJECT = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)+$/;
function gitlabIdentity(input) {
  const project = input.project.trim().replace(/^\/+|\/+$/g, "");
  if (!GITLAB_PROJECT.test(project) || project.split("/").some((s) => s === "." || s === ".."))
    throw usage(`--gitlab-project: "${input.project}" is not GROUP/PROJECT`, "for example acme/app");
  const url = httpsUrl("--gitlab-server", input.server ?? DEFAULT_GITLAB_SERVER);
  const server = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  const ciConfig = (input.ciConfig ?? DEFAULT_GITLAB_CI_CONFIG).trim().replace(/^\.?\//, "");
  if (ciConfig === "" || ciConfig.includes("@") || ciConfig.split("/").includes(".."))
    throw usage(`--gitlab-ci-config: "${input.ciConfig ?? ""}" is not a path in the repository`);
  const ref = refRegExp("--gitlab-project", input.ref, input.refPattern);
  const prefix = `${server}/${project}//${ciConfig}@`;
  return withExample(server, `^${escapeRegExp(prefix)}${ref}$`, `${prefix}${input.ref ?? "refs/heads/main"}`);
}
function explicitIdentity(input) {
  httpsUrl("--issuer", input.issuer);
  const keepIssuer = input.issuer;
  if (input.subjectRegExp === void 0 === (input.subject === void 0))
    throw usage("--issuer needs exactly one of --subject-regexp or --subject");
  if (input.subject !== void 0) {
    if (input.subject.trim() === "") throw usage("--subject: empty");
    return { issuer: keepIssuer, subject: input.subject };
  }
  const re = input.subjectRegExp ?? "";
  if (!re.startsWith("^") || !re.endsWith("$") || re.endsWith("\\$"))
    throw usage(
      `--subject-regexp: "${re}" is not anchored`,
      "start it with ^ and end it with $, or any SAN containing a match is admitted"
    );
  if (!compiles(re)) throw usage(`--subject-regexp: "${re}" is not a valid regular expression`);
  return { issuer: keepIssuer, subjectRegExp: re };
}

// src/admission/kyverno.ts
var KYVERNO_WEBHOOK_TIMEOUT_SECONDS = 30;
function keylessEntry(identity, rekorUrl) {
  const keyless = { issuer: identity.issuer };
  if (identity.subject !== void 0) keyless.subject = identity.subject;
  else keyless.subjectRegExp = identity.subjectRegExp;
  keyless.rekor = { url: rekorUrl };
  return { entries: [{ keyless }] };
}
function kyvernoPolicy(spec) {
  const attestors = [keylessEntry(spec.identity, spec.rekorUrl)];
  const verify = {
    imageReferences: [...spec.images],
    mutateDigest: true,
    verifyDigest: true,
    required: true,
    attestors
  };
  if (spec.attestations.length > 0)
    verify.attestations = spec.attestations.map((type) => ({
      type,
      attestors: [keylessEntry(spec.identity, spec.rekorUrl)]
    }));
  const metadata = { name: spec.name };
  if (spec.namespace !== void 0) metadata.namespace = spec.namespace;
  metadata.annotations = {
    "policies.kyverno.io/title": "Admit only images signed by CI",
    "policies.kyverno.io/category": "Software Supply Chain Security",
    "policies.kyverno.io/subject": "Pod",
    "policies.kyverno.io/description": `Images matching ${spec.images.join(", ")} must carry a keyless signature from ${spec.identity.issuer}.`
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
function attestationName(predicateType, index) {
  const slug = predicateType.replace(/^[a-z]+:\/\//i, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50).replace(/-+$/, "");
  return `${slug || "attestation"}-${index + 1}`;
}
function policyControllerPolicy(spec) {
  const identity = { issuer: spec.identity.issuer };
  if (spec.identity.subject !== void 0) identity.subject = spec.identity.subject;
  else identity.subjectRegExp = spec.identity.subjectRegExp;
  const authority = {
    name: "ci-keyless",
    keyless: { url: spec.fulcioUrl, identities: [identity] },
    ctlog: { url: spec.rekorUrl }
  };
  if (spec.attestations.length > 0)
    authority.attestations = spec.attestations.map((predicateType, i) => ({
      name: attestationName(predicateType, i),
      predicateType,
      policy: { type: "cue", data: predicateTypeCue(predicateType) }
    }));
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

// src/admission/types.ts
var DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
var DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
var DEFAULT_POLICY_NAME = "shipgate-signed-images";

// src/admission/index.ts
function usage2(message, hint) {
  return new ShipgateError("USAGE", message, hint === void 0 ? {} : { hint });
}
var DNS_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
var DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
function identityOf(o) {
  const kinds = [
    o.githubRepository !== void 0 && "--github-repository",
    o.gitlabProject !== void 0 && "--gitlab-project",
    o.issuer !== void 0 && "--issuer"
  ].filter((k) => typeof k === "string");
  if (kinds.length !== 1)
    throw usage2(
      kinds.length === 0 ? "policy admission: no signer identity given" : `policy admission: give only one of ${kinds.join(", ")}`,
      "use --github-repository OWNER/REPO, --gitlab-project GROUP/PROJECT, or --issuer URL with --subject-regexp RE"
    );
  const only = (flags, allowedWith) => {
    for (const [flag, v] of flags)
      if (v !== void 0) throw usage2(`${flag} cannot be combined with ${allowedWith}`);
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
function httpsUrl2(flag, value) {
  let ok;
  try {
    ok = new URL(value).protocol === "https:";
  } catch {
    ok = false;
  }
  if (!ok) throw usage2(`${flag}: "${value}" is not an https URL`);
  return value.replace(/\/+$/, "");
}
function admissionSpec(o) {
  if (o.images.length === 0)
    throw usage2("policy admission: no --images given", 'for example --images "ghcr.io/acme/*"');
  for (const glob of o.images)
    if (/\s/.test(glob) || glob.includes("@") || glob.startsWith("/"))
      throw usage2(`--images: "${glob}" is not an image glob`, "use a repository glob such as ghcr.io/acme/*");
  const name = o.name ?? DEFAULT_POLICY_NAME;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name))
    throw usage2(
      `--name: "${name}" is not a valid Kubernetes name`,
      'use lowercase letters, digits, "-" and "."'
    );
  if (o.namespace !== void 0) {
    if (o.format === "policy-controller")
      throw usage2(
        "--namespace: a ClusterImagePolicy is cluster-scoped",
        "leave out --namespace; label namespaces with policy.sigstore.dev/include=true instead"
      );
    if (o.namespace.length > 63 || !DNS_LABEL.test(o.namespace))
      throw usage2(`--namespace: "${o.namespace}" is not a valid namespace name`);
  }
  const attestations = [...new Set(o.requireAttestations ?? [])];
  for (const t of attestations)
    if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(t))
      throw usage2(
        `--require-attestation: "${t}" is not a predicate type URI`,
        "for example https://slsa.dev/provenance/v1"
      );
  const spec = {
    name,
    images: [...new Set(o.images)],
    identity: identityOf(o),
    rekorUrl: httpsUrl2("--rekor-url", o.rekorUrl ?? DEFAULT_REKOR_URL),
    fulcioUrl: DEFAULT_FULCIO_URL,
    attestations
  };
  if (o.namespace !== void 0) spec.namespace = o.namespace;
  return spec;
}
function admissionPolicy(format, spec) {
  return format === "kyverno" ? kyvernoPolicy(spec) : policyControllerPolicy(spec);
}
function renderAdmissionYaml(format, spec) {
  const who = spec.identity.subject !== void 0 ? `subject ${spec.identity.subject}` : `subject matching ${spec.identity.subjectRegExp ?? ""}`;
  const header = [
    `Generated by shipgate policy admission (${format}).`,
    `Admits ${spec.images.join(", ")} only when signed keylessly by issuer ${spec.identity.issuer},`,
    who,
    ...spec.identity.example !== void 0 ? [`e.g. ${spec.identity.example}`] : [],
    "SANs are compared case-sensitively: keep the owner/project spelling exactly as the CI platform shows it."
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
  Options:
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
  "github-repository": { type: "string" },
  workflow: { type: "string" },
  "gitlab-project": { type: "string" },
  "gitlab-server": { type: "string" },
  "gitlab-ci-config": { type: "string" },
  ref: { type: "string" },
  "ref-pattern": { type: "string" },
  issuer: { type: "string" },
  "subject-regexp": { type: "string" },
  subject: { type: "string" },
  "require-attestation": { type: "string", multiple: true },
  "rekor-url": { type: "string" },
  name: { type: "string" },
  namespace: { type: "string" },
  output: { type: "string", short: "o" }
};
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
    requireAttestations: list(p, "require-attestation")
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
