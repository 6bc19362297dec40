#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  PREDICATE,
  predicateTypeOf
} from "./chunk-LPHRMR6J.js";
import {
  bool,
  list,
  str
} from "./chunk-LYRF6LE5.js";
import {
  ShipgateError
} from "./chunk-YH6AYXDN.js";

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

// src/cli/verify-flags.ts
var CI_IDENTITY_OPTIONS = {
  "github-repository": { type: "string" },
  workflow: { type: "string" },
  "gitlab-project": { type: "string" },
  "gitlab-server": { type: "string" },
  "gitlab-ci-config": { type: "string" },
  ref: { type: "string" },
  "ref-pattern": { type: "string" }
};
var VERIFY_OPTIONS = {
  ...CI_IDENTITY_OPTIONS,
  "certificate-oidc-issuer": { type: "string" },
  "certificate-identity": { type: "string" },
  "certificate-identity-regexp": { type: "string" },
  key: { type: "string", multiple: true },
  "require-predicate": { type: "string", multiple: true },
  "no-require-approval": { type: "boolean" },
  "allow-forced": { type: "boolean" },
  "max-age": { type: "string" },
  "certificate-extension": { type: "string", multiple: true },
  "allow-unwitnessed-key": { type: "boolean" },
  "trusted-root": { type: "string" },
  "tuf-mirror-url": { type: "string" }
};
var VERIFY_HELP = `Signer, one of:
      --github-repository O/R GitHub Actions in OWNER/REPO (issuer https://token.actions.githubusercontent.com)
        --workflow FILE       only this workflow, e.g. .github/workflows/release.yml
      --gitlab-project G/P    GitLab CI in GROUP/PROJECT
        --gitlab-server URL   GitLab instance, the issuer (default https://gitlab.com)
        --gitlab-ci-config P  CI configuration path (default .gitlab-ci.yml)
      --ref REF               only this ref, e.g. refs/heads/main (default any branch or tag)
      --ref-pattern RE        only refs matching RE (anchored for you)
      --certificate-oidc-issuer URL
                              any other issuer, with --certificate-identity SAN (exact) or
                              --certificate-identity-regexp RE (anchored: ^(?:RE)$)
      --key PUBLIC.pem        key-based signatures by this public key (repeatable)

Checks:
      --require-predicate T   also require a verified statement of this type: slsa, cyclonedx, vuln, approval
                              or a predicate type URI (repeatable); the signature is always required
      --no-require-approval   do not require shipgate's approval attestation (required by default)
      --allow-forced          accept an approval signed with --force (approved: false, forced: true)
      --max-age DURATION      refuse signatures older than this, e.g. 30d, 12h
      --certificate-extension NAME=VALUE
                              keyless: a Fulcio certificate extension must have exactly this value, e.g.
                              runnerEnvironment=github-hosted, sourceRepositoryRef=refs/heads/main (repeatable)
      --allow-unwitnessed-key key-based bundles without transparency log or timestamp (air-gapped signing)

Trust:
      --trusted-root FILE     a sigstore trusted root JSON (private sigstore); default: the public-good root,
                              fetched and verified through TUF
      --tuf-mirror-url URL    another TUF mirror for the trusted root`;
function usage2(command, message, hint) {
  return new ShipgateError("USAGE", `${command}: ${message}`, hint === void 0 ? {} : { hint });
}
function identity(command, p) {
  const ref = str(p, "ref");
  const refPattern = str(p, "ref-pattern");
  const refs = { ...ref !== void 0 && { ref }, ...refPattern !== void 0 && { refPattern } };
  const github = str(p, "github-repository");
  const gitlab = str(p, "gitlab-project");
  const issuer = str(p, "certificate-oidc-issuer");
  const given = [github, gitlab, issuer].filter((v) => v !== void 0).length;
  if (given > 1)
    throw usage2(command, "give one of --github-repository, --gitlab-project and --certificate-oidc-issuer");
  if (github !== void 0) {
    const workflow = str(p, "workflow");
    return githubIdentity({ repository: github, ...workflow !== void 0 && { workflow }, ...refs });
  }
  if (gitlab !== void 0) {
    const server = str(p, "gitlab-server");
    const ciConfig = str(p, "gitlab-ci-config");
    return gitlabIdentity({
      project: gitlab,
      ...server !== void 0 && { server },
      ...ciConfig !== void 0 && { ciConfig },
      ...refs
    });
  }
  if (issuer !== void 0) {
    const subject = str(p, "certificate-identity");
    const pattern = str(p, "certificate-identity-regexp");
    if (subject === void 0 === (pattern === void 0))
      throw usage2(
        command,
        "--certificate-oidc-issuer needs one of --certificate-identity and --certificate-identity-regexp"
      );
    return explicitIdentity({
      issuer,
      ...subject !== void 0 ? { subject } : { subjectRegExp: `^(?:${pattern})$` }
    });
  }
  return void 0;
}
function predicateType(command, name) {
  const type = predicateTypeOf(name);
  if (type === void 0)
    throw usage2(
      command,
      `--require-predicate: "${name}" is neither slsa, cyclonedx, vuln, approval nor a URI`
    );
  return type;
}
function maxAge(command, text) {
  const m = /^(\d+)([dhms])$/.exec(text.trim());
  if (!m) throw usage2(command, `--max-age: invalid duration "${text}"`, "e.g. 30d, 12h, 90m");
  return Number(m[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[m[2]];
}
function extensions(command, p) {
  const pairs = list(p, "certificate-extension");
  if (!pairs.length) return void 0;
  const out = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw usage2(command, `--certificate-extension: "${pair}" is not NAME=VALUE`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}
function verifyFlags(command, p) {
  const expectedIdentity = identity(command, p);
  const keys = list(p, "key");
  if (!expectedIdentity && keys.length === 0)
    throw usage2(
      command,
      "no signer given",
      "use --github-repository, --gitlab-project, --certificate-oidc-issuer, or --key"
    );
  const required = list(p, "require-predicate").map((name) => predicateType(command, name));
  const approvalRequired = !bool(p, "no-require-approval");
  const age = str(p, "max-age");
  const certificate = extensions(command, p);
  const expect = {
    ...expectedIdentity ? { identity: expectedIdentity } : {},
    ...keys.length ? { keys: true } : {},
    requiredPredicates: [PREDICATE.signature, ...approvalRequired ? [PREDICATE.approval] : [], ...required],
    approval: { required: approvalRequired, ...bool(p, "allow-forced") ? { allowForced: true } : {} },
    ...age !== void 0 ? { maxAgeSeconds: maxAge(command, age) } : {},
    ...certificate ? { certificate } : {},
    ...bool(p, "allow-unwitnessed-key") ? { allowUnwitnessedKeyBundles: true } : {}
  };
  const trustedRoot = str(p, "trusted-root");
  const mirror = str(p, "tuf-mirror-url");
  const trust = {
    ...trustedRoot !== void 0 ? { trustedRoot } : {},
    ...mirror !== void 0 ? { tufMirrorUrl: mirror } : {},
    ...keys.length ? { publicKeys: keys } : {},
    ...keys.length && !expectedIdentity && trustedRoot === void 0 && bool(p, "allow-unwitnessed-key") ? { keysOnly: true } : {}
  };
  return { expect, trust };
}

export {
  githubIdentity,
  gitlabIdentity,
  explicitIdentity,
  CI_IDENTITY_OPTIONS,
  VERIFY_OPTIONS,
  VERIFY_HELP,
  verifyFlags
};
