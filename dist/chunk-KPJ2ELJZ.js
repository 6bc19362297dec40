#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
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

export {
  githubIdentity,
  gitlabIdentity,
  explicitIdentity
};
