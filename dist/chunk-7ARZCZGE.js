#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  redact
} from "./chunk-6INDVNBY.js";
import {
  stableHash
} from "./chunk-XFIAZQWE.js";
import {
  addSecret,
  mask
} from "./chunk-HYPJQQQ3.js";

// src/secrets/allow.ts
var PLACEHOLDER_PATTERNS = [
  /^(?:true|false|null|nil|none|undefined|empty|required|optional)$/i,
  /^(?:change_?me|changeit|pass|pw|pwd|password|passwd|pass_?word|secret|token|user|username|example|sample|dummy|placeholder|redacted|hidden|masked|test|testing|foo|bar|foobar|admin|root|guest)\d*$/i,
  /example/i,
  /^(?:your|my|insert|enter|replace)[_-]/i,
  /^your[A-Z]/,
  /(?:[_-]here|_goes_here)$/i,
  /^(.)\1+$/,
  // aaaaaaaa, ********
  /0{8,}$/,
  // documentation tokens padded with zeros
  /^[x*.#_-]{3,}$/i,
  /x{5,}|\*{3,}|\.{3,}/i,
  /^\$\{[^}]*\}$/,
  // ${VAR}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  // $VAR
  /^\$\(.*\)$/,
  // $(cmd)
  /^\{\{.*\}\}$/,
  // {{ template }}
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  // %VAR%
  /^@[A-Za-z_][A-Za-z0-9_]*@$/,
  // @VAR@
  /^<[^>]+>$/,
  // <password>
  /^\[[^\]]+\]$/,
  /^(?:0123456789|1234567890|abcdefghij)/i,
  /^(?:abcdefghijklmnopqrstuvwxyz|0123456789abcdef)/i
];
var KNOWN_EXAMPLES = /* @__PURE__ */ new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "AIzaSyabcdefghijklmnopqrstuvwxyz1234567"
]);
function isPlaceholder(value) {
  if (KNOWN_EXAMPLES.has(value)) return true;
  return PLACEHOLDER_PATTERNS.some((p) => p.test(value));
}
var DEFAULT_SKIP_PATHS = [
  /^\/usr\/share\/(?:doc|man|info|locale|i18n|zoneinfo|common-licenses|mime|perl5?|lintian|bug)\//,
  /^\/usr\/include\//,
  /^\/var\/lib\/dpkg\/info\/[^/]+\.(?:md5sums|list|conffiles|triggers|shlibs|symbols)$/,
  /^\/var\/lib\/(?:dpkg\/status|apk\/db\/installed|rpm\/)/,
  /^\/var\/lib\/apt\/lists\//,
  // package index files (public metadata, tens of MB)
  /^\/var\/cache\/(?:apt|apk|yum|dnf|debconf)\//,
  /\/(?:tests?|testdata|__tests__|__mocks__|fixtures?|__fixtures__|spec|examples?)\//i,
  /[._-](?:test|spec)\.[cm]?[jt]sx?$/i,
  /_test\.(?:go|py)$/,
  /\/node_modules\/.+\.(?:md|markdown)$/i,
  // package documentation
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|go\.sum|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock)$/,
  /\.(?:der|pub|asc\.pub|sig|map)$/i,
  /\.so(?:\.\d+)+$/,
  // versioned shared libraries
  /^\/usr\/lib\/locale\/locale-archive$/
];
var CERTIFICATE_PATHS = [
  /^\/usr\/share\/ca-certificates\//,
  /^\/etc\/ssl\/certs\//,
  /^\/etc\/pki\/(?:ca-trust|tls\/certs)\//,
  /\.(?:crt|cer|csr)$/i
];
function isCertificatePath(path) {
  return CERTIFICATE_PATHS.some((p) => p.test(path));
}
var BINARY_EXTENSIONS = /* @__PURE__ */ new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "bmp",
  "ico",
  "webp",
  "tif",
  "tiff",
  "svgz",
  "psd",
  "woff",
  "woff2",
  "ttf",
  "otf",
  "eot",
  "pfb",
  "gz",
  "tgz",
  "bz2",
  "xz",
  "zst",
  "lz4",
  "lzma",
  "zip",
  "jar",
  "war",
  "ear",
  "whl",
  "egg",
  "7z",
  "rar",
  "deb",
  "rpm",
  "apk",
  "so",
  "a",
  "o",
  "dll",
  "exe",
  "dylib",
  "node",
  "wasm",
  "class",
  "pyc",
  "pyo",
  "mo",
  "gmo",
  "db",
  "sqlite",
  "cache",
  "mp3",
  "mp4",
  "ogg",
  "wav",
  "avi",
  "mov",
  "flac",
  "pdf"
]);
function extensionOf(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}
function isSkippedPath(path, extra = [], defaults = true) {
  if (BINARY_EXTENSIONS.has(extensionOf(path))) return true;
  if (defaults && DEFAULT_SKIP_PATHS.some((p) => p.test(path))) return true;
  return extra.some((p) => p.test(path));
}

