#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  RegistryClient
} from "./chunk-6TPTCLTD.js";
import {
  openImage
} from "./chunk-C56DT6GX.js";
import {
  external_exports
} from "./chunk-GJAWIMVQ.js";
import "./chunk-2JYXYN5N.js";
import {
  parseImageRef,
  repositoryName
} from "./chunk-W4LLWVO7.js";
import {
  MT,
  digestOf
} from "./chunk-5JHU73NY.js";
import {
  runPipeline
} from "./chunk-TLAH3CDU.js";
import {
  blockingReasonsLine,
  findRepoRoot
} from "./chunk-FFKUHJK4.js";
import {
  bool,
  list,
  parse,
  str
} from "./chunk-I3EOAX5I.js";
import "./chunk-GZGRCBD6.js";
import "./chunk-CRQVELII.js";
import "./chunk-YRLS6VAV.js";
import "./chunk-M3P4NN3O.js";
import "./chunk-ZOTEE5XN.js";
import "./chunk-DML5XCCS.js";
import "./chunk-23VTO3BX.js";
import {
  addSecret,
  logger
} from "./chunk-QRC7J5MF.js";
import {
  EXIT,
  ShipgateError,
  isShipgateError
} from "./chunk-XNFBH2M5.js";
import "./chunk-YNPQFTY5.js";

// src/platform/gitlab/oidc.ts
var ID_TOKEN_VARIABLES = ["SIGSTORE_ID_TOKEN", "SHIPGATE_ID_TOKEN"];
var str2 = external_exports.string().optional();
var num = external_exports.number().optional();
var flag = external_exports.union([external_exports.boolean(), external_exports.enum(["true", "false"])]).optional().transform((v) => v === void 0 ? void 0 : v === true || v === "true");
var ClaimsSchema = external_exports.looseObject({
  iss: external_exports.string().min(1),
  sub: external_exports.string().min(1),
  aud: external_exports.union([external_exports.string(), external_exports.array(external_exports.string())]).transform((a) => Array.isArray(a) ? a : [a]),
  exp: num,
  iat: num,
  nbf: num,
  jti: str2,
  namespace_id: str2,
  namespace_path: str2,
  project_id: str2,
  project_path: str2,
  user_id: str2,
  user_login: str2,
  pipeline_id: str2,
  pipeline_source: str2,
  job_id: str2,
  ref: str2,
  ref_type: str2,
  ref_path: str2,
  ref_protected: flag,
  environment: str2,
  environment_protected: flag,
  runner_id: external_exports.union([external_exports.number(), external_exports.string()]).optional(),
  runner_environment: str2,
  sha: str2,
  ci_config_ref_uri: str2,
  ci_config_sha: str2,
  project_visibility: str2
});
function decodePart(part, what, variable) {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new ShipgateError(
      "INPUT",
      `${variable} is not a valid ID token: its ${what} is not base64url JSON`,
      {
        hint: `declare it in the job with id_tokens: ${variable}: aud: ...`
      }
    );
  }
}
function decodeIdToken(token, variable = "SIGSTORE_ID_TOKEN") {
  const raw = token.trim();
  addSecret(raw);
  const parts = raw.split(".");
  const hint = `declare it in the job with id_tokens: ${variable}: aud: ...`;
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1])
    throw new ShipgateError("INPUT", `${variable} is not a JSON Web Token (expected three base64url parts)`, {
      hint
    });
  const header = decodePart(parts[0], "header", variable);
  if (!header || typeof header !== "object" || typeof header.alg !== "string")
    throw new ShipgateError("INPUT", `${variable} is not a valid ID token: its header has no "alg"`, {
      hint
    });
  const parsed = ClaimsSchema.safeParse(decodePart(parts[1], "payload", variable));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "payload";
    throw new ShipgateError(
      "INPUT",
      `${variable} is not a valid ID token: claim "${where}" ${issue?.message ?? "is invalid"}`,
      {
        hint
      }
    );
  }
  return { variable, token: raw, claims: parsed.data };
}
function gitlabIdentity(env = process.env, variable) {
  for (const v of variable ? [variable] : ID_TOKEN_VARIABLES) {
    const token = env[v]?.trim();
    if (token) return decodeIdToken(token, v);
  }
  return void 0;
}

