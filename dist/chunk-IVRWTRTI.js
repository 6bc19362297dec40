#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  helpSection,
  tableSpec
} from "./chunk-63NLDXJT.js";
import {
  bool,
  list,
  str
} from "./chunk-N7PLTF7E.js";
import {
  PREDICATE,
  predicateTypeOf
} from "./chunk-LPHRMR6J.js";
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

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
var VERIFY_OPTIONS = tableSpec("verify");
var VERIFY_HELP = `Signer, one of:
${helpSection("verify", "Signer")}

Checks:
${helpSection("verify", "Checks")}

Trust:
${helpSection("verify", "Trust")}`;
var BLOB_VERIFY_OPTIONS = tableSpec("verify-blob");
var BLOB_VERIFY_HELP = `Signer, one of:
${helpSection("verify-blob", "Signer")}

Checks:
${helpSection("verify-blob", "Checks")}

Trust:
${helpSection("verify-blob", "Trust")}`;
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
function verifyFlags(command, p, subject = "image") {
  const expectedIdentity = identity(command, p);
  const keys = list(p, "key");
  if (!expectedIdentity && keys.length === 0)
    throw usage2(
      command,
      "no signer given",
      "use --github-repository, --gitlab-project, --certificate-oidc-issuer, or --key"
    );
  const required = list(p, "require-predicate").map((name) => predicateType(command, name));
  const approvalRequired = subject === "image" && !bool(p, "no-require-approval");
  const requiredPredicates = subject === "file" ? required.length ? required : [PREDICATE.slsa] : [PREDICATE.signature, ...approvalRequired ? [PREDICATE.approval] : [], ...required];
  const age = str(p, "max-age");
  const certificate = extensions(command, p);
  const expect = {
    ...expectedIdentity ? { identity: expectedIdentity } : {},
    ...keys.length ? { keys: true } : {},
    requiredPredicates,
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
  BLOB_VERIFY_OPTIONS,
  BLOB_VERIFY_HELP,
  verifyFlags
};