// src/secrets/rules.ts
var FIX_DEFAULT = [
  "Treat the credential as leaked: revoke or rotate it at the provider first.",
  "Then remove it from the image. Deleting the file in a later layer is not enough, because every layer stays",
  "downloadable; rebuild so that no layer ever contains it. Pass build-time credentials with a BuildKit secret",
  "mount and runtime credentials from the platform secret store:",
  "",
  "```dockerfile",
  'RUN --mount=type=secret,id=npm_token NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci',
  "```"
].join("\n");
var RATIONALE_DEFAULT = "Anyone who can pull the image can read every file of every layer, its configuration and its build history. A credential baked into an image is as public as the image and usually outlives the build that needed it.";
function def(d) {
  const flags = /* @__PURE__ */ new Set([...d.regex.flags, "g", "d"]);
  const equivalents = {};
  if (d.gitleaks?.length) equivalents.gitleaks = d.gitleaks;
  if (d.trivy?.length) equivalents.trivy = d.trivy;
  const rule = {
    meta: {
      id: `SG-SEC-${String(d.n).padStart(3, "0")}`,
      kind: "secret",
      title: d.title,
      severity: d.severity,
      description: d.description,
      rationale: d.rationale ?? RATIONALE_DEFAULT,
      fix: d.fix ?? FIX_DEFAULT,
      tags: ["security", "secret", ...d.tags ?? []],
      ...Object.keys(equivalents).length ? { equivalents } : {}
    },
    keywords: d.keywords.map((k) => k.toLowerCase()),
    regex: new RegExp(d.regex.source, [...flags].join(""))
  };
  for (const k of [
    "group",
    "minEntropy",
    "allow",
    "validate",
    "paths",
    "generic",
    "late",
    "configOnlyGroup"
  ]) {
    if (d[k] !== void 0) rule[k] = d[k];
  }
  return rule;
}
var END = String.raw`(?=[\x60'"\s;,)\]}]|\\[nr]|$)`;
var START = String.raw`(?<![A-Za-z0-9_\-])`;
function keyedSource(keys, value) {
  return String.raw`(?:${keys})(?:(?!${keys})[ \t\w.-]){0,20}[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}(${value})${END}`;
}
function keyed(keys, value) {
  return new RegExp(keyedSource(keys, value), "gim");
}
var PEM_NL = String.raw`(?:\\n|\n)`;
var PEM_SEP = String.raw`(?:\\n|\s)`;
var PEM_CHAR = String.raw`(?:[A-Za-z0-9+/=]|\\(?!n))`;
var PEM_BODY = `(${PEM_CHAR}(?:${PEM_SEP}*${PEM_CHAR})*)`;
function pemBodyLength(body, max) {
  return body.length >= 64 && body.length <= max;
}
var GENERIC_NAME = String.raw`[A-Za-z0-9_.-]+(?![A-Za-z0-9_.-])(?<=(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]{0,20})["']?[ \t]{0,3}(?::=|=>|=|:)[ \t]{0,3}`;
var GENERIC_STOP = String.raw`[\s"'$;,&?()[\]{}<>]`;
var GENERIC_UNQUOTED = String.raw`[^\s"'$;,&?()[\]{}<>]`;
var UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
function b64json(part) {
  try {
    const s = Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
    return JSON.parse(s);
  } catch {
    return void 0;
  }
}
function dockerAuthValid(value) {
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  return i > 0 && i < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded);
}
var SECRET_RULES = [
  def({
    n: 1,
    title: "AWS access key ID",
    severity: "critical",
    description: "An AWS access key ID (AKIA..., ASIA... and the other IAM unique-id prefixes).",
    keywords: ["akia", "asia", "abia", "acca", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "a3t"],
    regex: new RegExp(
      `${START}((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16})(?![A-Za-z0-9])`
    ),
    minEntropy: 3,
    allow: [/EXAMPLE$/],
    gitleaks: ["aws-access-token"],
    trivy: ["aws-access-key-id"],
    tags: ["aws"]
  }),
  def({
    n: 2,
    title: "AWS secret access key",
    severity: "critical",
    description: "A 40-character AWS secret access key assigned to an `aws_secret_access_key`-like name (credentials files, env files, code).",
    keywords: ["aws"],
    regex: /["']?aws_?(?:sec(?:ret)?)?_?(?:access)?_?key["']?\s*(?:(?::|=>|=)\s*)?["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    minEntropy: 4,
    allow: [/EXAMPLE/],
    trivy: ["aws-secret-access-key"],
    tags: ["aws"]
  }),
  def({
    n: 3,
    title: "GitHub personal access token (classic)",
    severity: "critical",
    description: "A classic GitHub personal access token (`ghp_`).",
    keywords: ["ghp_"],
    regex: /\b(ghp_[0-9a-zA-Z]{36})\b/,
    minEntropy: 3,
    gitleaks: ["github-pat"],
    trivy: ["github-pat"],
    tags: ["github"]
  }),
  def({
    n: 4,
    title: "GitHub OAuth access token",
    severity: "critical",
    description: "A GitHub OAuth app user access token (`gho_`).",
    keywords: ["gho_"],
    regex: /\b(gho_[0-9a-zA-Z]{36})\b/,
    minEntropy: 3,
    gitleaks: ["github-oauth"],
    trivy: ["github-oauth"],
    tags: ["github"]
  }),
  def({
    n: 5,
    title: "GitHub App token",
    severity: "critical",
    description: "A GitHub App user-to-server (`ghu_`) or installation (`ghs_`) token.",
    keywords: ["ghu_", "ghs_"],
    regex: /\b((?:ghu|ghs)_[0-9a-zA-Z]{36})\b/,
    minEntropy: 3,
    gitleaks: ["github-app-token"],
    trivy: ["github-app-token"],
    tags: ["github"]
  }),
  def({
    n: 6,
    title: "GitHub refresh token",
    severity: "critical",
    description: "A GitHub App refresh token (`ghr_`).",
    keywords: ["ghr_"],
    regex: /\b(ghr_[0-9a-zA-Z]{36,76})\b/,
    minEntropy: 3,
    gitleaks: ["github-refresh-token"],
    trivy: ["github-refresh-token"],
    tags: ["github"]
  }),
  def({
    n: 7,
    title: "GitHub fine-grained personal access token",
    severity: "critical",
    description: "A fine-grained GitHub personal access token (`github_pat_`).",
    keywords: ["github_pat_"],
    regex: /\b(github_pat_[0-9a-zA-Z]{22}_[0-9a-zA-Z]{59})\b/,
    minEntropy: 3,
    gitleaks: ["github-fine-grained-pat"],
    trivy: ["github-fine-grained-pat"],
    tags: ["github"]
  }),
  def({
    n: 8,
    title: "GitLab personal access token",
    severity: "critical",
    description: "A GitLab personal, project or group access token (`glpat-`, including the routable format).",
    keywords: ["glpat-"],
    regex: /(?<![\w-])(glpat-[0-9a-zA-Z_-]{20,300}(?:\.[0-9a-z]{9})?)(?![0-9A-Za-z_-])/,
    minEntropy: 3,
    gitleaks: ["gitlab-pat", "gitlab-pat-routable"],
    trivy: ["gitlab-pat"],
    tags: ["gitlab"]
  }),
  def({
    n: 9,
    title: "GitLab deploy token",
    severity: "high",
    description: "A GitLab deploy token (`gldt-`), which can read or write repositories, packages and images.",
    keywords: ["gldt-"],
    regex: /\b(gldt-[0-9a-zA-Z_-]{20})(?![0-9A-Za-z_-])/,
    minEntropy: 3,
    gitleaks: ["gitlab-deploy-token"],
    tags: ["gitlab"]
  }),
  def({
    n: 10,
    title: "GitLab runner token",
    severity: "high",
    description: "A GitLab runner authentication token (`glrt-`) or legacy runner registration token (`GR1348941`).",
    keywords: ["glrt-", "gr1348941"],
    regex: /(?<![\w-])((?:glrt-(?:t\d_)?[0-9a-zA-Z_-]{20,300}(?:\.[0-9a-z]{9})?)|GR1348941[0-9a-zA-Z_-]{20})(?![0-9A-Za-z_-])/,
    minEntropy: 3,
    gitleaks: ["gitlab-runner-authentication-token", "gitlab-rrt"],
    tags: ["gitlab"]
  }),
  def({
    n: 11,
    title: "GitLab CI, trigger or other service token",
    severity: "high",
    description: "Other GitLab tokens: CI/CD job (`glcbt-`), pipeline trigger (`glptt-`), feed (`glft-`), SCIM (`glsoat-`), OAuth app secret (`gloas-`), agent (`glagent-`), incoming mail (`glimt-`), feature flag client (`glffct-`).",
    keywords: ["glcbt-", "glptt-", "glft-", "glsoat-", "gloas-", "glagent-", "glimt-", "glffct-"],
    regex: /\b(glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}|glptt-[0-9a-f]{40}|glft-[0-9a-zA-Z_-]{20}|glsoat-[0-9a-zA-Z_-]{20}|gloas-[0-9a-zA-Z_-]{64}|glagent-[0-9a-zA-Z_-]{50}|glimt-[0-9a-zA-Z_-]{25}|glffct-[0-9a-zA-Z_-]{20})(?![0-9A-Za-z_-])/,
    minEntropy: 3,
    gitleaks: [
      "gitlab-cicd-job-token",
      "gitlab-ptt",
      "gitlab-feed-token",
      "gitlab-scim-token",
      "gitlab-oauth-app-secret",
      "gitlab-kubernetes-agent-token",
      "gitlab-incoming-mail-token",
      "gitlab-feature-flag-client-token"
    ],
    tags: ["gitlab"]
  }),
  def({
    n: 12,
    title: "Slack token",
    severity: "high",
    description: "A Slack bot, user, app, workspace or configuration token (`xoxb-`, `xoxp-`, `xoxa-`, `xapp-` ...).",
    keywords: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxo-", "xoxe", "xapp-"],
    regex: /\b((?:xox[baprseo]|xoxe\.xox[bp])-[0-9A-Za-z][0-9A-Za-z-]{9,250}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)\b/i,
    minEntropy: 2.5,
    gitleaks: ["slack-bot-token", "slack-user-token", "slack-app-token", "slack-legacy-token"],
    trivy: ["slack-access-token"],
    tags: ["slack"]
  }),
  def({
    n: 13,
    title: "Slack webhook URL",
    severity: "medium",
    description: "A Slack incoming webhook, workflow or trigger URL; whoever holds it can post to the channel.",
    keywords: ["hooks.slack.com"],
    regex: /((?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})/,
    gitleaks: ["slack-webhook-url"],
    trivy: ["slack-web-hook"],
    tags: ["slack"]
  }),
  def({
    n: 14,
    title: "Stripe secret or restricted key",
    severity: "critical",
    description: "A Stripe secret (`sk_live_`, `sk_test_`) or restricted (`rk_`) API key.",
    keywords: ["sk_test", "sk_live", "sk_prod", "rk_test", "rk_live", "rk_prod"],
    regex: /\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})\b/,
    minEntropy: 2,
    gitleaks: ["stripe-access-token"],
    trivy: ["stripe-secret-token"],
    tags: ["stripe"]
  }),
  def({
    n: 15,
    title: "Google API key",
    severity: "high",
    description: "A Google Cloud / Firebase API key (`AIza...`).",
    keywords: ["aiza"],
    regex: /\b(AIza[\w-]{35})(?![\w-])/,
    minEntropy: 4,
    gitleaks: ["gcp-api-key"],
    tags: ["google"]
  }),
  def({
    n: 16,
    title: "Google Cloud service account key",
    severity: "critical",
    description: 'A Google Cloud service-account JSON key file (`"type": "service_account"` with a `private_key_id`).',
    keywords: ["service_account"],
    regex: /"type"\s*:\s*"service_account"(?:[^"]|"(?!type"|private_key_id")){0,600}"private_key_id"\s*:\s*"([a-f0-9]{40})"/,
    trivy: ["gcp-service-account"],
    tags: ["google"]
  }),
  def({
    n: 17,
    title: "Azure storage account key",
    severity: "critical",
    description: "An Azure storage account key, alone (`AccountKey=`) or in a connection string.",
    keywords: ["accountkey", "account_key", "storage_key"],
    regex: /(?:AccountKey|account_key|storage_key|STORAGE_ACCOUNT_KEY)\s*[=:]\s*["']?([A-Za-z0-9+/]{86}==)/i,
    // The storage emulator's (Azurite) key is published by Microsoft and ships in @azure/storage-blob.
    allow: [/^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/],
    minEntropy: 4,
    tags: ["azure"]
  }),
  def({
    n: 18,
    title: "Azure AD client secret",
    severity: "high",
    description: "A Microsoft Entra ID (Azure AD) application client secret (`...Q~...`).",
    keywords: ["q~"],
    regex: /(?:^|[\\'"\x60\s>=:(,)])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?=$|[\\'"\x60\s<),])/m,
    minEntropy: 3,
    gitleaks: ["azure-ad-client-secret"],
    tags: ["azure"]
  }),
  def({
    n: 19,
    title: "npm access token",
    severity: "critical",
    description: "An npm access token (`npm_`), which can publish packages as its owner.",
    keywords: ["npm_"],
    regex: /\b(npm_[a-zA-Z0-9]{36})\b/,
    minEntropy: 2,
    gitleaks: ["npm-access-token"],
    trivy: ["npm-access-token"],
    tags: ["npm"]
  }),
  def({
    n: 20,
    title: "npm registry credentials in .npmrc",
    severity: "high",
    description: "An `_authToken`, `_auth` or `_password` value in an `.npmrc` file.",
    keywords: ["_authtoken", "_auth", "_password"],
    regex: /(?:^|:)(?:_authToken|_auth|_password)\s*=\s*["']?((?:[^\s"'$:]|:(?!_auth|_password)){8,})["']?\s*$/m,
    paths: /(?:^|\/)\.?npmrc$/,
    tags: ["npm"]
  }),
  def({
    n: 21,
    title: "PyPI upload token",
    severity: "critical",
    description: "A PyPI API token (`pypi-AgEIcHlwaS5vcmc...`), which can upload releases.",
    keywords: ["pypi-ageichlwas5vcmc"],
    regex: /\b(pypi-AgEIcHlwaS5vcmc[\w-]{50,1000})(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["pypi-upload-token"],
    trivy: ["pypi-upload-token"],
    tags: ["pypi"]
  }),
  def({
    n: 22,
    title: "Docker registry credentials",
    severity: "high",
    description: "A registry `auth` entry (base64 `user:password`) in a Docker `config.json`, or a `.dockerconfigjson` / `.dockercfg` value.",
    keywords: ['"auth"', "dockerconfigjson", "dockercfg"],
    regex: /(?:"auth"\s*:\s*"|\.(?:dockerconfigjson|dockercfg)\s*:\s*(?:\|\s*)?)([A-Za-z0-9+/]{8,}={0,2})/,
    validate: (v) => v.startsWith("ey") || v.startsWith("ew") ? true : dockerAuthValid(v),
    trivy: ["dockerconfig-secret"],
    tags: ["docker"]
  }),
  def({
    n: 23,
    title: "Private key",
    severity: "critical",
    description: "An unencrypted private key in PEM format: RSA, EC, DSA, PKCS#8 or OpenSSH.",
    keywords: ["private key-----"],
    regex: new RegExp(
      String.raw`-----BEGIN (?:RSA |EC |DSA |OPENSSH |)PRIVATE KEY-----${PEM_SEP}+(?!Proc-Type: 4,ENCRYPTED)${PEM_BODY}${PEM_SEP}*-----END (?:RSA |EC |DSA |OPENSSH |)PRIVATE KEY-----`
    ),
    validate: (v) => pemBodyLength(v, 16384) && v.replace(/\\n|\s/g, "").length >= 64,
    gitleaks: ["private-key"],
    trivy: ["private-key"],
    tags: ["crypto"]
  }),
  def({
    n: 24,
    title: "Encrypted private key",
    severity: "medium",
    description: "A passphrase-protected private key (PKCS#8 `ENCRYPTED PRIVATE KEY` or legacy PEM with `Proc-Type: 4,ENCRYPTED`).",
    keywords: ["encrypted private key", "4,encrypted"],
    regex: new RegExp(
      String.raw`-----BEGIN (?:ENCRYPTED PRIVATE KEY-----${PEM_SEP}+|(?:RSA |EC |DSA )PRIVATE KEY-----${PEM_SEP}+Proc-Type: 4,ENCRYPTED\r?(?:${PEM_NL}[A-Za-z-]+:(?:[^\n\\-]|\\(?!n)|-(?!----))*)*${PEM_NL}${PEM_SEP}*)${PEM_BODY}${PEM_SEP}*-----END`
    ),
    validate: (v) => pemBodyLength(v, 16384),
    rationale: "An encrypted key still lets anyone who pulls the image run an offline attack on its passphrase, and the passphrase is often stored nearby.",
    gitleaks: ["private-key"],
    trivy: ["private-key"],
    tags: ["crypto"]
  }),
  def({
    n: 25,
    title: "PGP private key block",
    severity: "high",
    description: "An armored OpenPGP secret key (`-----BEGIN PGP PRIVATE KEY BLOCK-----`).",
    keywords: ["pgp private key block"],
    regex: new RegExp(
      String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----${PEM_SEP}+(?:[A-Za-z-]+: (?:[^\n-]|-(?!----))*\n${PEM_SEP}*)*${PEM_BODY}${PEM_SEP}*-----END PGP PRIVATE KEY BLOCK-----`
    ),
    validate: (v) => pemBodyLength(v, 65536),
    gitleaks: ["private-key"],
    trivy: ["private-key"],
    tags: ["crypto"]
  }),
  def({
    n: 26,
    title: "JSON Web Token",
    severity: "medium",
    description: "A signed JSON Web Token whose header decodes to JSON with an `alg`; it may grant access until it expires.",
    keywords: ["eyj"],
    regex: /\b(ey[a-zA-Z0-9]{17,}\.ey[a-zA-Z0-9/\\_-]{17,}\.[a-zA-Z0-9/\\_-]{10,}={0,2})(?![\w/\\-])/,
    minEntropy: 3,
    validate: (v) => {
      const header = b64json(v.split(".")[0] ?? "");
      return typeof header === "object" && header !== null && "alg" in header;
    },
    gitleaks: ["jwt"],
    trivy: ["jwt-token"],
    tags: ["jwt"]
  }),
  def({
    n: 27,
    title: "Database connection URL with password",
    severity: "high",
    description: "A PostgreSQL, MySQL/MariaDB, MongoDB, Redis, AMQP or SQL Server URL with an inline password (`scheme://user:password@host`).",
    keywords: ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "jdbc:"],
    regex: /\b(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver):\/\/[^:@/\s'"]*:([^@/\s'"]{3,})@[^\s'"/]+/i,
    gitleaks: [],
    tags: ["database"]
  }),
  def({
    n: 28,
    title: "Credentials in a URL",
    severity: "high",
    description: "An HTTP(S), FTP or Git URL with an inline password (`https://user:token@host`), e.g. in `git clone` or `.git-credentials`.",
    keywords: ["://"],
    regex: /\b(?:https?|ftps?|git|ssh|svn):\/\/[A-Za-z0-9._%+~-]{1,100}:([^@/\s'"<>{}]{6,200})@[A-Za-z0-9.-]+/i,
    minEntropy: 2.5,
    late: true,
    tags: ["url"]
  }),
  def({
    n: 29,
    title: "Twilio API key",
    severity: "medium",
    description: "A Twilio API key SID (`SK` followed by 32 hex digits).",
    keywords: ["sk"],
    regex: /\b(SK[0-9a-fA-F]{32})\b/,
    minEntropy: 3,
    gitleaks: ["twilio-api-key"],
    trivy: ["twilio-api-key"],
    tags: ["twilio"]
  }),
  def({
    n: 30,
    title: "SendGrid API key",
    severity: "high",
    description: "A SendGrid API key (`SG.<22>.<43>`).",
    keywords: ["sg."],
    regex: /\b(SG\.[\w-]{22}\.[\w-]{43})(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["sendgrid-api-token"],
    trivy: ["sendgrid-api-token"],
    tags: ["sendgrid"]
  }),
  def({
    n: 31,
    title: "Mailgun API key",
    severity: "high",
    description: "A Mailgun private API key or webhook signing key assigned to a `mailgun`-named setting.",
    keywords: ["mailgun"],
    regex: keyed("mailgun", "(?:pub)?key-[a-f0-9]{32}|[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}"),
    gitleaks: ["mailgun-private-api-token", "mailgun-signing-key"],
    trivy: ["mailgun-token", "mailgun-signing-key"],
    tags: ["mailgun"]
  }),
  def({
    n: 32,
    title: "Shopify access token or shared secret",
    severity: "high",
    description: "A Shopify access token or shared secret (`shpat_`, `shpca_`, `shppa_`, `shpss_`).",
    keywords: ["shpat_", "shpca_", "shppa_", "shpss_"],
    regex: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/,
    minEntropy: 2,
    gitleaks: ["shopify-access-token", "shopify-shared-secret"],
    trivy: ["shopify-token"],
    tags: ["shopify"]
  }),
  def({
    n: 33,
    title: "Heroku API key",
    severity: "high",
    description: "A Heroku API key: the `HRKU-` format, or a UUID assigned to a `heroku`-named setting.",
    keywords: ["heroku", "hrku-"],
    regex: new RegExp(
      String.raw`(?:\b(HRKU-AA[0-9a-zA-Z_-]{58})${END}|heroku(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}(${UUID})${END})`,
      "im"
    ),
    gitleaks: ["heroku-api-key", "heroku-api-key-v2"],
    trivy: ["heroku-api-key"],
    tags: ["heroku"]
  }),
  def({
    n: 34,
    title: "DigitalOcean token",
    severity: "high",
    description: "A DigitalOcean personal access, OAuth or refresh token (`dop_v1_`, `doo_v1_`, `dor_v1_`).",
    keywords: ["dop_v1_", "doo_v1_", "dor_v1_"],
    regex: /\b(do[opr]_v1_[a-f0-9]{64})\b/,
    minEntropy: 3,
    gitleaks: ["digitalocean-pat", "digitalocean-access-token", "digitalocean-refresh-token"],
    tags: ["digitalocean"]
  }),
  def({
    n: 35,
    title: "HashiCorp Vault token",
    severity: "critical",
    description: "A HashiCorp Vault service (`hvs.`) or batch (`hvb.`) token.",
    keywords: ["hvs.", "hvb."],
    regex: /\b(hvs\.[\w-]{90,120}|hvb\.[\w-]{138,300})(?![\w-])/,
    minEntropy: 3.5,
    gitleaks: ["vault-service-token", "vault-batch-token"],
    tags: ["hashicorp"]
  }),
  def({
    n: 36,
    title: "Terraform Cloud / Enterprise API token",
    severity: "high",
    description: "A HashiCorp Terraform Cloud user, team or organization token (`<14>.atlasv1.<60-70>`).",
    keywords: ["atlasv1"],
    regex: /\b([a-zA-Z0-9]{14}\.atlasv1\.[a-zA-Z0-9\-_=]{60,70})(?![\w=-])/,
    minEntropy: 3.5,
    gitleaks: ["hashicorp-tf-api-token"],
    trivy: ["hashicorp-tf-api-token"],
    tags: ["hashicorp"]
  }),
  def({
    n: 37,
    title: "Atlassian API token",
    severity: "high",
    description: "An Atlassian (Jira, Confluence) API token: the `ATATT3` format or a key assigned to an Atlassian-named setting.",
    keywords: ["atatt3", "atlassian", "confluence", "jira"],
    regex: new RegExp(
      String.raw`(?:\b(ATATT3[A-Za-z0-9_\-=]{186})${END}|(?:atlassian|confluence|jira)(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([a-z0-9]{20}[a-f0-9]{4})${END})`,
      "im"
    ),
    minEntropy: 3.5,
    gitleaks: ["atlassian-api-token"],
    trivy: ["atlassian-api-token"],
    tags: ["atlassian"]
  }),
  def({
    n: 38,
    title: "Datadog API or application key",
    severity: "high",
    description: "A Datadog API key (32 hex) or application key (40 hex) assigned to a `datadog`/`dd_api_key`/`dd_app_key` setting.",
    keywords: ["datadog", "dd_api_key", "dd_app_key", "dd_application_key"],
    regex: keyed("datadog|dd_api_key|dd_app_key|dd_application_key", "[a-f0-9]{40}|[a-f0-9]{32}"),
    minEntropy: 3,
    gitleaks: ["datadog-access-token"],
    tags: ["datadog"]
  }),
  def({
    n: 39,
    title: "New Relic key",
    severity: "high",
    description: "A New Relic user API key (`NRAK-`) or insights insert key (`NRII-`).",
    keywords: ["nrak-", "nrii-"],
    regex: /\b(NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9-]{32})(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["new-relic-user-api-key", "new-relic-insert-key"],
    trivy: ["new-relic-user-api-key"],
    tags: ["newrelic"]
  }),
  def({
    n: 40,
    title: "Sentry token or DSN with secret",
    severity: "medium",
    description: "A Sentry user or organization auth token (`sntryu_`, `sntrys_`), or a legacy DSN that still contains its secret key (`https://public:secret@...sentry.io/...`).",
    keywords: ["sntryu_", "sntrys_", "sentry"],
    regex: /\b(sntryu_[a-f0-9]{64}|sntrys_eyJ(?:(?!sntrys_)[a-zA-Z0-9+/=_]){40,400})(?![\w+/=])|https:\/\/[a-f0-9]{32}:([a-f0-9]{32})@[\w.-]*sentry[\w.-]*\/\d+/,
    minEntropy: 3,
    gitleaks: ["sentry-user-token", "sentry-org-token"],
    tags: ["sentry"]
  }),
  def({
    n: 41,
    title: "OpenAI API key",
    severity: "critical",
    description: "An OpenAI project, service-account, admin or legacy API key (contains `T3BlbkFJ`).",
    keywords: ["t3blbkfj"],
    regex: /(?<![\w-])(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74})(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["openai-api-key"],
    tags: ["openai", "ai"]
  }),
  def({
    n: 42,
    title: "Anthropic API key",
    severity: "critical",
    description: "An Anthropic API or admin key (`sk-ant-api03-`, `sk-ant-admin01-`).",
    keywords: ["sk-ant-"],
    regex: /\b(sk-ant-(?:api03|admin01)-[a-zA-Z0-9_-]{93}AA)(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["anthropic-api-key", "anthropic-admin-api-key"],
    tags: ["anthropic", "ai"]
  }),
  def({
    n: 43,
    title: "Hugging Face token",
    severity: "high",
    description: "A Hugging Face user access token (`hf_`) or organization API token (`api_org_`).",
    keywords: ["hf_", "api_org_"],
    regex: /\b((?:hf|api_org)_[A-Za-z0-9]{34,40})\b/,
    minEntropy: 3,
    gitleaks: ["huggingface-access-token", "huggingface-organization-api-token"],
    trivy: ["hugging-face-access-token"],
    tags: ["huggingface", "ai"]
  }),
  def({
    n: 44,
    title: "Doppler token",
    severity: "high",
    description: "A Doppler personal, service, CLI, service-account, SCIM or audit token (`dp.pt.`, `dp.st.` ...).",
    keywords: ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."],
    regex: /\b(dp\.(?:pt|st|ct|sa|scim|audit)\.[a-zA-Z0-9_.-]{40,64})\b/,
    minEntropy: 3,
    gitleaks: ["doppler-api-token"],
    trivy: ["doppler-api-token"],
    tags: ["doppler"]
  }),
  def({
    n: 45,
    title: "Pulumi access token",
    severity: "high",
    description: "A Pulumi Cloud access token (`pul-` + 40 hex).",
    keywords: ["pul-"],
    regex: /\b(pul-[a-f0-9]{40})\b/,
    minEntropy: 3,
    gitleaks: ["pulumi-api-token"],
    trivy: ["pulumi-api-token"],
    tags: ["pulumi"]
  }),
  def({
    n: 46,
    title: "Alibaba Cloud access key",
    severity: "high",
    description: "An Alibaba Cloud AccessKey ID (`LTAI...`) or a secret assigned to an `alibaba`-named setting.",
    keywords: ["ltai", "alibaba"],
    regex: new RegExp(
      String.raw`(?:${START}(LTAI[a-zA-Z0-9]{20})(?![A-Za-z0-9])|alibaba(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}([a-zA-Z0-9]{30})${END})`,
      "im"
    ),
    minEntropy: 3,
    gitleaks: ["alibaba-access-key-id", "alibaba-secret-key"],
    trivy: ["alibaba-access-key-id", "alibaba-secret-key"],
    tags: ["alibaba"]
  }),
  def({
    n: 47,
    title: "Linear API key",
    severity: "medium",
    description: "A Linear API key (`lin_api_`).",
    keywords: ["lin_api_"],
    regex: /\b(lin_api_[a-zA-Z0-9]{40})\b/,
    minEntropy: 3,
    gitleaks: ["linear-api-key"],
    trivy: ["linear-api-token"],
    tags: ["linear"]
  }),
  def({
    n: 48,
    title: "Dropbox API token",
    severity: "high",
    description: "A Dropbox short-lived (`sl.`) or long-lived access token assigned to a `dropbox`-named setting.",
    keywords: ["dropbox"],
    regex: keyed("dropbox", "sl\\.[a-z0-9\\-=_]{135}|[a-z0-9]{11}AAAAAAAAAA[a-z0-9\\-_=]{43}"),
    gitleaks: ["dropbox-short-lived-api-token", "dropbox-long-lived-api-token"],
    trivy: ["dropbox-short-lived-api-token", "dropbox-long-lived-api-token"],
    tags: ["dropbox"]
  }),
  def({
    n: 49,
    title: "Discord bot token or webhook",
    severity: "high",
    description: "A Discord bot token, or a Discord webhook URL with its token.",
    keywords: ["discord"],
    regex: /\b(?:https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/([\w-]{60,80})|discord[\w.-]{0,20}[\s'"]{0,3}(?:=|:|=>)[\s'"]{0,5}([MNO][A-Za-z\d_-]{23,27}\.[\w-]{6,7}\.[\w-]{27,40}))/i,
    minEntropy: 3,
    gitleaks: ["discord-api-token"],
    trivy: ["discord-api-token"],
    tags: ["discord"]
  }),
  def({
    n: 50,
    title: "Telegram bot token",
    severity: "high",
    description: "A Telegram Bot API token (`<bot id>:AA...`).",
    keywords: [":aa"],
    regex: /\b(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["telegram-bot-api-token"],
    tags: ["telegram"]
  }),
  def({
    n: 51,
    title: "age secret key",
    severity: "high",
    description: "An age encryption secret key (`AGE-SECRET-KEY-1...`).",
    keywords: ["age-secret-key-1"],
    regex: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})/,
    gitleaks: ["age-secret-key"],
    trivy: ["age-secret-key"],
    tags: ["crypto"]
  }),
  def({
    n: 52,
    title: "Grafana token",
    severity: "high",
    description: "A Grafana Cloud API token (`glc_`) or service account token (`glsa_`).",
    keywords: ["glc_", "glsa_"],
    regex: /\b(glc_[A-Za-z0-9+/]{32,400}={0,3}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![\w+/=])/,
    minEntropy: 3,
    gitleaks: ["grafana-cloud-api-token", "grafana-service-account-token"],
    trivy: ["grafana-api-token"],
    tags: ["grafana"]
  }),
  def({
    n: 53,
    title: "Databricks API token",
    severity: "high",
    description: "A Databricks personal access token (`dapi` + 32 hex).",
    keywords: ["dapi"],
    regex: /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/,
    minEntropy: 3,
    gitleaks: ["databricks-api-token"],
    trivy: ["databricks-api-token"],
    tags: ["databricks"]
  }),
  def({
    n: 54,
    title: "RubyGems API key",
    severity: "high",
    description: "A RubyGems.org API key (`rubygems_` + 48 hex), which can push gems.",
    keywords: ["rubygems_"],
    regex: /\b(rubygems_[a-f0-9]{48})\b/,
    minEntropy: 3,
    gitleaks: ["rubygems-api-token"],
    trivy: ["rubygems-api-token"],
    tags: ["rubygems"]
  }),
  def({
    n: 55,
    title: "Postman API key",
    severity: "medium",
    description: "A Postman API key (`PMAK-`).",
    keywords: ["pmak-"],
    regex: /\b(PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})\b/,
    minEntropy: 3,
    gitleaks: ["postman-api-token"],
    trivy: ["postman-api-token"],
    tags: ["postman"]
  }),
  def({
    n: 56,
    title: "Google OAuth client secret",
    severity: "high",
    description: "A Google OAuth 2.0 client secret (`GOCSPX-`).",
    keywords: ["gocspx-"],
    regex: /\b(GOCSPX-[\w-]{28})(?![\w-])/,
    minEntropy: 3,
    tags: ["google"]
  }),
  def({
    n: 57,
    title: "Square access token or secret",
    severity: "high",
    description: "A Square access token (`sq0atp-`, `EAAA...`) or application secret (`sq0csp-`).",
    keywords: ["sq0atp-", "sq0csp-"],
    regex: /\b(sq0atp-[\w-]{22}|sq0csp-[\w-]{43})(?![\w-])/,
    minEntropy: 3,
    gitleaks: ["square-access-token"],
    tags: ["square"]
  }),
  def({
    n: 58,
    title: "Mailchimp API key",
    severity: "medium",
    description: "A Mailchimp API key (32 hex followed by the datacenter, e.g. `-us21`).",
    keywords: ["-us"],
    regex: /\b([a-f0-9]{32}-us\d{1,2})\b/,
    minEntropy: 3,
    gitleaks: ["mailchimp-api-key"],
    trivy: ["mailchimp-api-key"],
    tags: ["mailchimp"]
  }),
  def({
    n: 59,
    title: "Password in .netrc or .pgpass",
    severity: "high",
    description: "A password in a `.netrc` (`machine ... password ...`) or PostgreSQL `.pgpass` file.",
    keywords: ["password", ":"],
    regex: /(?:\bpassword[ \t]+(\S{4,})|(?<![^\n])[^:#\s][^:\n]*:[^:\n]*:[^:\n]*:[^:\n]*:([^\n:]{4,})(?![^\n]))/,
    paths: /(?:^|\/)(?:[._]netrc|\.pgpass)$/,
    tags: ["credentials-file"]
  }),
  def({
    n: 60,
    title: "Generic secret assignment",
    severity: "medium",
    description: "A value with high entropy assigned to a name such as `password`, `secret`, `token`, `api_key`, `access_key` or `client_secret`.",
    keywords: [
      "pass",
      "pwd",
      "secret",
      "token",
      "api_key",
      "apikey",
      "api-key",
      "access_key",
      "auth_key",
      "private_key"
    ],
    regex: new RegExp(
      String.raw`(?:(?:^|[^A-Za-z0-9_.-])${GENERIC_NAME}(?:"([^"\s$]{8,200})"|'([^'\s$]{8,200})')|(?:^|${GENERIC_STOP})${GENERIC_NAME}(?=(${GENERIC_UNQUOTED}{8,200}))\3(?=\s|;|,|$))`,
      "im"
    ),
    minEntropy: 3.5,
    generic: true,
    late: true,
    configOnlyGroup: 3,
    gitleaks: ["generic-api-key"],
    tags: ["generic"]
  }),
  def({
    n: 61,
    title: "Clojars deploy token",
    severity: "high",
    description: "A Clojars deploy token (`CLOJARS_` + 60 characters), which can publish Clojure libraries.",
    keywords: ["clojars_"],
    regex: /(?<![A-Za-z0-9_])(CLOJARS_[a-z0-9]{60})(?![A-Za-z0-9])/i,
    minEntropy: 2,
    gitleaks: ["clojars-api-token"],
    trivy: ["clojars-api-token"],
    tags: ["clojars"]
  }),
  def({
    n: 62,
    title: "PlanetScale password or token",
    severity: "high",
    description: "A PlanetScale database password (`pscale_pw_`), service or API token (`pscale_tkn_`) or OAuth token (`pscale_oauth_`).",
    keywords: ["pscale_pw_", "pscale_tkn_", "pscale_oauth_"],
    regex: /(?<![A-Za-z0-9_-])(pscale_(?:pw|tkn|oauth)_[a-z0-9=_.-]{32,64})(?![A-Za-z0-9=_.-])/i,
    minEntropy: 3,
    gitleaks: ["planetscale-password", "planetscale-api-token", "planetscale-oauth-token"],
    trivy: ["planetscale-password", "planetscale-api-token"],
    tags: ["planetscale", "database"]
  }),
  def({
    n: 63,
    title: "Flutterwave secret or encryption key",
    severity: "high",
    description: "A Flutterwave secret key (`FLWSECK-...-X`, `FLWSECK_TEST-...-X`) or encryption key (`FLWSECK_TEST` + 12 hex). Public keys (`FLWPUBK`) are meant to be shipped to clients and are not reported.",
    keywords: ["flwseck"],
    regex: /(?<![A-Za-z0-9_-])(FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X|FLWSECK_TEST-?[a-hA-H0-9]{12})(?![A-Za-z0-9])/,
    minEntropy: 2,
    gitleaks: ["flutterwave-secret-key", "flutterwave-encryption-key"],
    trivy: ["flutterwave-public-key", "flutterwave-enc-key"],
    tags: ["flutterwave", "payments"]
  }),
  def({
    n: 64,
    title: "Frame.io API token",
    severity: "medium",
    description: "A Frame.io developer token (`fio-u-` + 64 characters).",
    keywords: ["fio-u-"],
    regex: /(?<![A-Za-z0-9_-])(fio-u-[a-zA-Z0-9_=-]{64})(?![A-Za-z0-9_=-])/,
    minEntropy: 3,
    gitleaks: ["frameio-api-token"],
    trivy: ["frameio-api-token"],
    tags: ["frameio"]
  }),
  def({
    n: 65,
    title: "Adobe client secret",
    severity: "high",
    description: "An Adobe Developer Console OAuth client secret (`p8e-` + 32 characters). Client IDs are public identifiers and are not reported.",
    keywords: ["p8e-"],
    regex: /(?<![A-Za-z0-9_-])(p8e-[a-zA-Z0-9]{32})(?![A-Za-z0-9])/,
    minEntropy: 2,
    gitleaks: ["adobe-client-secret"],
    trivy: ["adobe-client-secret"],
    tags: ["adobe"]
  }),
  def({
    n: 66,
    title: "Shippo API token",
    severity: "medium",
    description: "A Shippo live or test API token (`shippo_live_`, `shippo_test_` + 40 hex).",
    keywords: ["shippo_live_", "shippo_test_"],
    regex: /(?<![A-Za-z0-9_-])(shippo_(?:live|test)_[a-fA-F0-9]{40})(?![A-Za-z0-9])/,
    minEntropy: 3,
    gitleaks: ["shippo-api-token"],
    trivy: ["shippo-api-token"],
    tags: ["shippo"]
  }),
  def({
    n: 67,
    title: "Typeform personal access token",
    severity: "medium",
    description: "A Typeform personal access token (`tfp_` + 59 characters) assigned to a `typeform`-named setting; it reads forms and their responses.",
    keywords: ["tfp_"],
    regex: keyed("typeform", String.raw`tfp_[a-z0-9\-_.=]{59}`),
    minEntropy: 3,
    gitleaks: ["typeform-api-token"],
    trivy: ["typeform-api-token"],
    tags: ["typeform"]
  }),
  def({
    n: 68,
    title: "Brevo (Sendinblue) API or SMTP key",
    severity: "high",
    description: "A Brevo, formerly Sendinblue, API key (`xkeysib-`) or SMTP key (`xsmtpsib-`): 64 hex, a dash and 16 characters. It sends e-mail as the account.",
    keywords: ["xkeysib-", "xsmtpsib-"],
    regex: /(?<![A-Za-z0-9_-])((?:xkeysib|xsmtpsib)-[a-fA-F0-9]{64}-[a-zA-Z0-9]{16})(?![A-Za-z0-9])/,
    minEntropy: 3,
    gitleaks: ["sendinblue-api-token"],
    trivy: ["sendinblue-api-token"],
    tags: ["brevo", "sendinblue"]
  }),
  def({
    n: 69,
    title: "EasyPost API key",
    severity: "medium",
    description: "An EasyPost production (`EZAK`) or test (`EZTK`) API key, 54 characters after the prefix.",
    keywords: ["ezak", "eztk"],
    regex: /(?<![A-Za-z0-9_-])(EZ[AT]K[a-zA-Z0-9]{54})(?![A-Za-z0-9])/,
    minEntropy: 2,
    gitleaks: ["easypost-api-token", "easypost-test-api-token"],
    trivy: ["easypost-api-token"],
    tags: ["easypost"]
  }),
  def({
    n: 70,
    title: "Dynatrace API token",
    severity: "high",
    description: "A Dynatrace API, PaaS or platform token (`dt0c01.<24>.<64>`).",
    keywords: ["dt0c01."],
    regex: /(?<![A-Za-z0-9_-])(dt0c01\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{64})(?![A-Za-z0-9])/,
    minEntropy: 4,
    gitleaks: ["dynatrace-api-token"],
    trivy: ["dynatrace-api-token"],
    tags: ["dynatrace"]
  }),
  def({
    n: 71,
    title: "GoCardless live access token",
    severity: "high",
    description: "A GoCardless live access token (`live_` + 40 characters), assigned to a `gocardless`-named setting or standing alone as a quoted string; it can collect Direct Debit payments.",
    keywords: ["live_"],
    regex: new RegExp(
      String.raw`(?:${keyedSource("gocardless", String.raw`live_[a-z0-9\-_=]{40}`)}|(?<=['"])(live_[a-z0-9\-_=]{40})(?=['"]))`,
      "im"
    ),
    minEntropy: 3,
    gitleaks: ["gocardless-api-token"],
    trivy: ["gocardless-api-token"],
    tags: ["gocardless", "payments"]
  }),
  def({
    n: 72,
    title: "Lob API key",
    severity: "medium",
    description: "A Lob secret API key (`live_` or `test_` + 35 hex) assigned to a `lob`-named setting. Publishable keys (`live_pub_`, `test_pub_`) are meant for clients and are not reported.",
    keywords: ["lob"],
    regex: keyed("lob", "(?:live|test)_[a-f0-9]{35}"),
    minEntropy: 3,
    gitleaks: ["lob-api-key"],
    trivy: ["lob-api-key"],
    tags: ["lob"]
  })
];
var SECRET_RULE_META = SECRET_RULES.map((r) => r.meta);
function secretRule(id) {
  return SECRET_RULES.find((r) => r.meta.id === id);
}

// src/secrets/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = value.length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

// src/secrets/redact.ts
function secretFingerprint(ruleId, value) {
  return stableHash("shipgate-secret", ruleId, value);
}

// src/secrets/scanner.ts
var CONFIG_EXTENSIONS = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[^/]*\.(?:env|ini|cfg|conf|config|cnf|properties|ya?ml|toml|txt|sh|bash|zsh|ps1|tf|tfvars|hcl|npmrc|pypirc|netrc|credentials)|Dockerfile[^/]*|[^/]*\.dockerfile|credentials|config|\.npmrc|\.pypirc|\.netrc|\.git-credentials|\.pgpass|[^/.]+)$/i;
function isConfigLike(source) {
  if (source.kind !== "file" && source.kind !== "context") return true;
  return source.path !== void 0 && CONFIG_EXTENSIONS.test(source.path);
}
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function position(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}
function pickGroup(rule, m) {
  const indices = m.indices;
  if (!indices) return void 0;
  const groups = rule.group !== void 0 ? [rule.group] : m.length > 1 ? [...Array(m.length - 1).keys()].map((i) => i + 1) : [0];
  for (const g of groups) {
    const v = m[g];
    const span = indices[g];
    if (v !== void 0 && v !== "" && span) return { value: v, start: span[0], group: g };
  }
  return void 0;
}
function candidates(text, rules, source) {
  const lower = text.toLowerCase();
  const out = [];
  for (const r of rules) {
    if (r.paths && !(source.path && r.paths.test(source.path))) continue;
    if (r.keywords.some((k) => lower.includes(k))) out.push(r);
  }
  return out;
}
function scanText(text, source, options = {}) {
  return scanSpans(text, source, options).map((s) => s.match);
}
function scanSpans(text, source, options = {}) {
  const rules = candidates(text, options.rules ?? SECRET_RULES, source);
  if (rules.length === 0) return [];
  const ordered = [...rules.filter((r) => !r.late), ...rules.filter((r) => r.late)];
  const configLike = isConfigLike(source);
  const taken = [];
  const overlaps = (a, b) => taken.some(([s, e]) => a < e && s < b);
  let starts;
  const out = [];
  for (const rule of ordered) {
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
      if (m[0].length === 0) rule.regex.lastIndex++;
      const picked = pickGroup(rule, m);
      if (!picked) continue;
      const { value, start, group } = picked;
      if (rule.configOnlyGroup === group && !configLike) continue;
      if (rule.allow?.some((a2) => a2.test(value))) continue;
      if (isPlaceholder(value)) continue;
      if (rule.minEntropy !== void 0 && shannonEntropy(value) < rule.minEntropy) continue;
      if (rule.generic && !looksRandom(value)) continue;
      if (rule.validate && !rule.validate(value)) continue;
      const end = start + value.length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      addSecret(value);
      starts ??= lineStarts(text);
      const a = position(starts, start);
      const b = position(starts, end);
      const match = {
        ruleId: rule.meta.id,
        title: rule.meta.title,
        severity: rule.meta.severity,
        line: a.line,
        column: a.column,
        endLine: b.line,
        ...b.line === a.line ? { endColumn: b.column } : {},
        redacted: redact(value),
        fingerprint: secretFingerprint(rule.meta.id, value),
        length: value.length
      };
      out.push({ match, start });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}
function looksRandom(value) {
  if (/^[a-zA-Z_.-]+$/.test(value)) return false;
  if (/^[a-z]+:\/\//i.test(value) || value.startsWith("/") || value.startsWith("./")) return false;
  if (/[()[\]{}<>]/.test(value)) return false;
  if (/^[\d.]+$/.test(value)) return false;
  if (!/\d/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 3 || classes >= 2 && value.length >= 32;
}
function maskLine(line, lineNumber, matches) {
  const spans = matches.filter((m) => m.line <= lineNumber && m.endLine >= lineNumber).map((m) => ({
    start: m.line === lineNumber ? m.column - 1 : 0,
    end: m.endLine === lineNumber && m.endColumn !== void 0 ? m.endColumn - 1 : line.length,
    redacted: m.redacted
  })).sort((a, b) => b.start - a.start);
  let out = line;
  for (const s of spans) out = `${out.slice(0, s.start)}${s.redacted}${out.slice(s.end)}`;
  return out;
}
function safeText(text, source = { kind: "history" }) {
  scanText(text, source);
  return mask(text);
}

export {
  isPlaceholder,
  DEFAULT_SKIP_PATHS,
  CERTIFICATE_PATHS,
  isCertificatePath,
  BINARY_EXTENSIONS,
  extensionOf,
  isSkippedPath,
  SECRET_RULES,
  SECRET_RULE_META,
  secretRule,
  shannonEntropy,
  secretFingerprint,
  isConfigLike,
  scanText,
  scanSpans,
  maskLine,
  safeText
};