// src/platform/gitlab/context.ts
function isGitlabCi(env = process.env) {
  return env.GITLAB_CI === "true";
}
function val(env, name) {
  const v = env[name]?.trim();
  return v ? v : void 0;
}
function fqdn(env, serverUrl) {
  const given = val(env, "CI_SERVER_FQDN");
  if (given) return given;
  try {
    return new URL(serverUrl).host;
  } catch {
    return val(env, "CI_SERVER_HOST") ?? "gitlab.com";
  }
}
function gitlabContext(env = process.env) {
  if (!isGitlabCi(env)) return void 0;
  for (const secret of ["CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_JOB_JWT", "CI_JOB_JWT_V2"])
    addSecret(val(env, secret));
  const serverUrl = (val(env, "CI_SERVER_URL") ?? "https://gitlab.com").replace(/\/+$/, "");
  const ctx = {
    serverUrl,
    serverFqdn: fqdn(env, serverUrl),
    apiUrl: (val(env, "CI_API_V4_URL") ?? `${serverUrl}/api/v4`).replace(/\/+$/, ""),
    project: { id: val(env, "CI_PROJECT_ID") ?? "", path: val(env, "CI_PROJECT_PATH") ?? "" },
    pipeline: { id: val(env, "CI_PIPELINE_ID") ?? "" },
    job: { id: val(env, "CI_JOB_ID") ?? "" },
    commit: {
      sha: val(env, "CI_COMMIT_SHA") ?? "",
      ref: val(env, "CI_COMMIT_REF_NAME") ?? val(env, "CI_COMMIT_TAG") ?? val(env, "CI_COMMIT_BRANCH") ?? "",
      refProtected: env.CI_COMMIT_REF_PROTECTED === "true"
    }
  };
  const opt = (target, key, name) => {
    const v = val(env, name);
    if (v !== void 0) target[key] = v;
  };
  opt(ctx.project, "namespace", "CI_PROJECT_NAMESPACE");
  opt(ctx.project, "url", "CI_PROJECT_URL");
  opt(ctx.project, "defaultBranch", "CI_DEFAULT_BRANCH");
  opt(ctx.project, "dir", "CI_PROJECT_DIR");
  opt(ctx.pipeline, "iid", "CI_PIPELINE_IID");
  opt(ctx.pipeline, "url", "CI_PIPELINE_URL");
  opt(ctx.pipeline, "source", "CI_PIPELINE_SOURCE");
  opt(ctx.job, "name", "CI_JOB_NAME");
  opt(ctx.job, "stage", "CI_JOB_STAGE");
  opt(ctx.job, "url", "CI_JOB_URL");
  opt(ctx.job, "token", "CI_JOB_TOKEN");
  opt(ctx.commit, "refSlug", "CI_COMMIT_REF_SLUG");
  opt(ctx.commit, "branch", "CI_COMMIT_BRANCH");
  opt(ctx.commit, "tag", "CI_COMMIT_TAG");
  const iid = Number(val(env, "CI_MERGE_REQUEST_IID"));
  if (Number.isInteger(iid) && iid > 0) {
    const mr = { iid, fromFork: false };
    opt(mr, "projectId", "CI_MERGE_REQUEST_PROJECT_ID");
    opt(mr, "sourceBranch", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
    opt(mr, "targetBranch", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME");
    opt(mr, "diffBaseSha", "CI_MERGE_REQUEST_DIFF_BASE_SHA");
    const source = val(env, "CI_MERGE_REQUEST_SOURCE_PROJECT_ID");
    mr.fromFork = source !== void 0 && mr.projectId !== void 0 && source !== mr.projectId;
    ctx.mergeRequest = mr;
  }
  const host = val(env, "CI_REGISTRY");
  if (host) {
    const registry = { host };
    opt(registry, "image", "CI_REGISTRY_IMAGE");
    opt(registry, "user", "CI_REGISTRY_USER");
    opt(registry, "password", "CI_REGISTRY_PASSWORD");
    ctx.registry = registry;
  }
  try {
    const identity = gitlabIdentity(env);
    if (identity) ctx.identity = identity;
  } catch (e) {
    if (!isShipgateError(e)) throw e;
    ctx.identityProblem = e.message;
  }
  return ctx;
}
function identityMismatches(ctx, identity = ctx.identity) {
  if (!identity) return [];
  const c = identity.claims;
  const out = [];
  const check = (claim, got, want) => {
    if (got !== void 0 && want !== void 0 && want !== "" && got !== want)
      out.push(`${claim} is "${String(got)}" but the job has "${String(want)}"`);
  };
  check("project_path", c.project_path, ctx.project.path);
  check("project_id", c.project_id, ctx.project.id);
  check("pipeline_id", c.pipeline_id, ctx.pipeline.id);
  check("job_id", c.job_id, ctx.job.id);
  check("sha", c.sha, ctx.commit.sha);
  check("ref", c.ref, ctx.commit.ref);
  check("ref_protected", c.ref_protected, ctx.commit.refProtected);
  return out;
}

// src/guard/ci.ts
var GUARD_AUDIENCE = "shipgate";
function detectCi(env) {
  if (env.GITHUB_ACTIONS === "true") return "github";
  if (env.GITLAB_CI === "true") return "gitlab";
  return void 0;
}
function refuse(message, hint) {
  return new ShipgateError("GUARD", message, { hint });
}
function checkTimes(claims, now) {
  const t = Math.floor(now.getTime() / 1e3);
  if (claims.exp === void 0)
    throw refuse('push refused: the ID token has no expiry ("exp" claim)', "use the token your CI issues");
  if (claims.exp <= t)
    throw refuse(
      `push refused: the ID token expired ${t - claims.exp} s ago`,
      "run the push in the job that requested the token, soon after it starts"
    );
  if (claims.nbf !== void 0 && claims.nbf > t + 60)
    throw refuse('push refused: the ID token is not valid yet ("nbf" claim)', "check the runner clock");
}
var mismatchHint = "the ID token must belong to this very job; do not pass tokens between jobs or projects";
function verifyGitlabJob(env, now = /* @__PURE__ */ new Date()) {
  const ctx = gitlabContext(env);
  if (!ctx) throw refuse('push refused: not a GitLab CI job (GITLAB_CI is not "true")', "push from CI");
  const required = ["CI_PROJECT_PATH", "CI_PIPELINE_ID", "CI_JOB_ID", "CI_COMMIT_SHA", "CI_COMMIT_REF_NAME"];
  const missing = required.filter((v) => !env[v]?.trim());
  if (missing.length)
    throw refuse(
      `push refused: the GitLab job environment lacks ${missing.join(", ")}`,
      "push from a CI job"
    );
  const variable = ["SHIPGATE_ID_TOKEN", "SIGSTORE_ID_TOKEN"].find((v) => env[v]?.trim());
  if (!variable)
    throw refuse(
      "push refused: the GitLab job has no ID token (SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN)",
      `declare one in the job: id_tokens: { SHIPGATE_ID_TOKEN: { aud: ${GUARD_AUDIENCE} } }`
    );
  let identity;
  try {
    identity = decodeIdToken(env[variable], variable);
  } catch (e) {
    throw refuse(`push refused: ${e.message}`, "declare the token with id_tokens: in the job");
  }
  const c = identity.claims;
  const absent = ["project_path", "pipeline_id", "sha", "ref"].filter((k) => c[k] === void 0);
  if (absent.length)
    throw refuse(
      `push refused: the ID token lacks the claim ${absent.join(", ")}`,
      "use a GitLab job ID token"
    );
  const mismatches = identityMismatches(ctx, identity);
  if (mismatches.length) throw refuse(`push refused: ID token ${mismatches.join("; ")}`, mismatchHint);
  checkTimes(c, now);
  return {
    platform: "gitlab",
    project: c.project_path,
    run: c.pipeline_id,
    sha: c.sha,
    ref: c.ref,
    subject: c.sub
  };
}
function decodeGithubToken(token) {
  addSecret(token);
  const parts = token.split(".");
  let payload;
  try {
    if (parts.length === 3)
      payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    payload = void 0;
  }
  if (!payload || typeof payload !== "object" || typeof payload.sub !== "string")
    throw refuse("push refused: GitHub returned an ID token that is not a JSON Web Token", "retry the job");
  const s = (k) => typeof payload[k] === "string" ? payload[k] : typeof payload[k] === "number" ? String(payload[k]) : void 0;
  const n = (k) => typeof payload[k] === "number" ? payload[k] : void 0;
  const aud = payload.aud;
  return {
    sub: payload.sub,
    aud: Array.isArray(aud) ? aud.map(String) : typeof aud === "string" ? [aud] : [],
    exp: n("exp"),
    nbf: n("nbf"),
    repository: s("repository"),
    run_id: s("run_id"),
    sha: s("sha"),
    ref: s("ref"),
    workflow_ref: s("workflow_ref"),
    job_workflow_ref: s("job_workflow_ref")
  };
}
function githubMismatches(claims, env) {
  const pairs = [
    ["repository", "GITHUB_REPOSITORY"],
    ["run_id", "GITHUB_RUN_ID"],
    ["sha", "GITHUB_SHA"],
    ["ref", "GITHUB_REF"],
    // workflow_ref names the workflow the run started (GITHUB_WORKFLOW_REF, also in reusable workflows);
    // job_workflow_ref names the file the job is defined in.
    ["workflow_ref", "GITHUB_WORKFLOW_REF"]
  ];
  const out = [];
  for (const [claim, variable] of pairs) {
    const got = claims[claim];
    const want = env[variable]?.trim();
    if (got === void 0) out.push(`${claim} is missing`);
    else if (got !== want) out.push(`${claim} is "${String(got)}" but the job has "${want ?? ""}"`);
  }
  return out;
}
async function requestGithubToken(env, doFetch = fetch) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim();
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim();
  if (!url || !bearer)
    throw refuse(
      "push refused: the GitHub job cannot request an ID token (ACTIONS_ID_TOKEN_REQUEST_URL is not set)",
      'give the job "permissions: id-token: write"'
    );
  addSecret(bearer);
  const target = new URL(url);
  target.searchParams.set("audience", GUARD_AUDIENCE);
  let res;
  try {
    res = await doFetch(target, {
      headers: { authorization: `Bearer ${bearer}`, accept: "application/json" }
    });
  } catch (e) {
    const cause = e.cause?.code ?? e.message;
    throw new ShipgateError("NETWORK", `cannot reach the Actions ID token service: ${cause}`, {
      hint: "retry the job"
    });
  }
  if (!res.ok)
    throw refuse(
      `push refused: the Actions ID token service answered ${res.status}`,
      'give the job "permissions: id-token: write"'
    );
  const body = await res.json().catch(() => ({}));
  if (typeof body.value !== "string" || !body.value)
    throw refuse("push refused: the Actions ID token service returned no token", "retry the job");
  addSecret(body.value);
  return body.value;
}
async function verifyGithubJob(env, now = /* @__PURE__ */ new Date(), doFetch = fetch) {
  const claims = decodeGithubToken(await requestGithubToken(env, doFetch));
  if (!claims.aud.includes(GUARD_AUDIENCE))
    throw refuse(`push refused: the ID token is not for audience "${GUARD_AUDIENCE}"`, mismatchHint);
  const mismatches = githubMismatches(claims, env);
  if (mismatches.length) throw refuse(`push refused: ID token ${mismatches.join("; ")}`, mismatchHint);
  checkTimes(claims, now);
  return {
    platform: "github",
    project: claims.repository,
    run: claims.run_id,
    sha: claims.sha,
    ref: claims.ref,
    subject: claims.sub
  };
}
async function verifyCiJob(options = {}) {
  const env = options.env ?? process.env;
  const now = options.now ?? /* @__PURE__ */ new Date();
  switch (detectCi(env)) {
    case "github":
      return verifyGithubJob(env, now, options.fetch ?? fetch);
    case "gitlab":
      return verifyGitlabJob(env, now);
    default:
      throw refuse(
        "push refused: not running in a CI job (GitHub Actions or GitLab CI)",
        'shipgate pushes only from a verified CI job; build and scan locally with "shipgate scan"'
      );
  }
}

// src/guard/copy.ts
var LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
var CONFIG = "application/vnd.oci.image.config.v1+json";
function parseDestination(dest) {
  const ref = parseImageRef(dest);
  if (ref.transport !== "registry")
    throw new ShipgateError("USAGE", `push: "${dest}" is not a registry reference`, {
      hint: "give DEST as host/repository[:tag], e.g. registry.gitlab.com/group/app:1.2"
    });
  return ref;
}
async function readAll(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}
function ociManifest(config, layers) {
  const strip = (d) => ({ mediaType: d.mediaType, digest: d.digest, size: d.size });
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      config: strip(config),
      layers: layers.map(strip)
    })
  );
}
async function pushImage(image, dest, options = {}) {
  const log = logger();
  const ref = parseDestination(dest);
  const repository = ref.repository;
  const client = new RegistryClient({
    registry: ref.registry,
    ...options.env ? { env: options.env } : {},
    ...options.insecureRegistries ? { insecureRegistries: options.insecureRegistries } : {}
  });
  const { info } = image;
  const layers = [];
  for (const layer of info.layers) {
    const tar = await readAll(await image.openLayer(layer.index));
    const digest2 = digestOf(tar);
    if (layer.diffId && layer.diffId !== digest2)
      throw new ShipgateError(
        "DIGEST_MISMATCH",
        `${info.ref}: layer ${layer.index} unpacks to ${digest2}, but the config says ${layer.diffId}`
      );
    const exists = await client.hasBlob(repository, digest2, "push");
    if (!exists) await client.pushBlob(repository, tar, LAYER_TAR);
    log.info(
      `push: layer ${layer.index + 1}/${info.layers.length} ${digest2.slice(0, 19)} (${tar.length} bytes) ${exists ? "exists" : "uploaded"}`
    );
    layers.push({ mediaType: LAYER_TAR, digest: digest2, size: tar.length });
  }
  const config = await client.pushBlob(repository, Buffer.from(JSON.stringify(info.config)), CONFIG);
  const manifest = ociManifest(config, layers);
  const digest = digestOf(manifest);
  await client.putManifest(repository, ref.tag ?? digest, manifest, MT.ociManifest);
  if (ref.digest && ref.digest !== digest)
    throw new ShipgateError(
      "DIGEST_MISMATCH",
      `push: ${dest} names ${ref.digest}, but the image is ${digest}`
    );
  const base = repositoryName(ref);
  log.info(`push: ${base}${ref.tag ? `:${ref.tag}` : ""} is ${digest}`);
  return { reference: `${base}@${digest}`, digest, layers };
}

// src/cli/commands/push.ts
var HELP = `Usage: shipgate push IMAGE DEST [--dockerfile FILE]... [--config FILE] [options]

Pushes IMAGE to the registry reference DEST, only from a verified CI job and only once the image is approved:
  1. the job must be a GitHub Actions or GitLab CI job whose OIDC ID token matches its environment
     (GitHub: permissions id-token: write; GitLab: id_tokens: SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN);
  2. the image (and the Dockerfiles) are scanned as "shipgate scan" does, and the policy must approve;
  3. the layers and config are uploaded and the manifest is put; the pushed IMAGE@sha256:... is printed.
There is no flag to push from elsewhere: build and scan locally with "shipgate scan".

Arguments:
  IMAGE                   docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME or a registry
                          reference
  DEST                    registry reference to push to (registry.gitlab.com/group/app:1.2)

Options:
  -d, --dockerfile FILE   a Dockerfile to lint as part of the approval (repeatable)
  -c, --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --platform P        os/arch[/variant] to pick from a multi-platform image (default: this machine's)
      --vuln-db PATH      OSV records: a directory or zip (offline), instead of the cached OSV database
      --offline           never download vulnerability data (use --vuln-db or the cache)

Registry credentials: docker login, or SHIPGATE_REGISTRY_USERNAME and SHIPGATE_REGISTRY_PASSWORD.
`;
async function run(argv) {
  const p = parse("push", argv, {
    dockerfile: { type: "string", short: "d", multiple: true },
    config: { type: "string", short: "c" },
    platform: { type: "string" },
    "vuln-db": { type: "string" },
    offline: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  const [image, dest, extra] = p.positionals;
  if (!image || !dest || extra !== void 0)
    throw new ShipgateError("USAGE", "push: give exactly IMAGE and DEST", {
      hint: "e.g. shipgate push oci-archive:app.tar registry.gitlab.com/group/app:1.2"
    });
  parseDestination(dest);
  const log = logger();
  const job = await verifyCiJob();
  log.info(
    `push: verified ${job.platform} job: ${job.project} run ${job.run} at ${job.sha.slice(0, 12)} (${job.ref})`
  );
  const opts = {
    dockerfiles: list(p, "dockerfile"),
    repoRoot: findRepoRoot(),
    image,
    ...str(p, "platform") ? { platform: str(p, "platform") } : {},
    ...str(p, "config") ? { configPath: str(p, "config") } : {},
    ...str(p, "vuln-db") ? { vulnDb: str(p, "vuln-db") } : {},
    ...bool(p, "offline") ? { offline: true } : {}
  };
  const result = await runPipeline(opts);
  if (!result.decision?.approved)
    throw new ShipgateError(
      "GUARD",
      `push refused: ${image} is not approved: ${result.decision ? blockingReasonsLine(result.decision) : "no decision"}`,
      {
        hint: 'fix the findings or adjust the policy, then run the job again; "shipgate scan" shows every finding'
      }
    );
  log.info(`push: ${image} is approved (policy: ${result.decision.policy})`);
  const opened = await openImage(image, str(p, "platform") ? { platform: str(p, "platform") } : {});
  try {
    const scanned = result.image?.configDigest;
    if (!scanned || scanned !== opened.info.configDigest)
      throw new ShipgateError(
        "GUARD",
        `push refused: ${image} changed after it was scanned (config ${opened.info.configDigest})`,
        { hint: "do not rewrite the image while the push job runs" }
      );
    const pushed = await pushImage(opened, dest);
    process.stdout.write(`${pushed.reference}
`);
  } finally {
    await opened.close();
  }
  return EXIT.OK;
}
export {
  run
};
