#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  ShipgateError
} from "./chunk-6QO4RSHM.js";

// src/core/options.ts
var SCANNER_VALUES = ["vuln", "secret", "config", "malware"];
var MALWARE_MODE_VALUES = ["required", "optional"];
var FAIL_ON_VALUES = ["critical", "high", "medium", "low", "info", "none"];
var PSS_VALUES = ["privileged", "baseline", "restricted"];
var SBOM_FORMAT_VALUES = ["cyclonedx", "spdx"];
var ATTEST_VALUES = ["slsa", "cyclonedx", "vuln", "approval"];
var FORMAT_VALUES = ["text", "json", "sarif"];
var SCAN = ["scan", "sign"];
var PUSH_SCAN = ["scan", "sign", "push"];
var GATE = ["scan", "sign", "lint"];
var SIGNERS = ["scan", "sign", "push", "attest"];
var FILE_SIGNERS = [...SIGNERS, "sign-blob"];
var VERIFIERS = ["verify", "audit"];
var FILE_VERIFIERS = [...VERIFIERS, "verify-blob"];
var APPROVAL_FLAGS = /* @__PURE__ */ new Set(["no-require-approval", "allow-forced"]);
var POLICY_CHOICE = "GitLab shows the options of an input as a drop-down in the pipeline form, so keeping the policy's value has a name there (policy); the CLI and the action leave the option out.";
var ACTION_STEP = "A GitHub step only: GitLab and the CLI have no such place.";
var PUSH_JOB = "The GitLab component scans; a GitLab job pushes with shipgate push (docs/gitlab.md: build, scan, push, sign).";
var GITLAB_JOB = "Shapes the GitLab job that runs the CLI; a GitHub step and the CLI have their own ways.";
var VERIFY_ONLY = "Verifying is a command of its own (shipgate verify, shipgate audit) that runs in any job; the action and the component scan, gate and sign.";
var verifyFlag = (name, type, section, arg, help, description, flag) => ({
  name,
  type,
  ...type === "boolean" ? {} : { default: "" },
  description,
  cli: {
    commands: APPROVAL_FLAGS.has(name) ? VERIFIERS : FILE_VERIFIERS,
    section,
    ...flag ? { flag } : {},
    ...arg ? { arg } : {},
    help
  },
  differs: flag ? `${VERIFY_ONLY} The flag is --${flag}, as cosign's; the option is named apart from the signing key.` : VERIFY_ONLY
});
var OPTIONS = [
  // The GitLab job's own (the rest of them at the end)
  {
    name: "job-prefix",
    type: "string",
    default: "shipgate",
    description: "Prefix of the job name; the job is called `<job-prefix>-scan`. Change it to include the component more than once.",
    gitlab: { regex: "^[a-z0-9][a-z0-9_-]{0,40}$" },
    differs: GITLAB_JOB
  },
  {
    name: "stage",
    type: "string",
    default: "test",
    description: "Stage the scan job runs in.",
    gitlab: {},
    differs: GITLAB_JOB
  },
  // Targets
  {
    name: "dockerfile",
    type: "list",
    default: "",
    description: "Dockerfiles to lint, separated by newlines or commas (relative to working-directory). At least one of dockerfile, image and manifests is required.",
    cli: {
      commands: PUSH_SCAN,
      section: "Targets",
      short: "d",
      arg: "FILE",
      help: "a Dockerfile to lint (repeatable); image findings map onto the first one's lines"
    },
    action: {},
    gitlab: {
      default: "Dockerfile",
      description: "Dockerfile(s) to lint, comma-separated, relative to the repository root. Empty for none."
    },
    env: ["CS_DOCKERFILE_PATH"],
    differs: "GitLab's component defaults to Dockerfile as GitLab's Container-Scanning template does (CS_DOCKERFILE_PATH); an action step or a CLI scan of only an image must not need one. `shipgate lint` takes Dockerfiles as arguments (default ./Dockerfile)."
  },
  {
    name: "manifests",
    type: "list",
    default: "",
    description: "Kubernetes manifests to check: YAML files or folders (their .yaml/.yml files), separated by newlines or commas (relative to working-directory). Findings land in the same reports as the Dockerfile and image findings. Empty for none.",
    cli: {
      commands: GATE,
      section: "Targets",
      arg: "PATH",
      help: "Kubernetes manifests to check: a YAML file, a folder or - (repeatable)"
    },
    action: {},
    gitlab: {
      description: "Kubernetes manifests to check, comma-separated YAML files or folders relative to the repository root. Findings land in the same reports. Empty for none."
    },
    differs: "Only the CLI reads a manifest stream from standard input (-), e.g. helm template output."
  },
  {
    name: "pss",
    type: "enum",
    default: "",
    values: PSS_VALUES,
    description: "Pod Security Standards level to check the manifests against: baseline, restricted, or privileged (none). Empty keeps the policy's manifests.pss.",
    cli: {
      commands: GATE,
      section: "Targets",
      arg: "LEVEL",
      help: "also check the manifests against the Pod Security Standards: baseline, restricted or privileged (none)"
    },
    action: {},
    gitlab: {
      default: "policy",
      options: ["policy", ...PSS_VALUES],
      description: "Pod Security Standards level to check the manifests against: baseline, restricted, or privileged (none); `policy` keeps the policy file's `manifests.pss`."
    },
    differs: POLICY_CHOICE
  },
  {
    name: "image",
    type: "string",
    default: "",
    description: "Image to scan: a registry reference (ghcr.io/org/app:tag), or docker-archive:app.tar, oci-archive:app.tar, oci:dir, docker:app:tag (local Docker daemon). Empty: lint only.",
    cli: {
      commands: SCAN,
      section: "Targets",
      short: "i",
      arg: "REF",
      help: "docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME, dir:ROOTFS or a registry reference (ghcr.io/org/app:1.2, host:5000/app@sha256:...)"
    },
    action: {},
    gitlab: {
      description: "Image to scan: a registry reference such as `$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA`, or an archive from an earlier job (`docker-archive:image.tar`, `oci-archive:image.tar`, `oci:dir`). CI/CD variables are expanded. Empty: lint the Dockerfile only."
    },
    env: ["CS_IMAGE"]
  },
  {
    name: "platform",
    type: "string",
    default: "",
    description: "Platform to scan from a multi-platform image, os/arch[/variant] (e.g. linux/arm64). Empty picks the runner's.",
    cli: {
      commands: [...PUSH_SCAN, "sbom"],
      section: "Targets",
      arg: "P",
      help: "os/arch[/variant] to pick from a multi-platform image (default: this machine's)"
    },
    action: {},
    gitlab: { regex: "^$|^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$" }
  },
  {
    name: "context",
    type: "string",
    default: "",
    description: "Build context folder: the files the Dockerfile copies are scanned for secrets (relative to working-directory). Empty to skip.",
    cli: {
      commands: SCAN,
      section: "Targets",
      arg: "DIR",
      help: "build context: files the Dockerfile copies are scanned for secrets"
    },
    action: {},
    gitlab: {
      description: "Build context folder, to scan the files the Dockerfile copies for secrets (relative to the repository root). Empty to skip."
    }
  },
  {
    name: "timeout",
    type: "string",
    // Long enough for a large image with a cold vulnerability cache on a CI runner.
    default: "15m",
    description: "Deadline for the whole scan, e.g. 15m, 90s, 1h; 0 for none. Past it the scan fails with exit code 4.",
    cli: {
      commands: SCAN,
      section: "Targets",
      arg: "DURATION",
      help: "deadline for the whole scan, e.g. 15m (default), 90s, 1h; 0 for none (also SHIPGATE_TIMEOUT); past it the scan ends with a TIMEOUT error, exit 4"
    },
    action: {},
    gitlab: { regex: "^(0|[0-9]+|([0-9]+h)?([0-9]+m)?([0-9]+s)?)$" },
    env: ["SHIPGATE_TIMEOUT"]
  },
  // Policy
  {
    name: "config",
    type: "string",
    default: "",
    description: "Policy file. Empty uses shipgate.yaml or shipgate.yml at the repository root when present, else the default policy.",
    cli: {
      commands: [...GATE, "push"],
      section: "Policy",
      short: "c",
      arg: "FILE",
      help: "policy file (default shipgate.yaml or shipgate.yml at the repository root, if any)"
    },
    action: {},
    gitlab: {}
  },
  {
    name: "fail-on",
    type: "enum",
    default: "",
    values: FAIL_ON_VALUES,
    description: "Fail at this severity or above: critical, high, medium, low, info, or none (never on severity). Empty keeps the policy's gate.fail-on.",
    cli: {
      commands: [...GATE, "push"],
      section: "Policy",
      arg: "SEV",
      help: "fail at this severity or above: critical, high, medium, low, info, none"
    },
    action: {},
    gitlab: {
      default: "policy",
      options: ["policy", ...FAIL_ON_VALUES],
      description: "Severity at or above which the gate fails; `policy` keeps the policy file's threshold, `none` never fails on severity."
    },
    env: ["CS_SEVERITY_THRESHOLD"],
    differs: POLICY_CHOICE
  },
  {
    name: "scanners",
    type: "list",
    default: "",
    values: SCANNER_VALUES,
    description: "Image scanners to run, comma-separated from vuln, secret, config, malware. Empty runs all.",
    cli: {
      commands: PUSH_SCAN,
      section: "Policy",
      arg: "LIST",
      help: "image scanners to run (comma list of vuln, secret, config, malware; default all)"
    },
    action: {},
    gitlab: { regex: "^$|^(vuln|secret|config|malware)(,(vuln|secret|config|malware))*$" }
  },
  {
    name: "severity",
    type: "string",
    default: "",
    description: "Severities to report, comma-separated (trivy's severity, e.g. CRITICAL,HIGH; case-insensitive). Findings of other severities are hidden from every report and do not block; the summary says how many. Empty reports all.",
    cli: {
      commands: PUSH_SCAN,
      section: "Policy",
      arg: "LIST",
      help: "report only these severities (e.g. CRITICAL,HIGH); the others are hidden and do not block"
    },
    action: {},
    gitlab: { regex: "^$|^[A-Za-z]+(,[A-Za-z]+)*$" }
  },
  {
    name: "ignorefile",
    type: "list",
    default: "",
    description: "Trivy ignore files to apply, separated by newlines or commas (relative to working-directory); .trivyignore and .trivyignore.yaml at the repository root are always read.",
    cli: {
      commands: PUSH_SCAN,
      section: "Policy",
      arg: "FILE",
      aliases: ["trivyignores"],
      help: "trivy ignore file to apply (repeatable); .trivyignore and .trivyignore.yaml at the repository root are always read"
    },
    action: { name: "trivyignores" },
    gitlab: {
      name: "trivyignores",
      description: "Trivy ignore files to apply, comma-separated; `.trivyignore` and `.trivyignore.yaml` at the repository root are always read."
    },
    differs: "trivy's flag is --ignorefile and trivy-action's input is trivyignores; each front door takes the name its users bring, and the CLI takes both."
  },
  {
    name: "exit-code",
    type: "number",
    default: "",
    description: "Exit code when the policy refuses the image (default 1; 0 reports the refusal as a warning without failing). Errors keep their own exit codes.",
    cli: {
      commands: PUSH_SCAN,
      section: "Policy",
      arg: "N",
      help: "exit code when the policy refuses the image (default 1; push: 2, and not 0); errors keep theirs"
    },
    action: {},
    gitlab: { regex: "^$|^[0-9]{1,3}$" }
  },
  // Malware
  {
    name: "malware-mode",
    type: "enum",
    default: "",
    values: MALWARE_MODE_VALUES,
    description: "required refuses the image when malware scanning cannot run (ClamAV or its signature database missing); optional makes that a warning. Empty keeps the policy's malware.mode (default required).",
    cli: {
      commands: PUSH_SCAN,
      section: "Malware",
      arg: "M",
      help: "required (default): refuse when ClamAV or its database is missing; optional: warn"
    },
    action: {},
    gitlab: {
      default: "policy",
      options: ["policy", ...MALWARE_MODE_VALUES],
      description: "`required` refuses the image when malware scanning cannot run (ClamAV or its signature database missing); `optional` makes that a warning; `policy` keeps the policy file's `malware.mode` (default required)."
    },
    differs: POLICY_CHOICE
  },
  {
    name: "clamav-db",
    type: "string",
    default: "",
    description: "ClamAV signature database folder; empty uses the policy's malware.clamav-db or ClamAV's own.",
    cli: {
      commands: PUSH_SCAN,
      section: "Malware",
      arg: "DIR",
      help: "ClamAV signature database folder (default ClamAV's own)"
    },
    action: {},
    gitlab: {}
  },
  // Vulnerability data
  {
    name: "vuln-db",
    type: "string",
    default: "",
    description: "Vulnerability data to use instead of the cached download (a directory or zip of OSV records).",
    cli: {
      commands: PUSH_SCAN,
      section: "Vulnerability data",
      arg: "PATH",
      help: "OSV records: a directory or zip (offline), instead of the cached OSV database"
    },
    action: {},
    gitlab: {}
  },
  {
    name: "offline",
    type: "boolean",
    description: "Never download vulnerability data; use vuln-db or the cache only.",
    cli: {
      commands: PUSH_SCAN,
      section: "Vulnerability data",
      aliases: ["skip-db-update"],
      help: "never download vulnerability data (use --vuln-db or the cache)"
    },
    action: {},
    gitlab: {}
  },
  {
    name: "cache",
    type: "boolean",
    default: true,
    description: "Keep the vulnerability data between runs in the GitHub Actions cache (one entry per ecosystem set and day, restored from an earlier day and refreshed incrementally; saved only when it changed). Cache failures warn and never fail the scan.",
    action: {},
    differs: "GitLab keeps the data with a `cache:` entry of the job (cache-key); the CLI keeps it in its cache folder (SHIPGATE_CACHE_DIR), which other CI systems cache themselves."
  },
  {
    name: "ignore-unfixed",
    type: "boolean",
    description: "Hide vulnerabilities that have no fix yet (reported as suppressed).",
    cli: {
      commands: PUSH_SCAN,
      section: "Vulnerability data",
      help: "hide vulnerabilities that have no fix yet"
    },
    action: {},
    gitlab: {}
  },
  {
    name: "vex",
    type: "list",
    default: "",
    description: "OpenVEX documents to apply, separated by newlines or commas.",
    cli: {
      commands: PUSH_SCAN,
      section: "Vulnerability data",
      arg: "FILE",
      help: "OpenVEX document to apply (repeatable)"
    },
    action: {},
    gitlab: { description: "OpenVEX documents to apply, comma-separated." }
  },
  // Output
  {
    name: "format",
    type: "enum",
    default: "text",
    values: FORMAT_VALUES,
    description: "Main output format, written to stdout or --output.",
    cli: {
      commands: GATE,
      section: "Output",
      short: "f",
      arg: "FMT",
      help: "text (default), json or sarif, written to stdout or --output"
    },
    differs: "The action writes SARIF and JSON files (sarif-file, json-file) and the job log; the GitLab component writes every GitLab report."
  },
  {
    name: "output",
    type: "string",
    description: "Write the main format to a file instead of stdout.",
    cli: {
      commands: [...GATE, "sbom"],
      section: "Output",
      short: "o",
      arg: "FILE",
      help: "write the main format to FILE instead of stdout"
    },
    differs: "Only the CLI writes its main format to stdout."
  },
  {
    name: "sarif",
    type: "string",
    default: "shipgate.sarif",
    description: "Where to write the SARIF report (relative to working-directory).",
    cli: {
      commands: GATE,
      section: "Output",
      arg: "FILE",
      help: "also write SARIF 2.1.0 (trimmed to GitHub's limits)"
    },
    action: { name: "sarif-file" },
    differs: "The action always writes SARIF (for the code scanning upload), so its input names a file with a default; the CLI writes SARIF only when asked. The GitLab component writes gl-reports/shipgate.sarif."
  },
  {
    name: "json",
    type: "string",
    default: "shipgate.json",
    description: "Where to write the full JSON report (relative to working-directory).",
    cli: { commands: GATE, section: "Output", arg: "FILE", help: "also write the JSON report" },
    action: { name: "json-file" },
    differs: "The action always writes the JSON report, so its input names a file with a default; the CLI writes it only when asked. The GitLab component writes gl-reports/shipgate.json."
  },
  {
    name: "summary",
    type: "string",
    description: "Also write the markdown summary (decision, counts, top findings) to a file.",
    cli: {
      commands: GATE,
      section: "Output",
      arg: "FILE",
      help: "also write the markdown summary (decision, counts, top findings)"
    },
    differs: "The action's summary input writes the same markdown to the job summary (job-summary)."
  },
  {
    name: "job-summary",
    type: "boolean",
    default: true,
    description: "Write the decision and findings to the job summary.",
    action: { name: "summary" },
    differs: "The job summary is GitHub's; the CLI writes the same markdown to a file with --summary FILE."
  },
  {
    name: "category",
    type: "string",
    default: "",
    description: "Code scanning category, as github/codeql-action's category: an upload replaces the alerts of its own category only. Each part (dockerfile, vulnerability, secret, ...) is its own run, and GitHub rejects two runs of one tool with the same category in an upload, so each run gets <category>/<part>/ (web gives web/vulnerability/). Empty derives a stable one per part and target (shipgate/<part>/<image or Dockerfile>/), so scans of several images do not overwrite each other.",
    cli: {
      commands: GATE,
      section: "Output",
      arg: "NAME",
      help: "SARIF category, as codeql-action's: each part's run gets automationDetails.id NAME/<part>/ (default shipgate/<part>/<image or Dockerfile>/)"
    },
    action: {},
    differs: "GitLab has no SARIF categories."
  },
  {
    name: "no-color",
    type: "boolean",
    description: "No ANSI colours in text output.",
    cli: { commands: GATE, section: "Output", help: "no ANSI colours (also NO_COLOR=1)" },
    env: ["NO_COLOR"],
    differs: "Colours are for a terminal; the action and the component write files and logs."
  },
  {
    name: "show-suppressed",
    type: "boolean",
    description: "List suppressed findings in text output.",
    cli: { commands: GATE, section: "Output", help: "list suppressed findings in text output" },
    differs: "Text output is for a terminal; the reports of the action and the component list them anyway."
  },
  {
    name: "list-packages",
    type: "boolean",
    description: "List the image's packages in text output.",
    cli: {
      commands: SCAN,
      section: "Output",
      help: "list the image's packages (the inventory) in text output"
    },
    differs: "Text output is for a terminal; the SBOM lists the packages for the action and the component."
  },
  {
    name: "sbom",
    type: "string",
    default: "",
    description: "Where to write an SBOM of the scanned image. Empty writes none.",
    cli: { commands: SCAN, section: "Output", arg: "FILE", help: "also write an SBOM of the image" },
    action: {},
    differs: "The GitLab component always writes the CycloneDX SBOM report (gl-reports/gl-sbom.cdx.json)."
  },
  {
    name: "sbom-format",
    type: "enum",
    default: "cyclonedx",
    values: SBOM_FORMAT_VALUES,
    valueAliases: { "cyclonedx-json": "cyclonedx", "spdx-json": "spdx" },
    description: "SBOM format: cyclonedx or spdx (JSON; cyclonedx-json and spdx-json are accepted too).",
    cli: { commands: SCAN, section: "Output", arg: "FMT", help: "cyclonedx (default) or spdx" },
    action: {},
    differs: "The GitLab component writes the CycloneDX report GitLab reads."
  },
  {
    name: "gitlab-reports",
    type: "string",
    description: "Also write the GitLab reports into a folder.",
    cli: {
      commands: SCAN,
      section: "Output",
      arg: "DIR",
      help: "also write GitLab reports (container scanning, code quality, SBOM, dotenv)"
    },
    differs: "The GitLab component always writes them (gl-reports/); GitHub does not read them."
  },
  // Signing
  {
    name: "sign",
    type: "boolean",
    description: "Sign and attest the approved digest with sigstore (keyless with the workflow's identity unless signing-key is set; needs `id-token: write`): the pushed digest with push, else the scanned registry image. The bundles are attached next to the image and read back. See docs/signing.md.",
    cli: {
      commands: ["scan"],
      section: "Signing",
      help: 'once approved, sign and attest the scanned digest (a registry image; for a local archive use "shipgate push --sign"), store the bundles next to it, read them back. A multi-platform index: every platform is scanned, and each platform digest and the index are signed only if all are approved (--platform signs that platform alone and leaves the index unsigned)'
    },
    action: {},
    gitlab: {
      description: "Once approved, sign and attest the scanned image's digest with sigstore (keyless, with the job's `SIGSTORE_ID_TOKEN`, audience `sigstore`). The image input must be a registry reference; to push an archive and sign it, use `shipgate push --sign` (README)."
    },
    differs: "`shipgate sign` always signs and `shipgate push` has its own --sign."
  },
  {
    name: "force",
    type: "boolean",
    description: "Sign although the policy refused the image.",
    cli: {
      commands: ["sign"],
      section: "Signing",
      help: "sign although the policy refused the image; the approval attestation then says approved: false, forced: true, which generated admission policies refuse"
    },
    differs: "Only `shipgate sign` forces a signature; a CI front door signs what its policy approved."
  },
  {
    name: "attest",
    type: "list",
    default: "",
    values: [...ATTEST_VALUES, "none"],
    description: "Attestations besides the signature, comma-separated: slsa, cyclonedx, vuln, approval (default all four), or none.",
    cli: {
      commands: SIGNERS,
      section: "Signing",
      arg: "LIST",
      help: "attestations besides the signature: slsa, cyclonedx, vuln, approval (default all four), or none"
    },
    action: {},
    gitlab: { regex: "^$|^none$|^(slsa|cyclonedx|vuln|approval)(,(slsa|cyclonedx|vuln|approval))*$" }
  },
  {
    name: "key",
    type: "string",
    default: "",
    description: "PEM private key file (PKCS#8, optionally encrypted) to sign with instead of keyless.",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "FILE",
      help: "sign with this PEM private key (PKCS#8, optionally encrypted) instead of keyless"
    },
    action: { name: "signing-key" },
    differs: "The action's input says what the key is for among a step's other inputs; GitLab signs keyless with the job's ID token."
  },
  {
    name: "key-passphrase-env",
    type: "string",
    description: "The environment variable holding the key's passphrase.",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "VAR",
      help: "the environment variable holding the key's passphrase"
    },
    differs: "The action takes the passphrase itself (signing-key-passphrase, a secret) and masks it."
  },
  {
    name: "signing-key-passphrase",
    type: "string",
    default: "",
    description: "Passphrase of an encrypted signing-key (pass a secret).",
    action: {},
    differs: "The CLI reads the passphrase from an environment variable (--key-passphrase-env), never a flag."
  },
  {
    name: "identity-token-env",
    type: "string",
    description: "Keyless: the environment variable holding the OIDC token to sign with.",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "VAR",
      help: "keyless: the OIDC token to sign with, from this variable (default: the CI job's: GitHub Actions with id-token: write, or GitLab id_tokens SIGSTORE_ID_TOKEN with aud sigstore)"
    },
    differs: "The action and the component sign with their job's own ID token."
  },
  {
    name: "identity-token-file",
    type: "string",
    description: "Keyless: a file holding the OIDC token to sign with.",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "FILE",
      help: "keyless: the OIDC token to sign with, from this file"
    },
    differs: "The action and the component sign with their job's own ID token."
  },
  {
    name: "fulcio-url",
    type: "string",
    default: "",
    description: "Fulcio of a private sigstore (default the public-good instance).",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "URL",
      help: "Fulcio of a private sigstore (default the public-good instance)"
    },
    action: {},
    differs: "The GitLab component signs with the public-good instance; extra-args can name another."
  },
  {
    name: "rekor-url",
    type: "string",
    default: "",
    description: "Rekor of a private sigstore (default the public-good instance).",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "URL",
      help: "Rekor of a private sigstore (default the public-good instance)"
    },
    action: {},
    differs: "The GitLab component signs with the public-good instance; extra-args can name another."
  },
  {
    name: "rekor-entry-type",
    type: "enum",
    default: "dsse",
    values: ["dsse", "intoto"],
    description: "Rekor entry type of attestations.",
    cli: { commands: FILE_SIGNERS, section: "Signing", arg: "T", help: "dsse (default) or intoto" },
    differs: "A rarely needed sigstore detail: the CLI only."
  },
  {
    name: "tsa-url",
    type: "string",
    default: "",
    description: "RFC 3161 timestamp authority to also timestamp signatures with.",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      arg: "URL",
      help: "also get an RFC 3161 timestamp from this authority"
    },
    action: {},
    differs: "The GitLab component signs with the public-good instance; extra-args can name a TSA."
  },
  {
    name: "no-tlog",
    type: "boolean",
    description: "No transparency log entry.",
    cli: {
      commands: FILE_SIGNERS,
      section: "Signing",
      help: "no transparency log entry (key-based air-gapped signing, or --tsa-url only)"
    },
    differs: "Air-gapped signing with a key: the CLI only."
  },
  {
    name: "legacy-signatures",
    type: "boolean",
    default: true,
    description: "Also write cosign's sha256-<hex>.sig/.att tags, which Kyverno's and policy-controller's defaults read (the sigstore bundles are always attached as referrers).",
    cli: {
      commands: SIGNERS,
      section: "Signing",
      flag: "no-legacy-signatures",
      help: "do not also write cosign's sha256-<hex>.sig/.att tags (which Kyverno's and policy-controller's defaults read); the sigstore bundles are always attached"
    },
    action: {},
    differs: "A CLI flag switches a default off (--no-legacy-signatures); an input is set to false."
  },
  {
    name: "local-provenance",
    type: "boolean",
    description: "Allow a SLSA provenance outside CI.",
    cli: {
      commands: SIGNERS,
      section: "Signing",
      help: "allow a SLSA provenance outside CI (it then names no CI run)"
    },
    differs: "The action and the component always run in CI."
  },
  // The GitHub step
  {
    name: "upload-sarif",
    type: "boolean",
    default: true,
    description: "Upload the SARIF to GitHub code scanning (needs `security-events: write`). Fork pull requests cannot upload; the step warns and continues.",
    action: {},
    differs: ACTION_STEP
  },
  {
    name: "wait-for-processing",
    type: "boolean",
    default: true,
    description: "Wait until code scanning has processed the upload and report processing errors.",
    action: {},
    differs: ACTION_STEP
  },
  {
    name: "annotations",
    type: "boolean",
    default: true,
    description: "Annotate Dockerfile lines with the most important findings (top 10 errors and 10 warnings).",
    action: {},
    differs: ACTION_STEP
  },
  {
    name: "pr-comment",
    type: "boolean",
    default: false,
    description: "On pull requests, post the summary as a comment that is updated in place (needs `pull-requests: write`).",
    action: {},
    differs: ACTION_STEP
  },
  {
    name: "token",
    type: "string",
    default: "${{ github.token }}",
    description: "Token for the code scanning upload and the pull request comment.",
    action: {},
    differs: ACTION_STEP
  },
  {
    name: "working-directory",
    type: "string",
    default: ".",
    description: "Directory relative paths in the inputs resolve against (relative to the workspace).",
    action: {},
    differs: "The CLI resolves against its own working directory, the component against the repository root."
  },
  {
    name: "push",
    type: "string",
    default: "",
    description: "Registry reference to push the approved image to (shipgate push), e.g. ghcr.io/org/app:sha. Only from a verified job of this repository (needs `id-token: write`; the ID token is verified against GitHub's keys and its claims must match the job) and only when the policy approves the image. Empty: no push.",
    action: {},
    differs: "The CLI has the push command (shipgate push IMAGE DESTINATION) for this."
  },
  {
    name: "oidc-issuer",
    type: "string",
    default: "",
    description: "For push, the issuer of the job's ID token; empty is GitHub.com's (GitHub Enterprise Server: https://HOST/_services/token).",
    cli: {
      commands: ["push"],
      section: "Push",
      arg: "URL",
      help: 'the issuer the ID token must come from, as its "iss" claim names it; required on GitLab (https://gitlab.com, or your instance); GitHub default https://token.actions.githubusercontent.com (GitHub Enterprise Server: https://HOST/_services/token)'
    },
    action: {},
    differs: PUSH_JOB
  },
  {
    name: "oidc-audience",
    type: "string",
    default: "shipgate",
    description: "The audience the ID token must be issued for.",
    cli: {
      commands: ["push"],
      section: "Push",
      arg: "AUD",
      help: "the audience the ID token must be issued for (default shipgate; GitHub tokens are requested for it, GitLab jobs declare it with id_tokens: ... aud:)"
    },
    differs: "The action requests its own ID token, for shipgate's audience."
  },
  {
    name: "oidc-project",
    type: "string",
    default: "",
    description: "For push, the repository (owner/repo) the job's ID token must name.",
    cli: {
      commands: ["push"],
      section: "Push",
      arg: "PATH",
      help: "the GitHub repository (owner/repo) or GitLab project path (group/project) the ID token must name; without it, any project of the issuer whose job variables match its token passes"
    },
    action: {},
    differs: PUSH_JOB
  },
  {
    name: "oidc-allow-event",
    type: "list",
    description: "Accept a GitHub run for these events although it can execute a fork's code.",
    cli: {
      commands: ["push"],
      section: "Push",
      arg: "EVENT",
      help: "accept a GitHub run for EVENT although it can execute a fork's code (pull_request_target, workflow_run or issue_comment; repeatable)"
    },
    differs: "An exception to the push guard that a workflow should not make by default: the CLI only."
  },
  // Verification (shipgate verify, shipgate audit)
  verifyFlag(
    "github-repository",
    "string",
    "Signer",
    "O/R",
    "signed by GitHub Actions in OWNER/REPO (issuer https://token.actions.githubusercontent.com)",
    "The signer is a GitHub Actions workflow of this repository (owner/repo)."
  ),
  verifyFlag(
    "workflow",
    "string",
    "Signer",
    "FILE",
    "with --github-repository: only this workflow, e.g. .github/workflows/release.yml",
    "Only signatures of this workflow file of the repository."
  ),
  verifyFlag(
    "gitlab-project",
    "string",
    "Signer",
    "G/P",
    "signed by GitLab CI in GROUP/PROJECT",
    "The signer is a GitLab CI pipeline of this project (group/project)."
  ),
  verifyFlag(
    "gitlab-server",
    "string",
    "Signer",
    "URL",
    "with --gitlab-project: the GitLab instance, the issuer (default https://gitlab.com)",
    "The GitLab instance that issued the signer identity."
  ),
  verifyFlag(
    "gitlab-ci-config",
    "string",
    "Signer",
    "PATH",
    "with --gitlab-project: the CI configuration path (default .gitlab-ci.yml)",
    "The project's CI configuration path the signer ran from."
  ),
  verifyFlag(
    "ref",
    "string",
    "Signer",
    "REF",
    "only this ref, e.g. refs/heads/main (default any branch or tag)",
    "Only signatures made on this ref."
  ),
  verifyFlag(
    "ref-pattern",
    "string",
    "Signer",
    "RE",
    "only refs matching RE (anchored for you)",
    "Only signatures made on refs matching this regular expression (anchored)."
  ),
  verifyFlag(
    "certificate-oidc-issuer",
    "string",
    "Signer",
    "URL",
    "signed keylessly through any other issuer, with --certificate-identity or --certificate-identity-regexp",
    "The OIDC issuer of a keyless signer that is neither GitHub Actions nor GitLab CI."
  ),
  verifyFlag(
    "certificate-identity",
    "string",
    "Signer",
    "SAN",
    "with --certificate-oidc-issuer: the signer's identity (certificate SAN), exact",
    "The signer's certificate identity (SAN), matched exactly."
  ),
  verifyFlag(
    "certificate-identity-regexp",
    "string",
    "Signer",
    "RE",
    "with --certificate-oidc-issuer: the signer's identity matching RE (anchored: ^(?:RE)$)",
    "The signer's certificate identity (SAN), matched by an anchored regular expression."
  ),
  verifyFlag(
    "verify-key",
    "list",
    "Signer",
    "PUBLIC.pem",
    "key-based signatures by this public key (repeatable)",
    "Public keys (PEM) whose key-based signatures are accepted.",
    "key"
  ),
  verifyFlag(
    "require-predicate",
    "list",
    "Checks",
    "T",
    "also require a verified statement of this type: slsa, cyclonedx, vuln, approval or a predicate type URI (repeatable); verify and audit always require the signature, verify-blob requires slsa when none is given",
    "Statements that must be present and verified besides the signature."
  ),
  verifyFlag(
    "no-require-approval",
    "boolean",
    "Checks",
    void 0,
    "do not require shipgate's approval attestation (required by default)",
    "Do not require shipgate's approval attestation."
  ),
  verifyFlag(
    "allow-forced",
    "boolean",
    "Checks",
    void 0,
    "accept an approval signed with --force (approved: false, forced: true)",
    "Accept an approval that was forced."
  ),
  verifyFlag(
    "max-age",
    "string",
    "Checks",
    "DURATION",
    "refuse signatures older than this, e.g. 30d, 12h",
    "Refuse signatures older than this."
  ),
  verifyFlag(
    "certificate-extension",
    "list",
    "Checks",
    "NAME=VALUE",
    "keyless: a Fulcio certificate extension must have exactly this value, e.g. runnerEnvironment=github-hosted, sourceRepositoryRef=refs/heads/main (repeatable)",
    "Fulcio certificate extensions that must have exactly these values."
  ),
  verifyFlag(
    "allow-unwitnessed-key",
    "boolean",
    "Checks",
    void 0,
    "key-based bundles without transparency log or timestamp (air-gapped signing)",
    "Accept key-based bundles without a transparency log entry or timestamp."
  ),
  verifyFlag(
    "trusted-root",
    "string",
    "Trust",
    "FILE",
    "a sigstore trusted root JSON (private sigstore); default: the public-good root, fetched and verified through TUF",
    "A sigstore trusted root JSON to verify against instead of the public-good one."
  ),
  verifyFlag(
    "tuf-mirror-url",
    "string",
    "Trust",
    "URL",
    "another TUF mirror for the trusted root",
    "Another TUF mirror for the trusted root."
  ),
  // The GitLab job
  {
    name: "extra-args",
    type: "string",
    default: "",
    description: "Further `shipgate scan` flags, split on spaces, for example `--sbom-format spdx`.",
    gitlab: {},
    differs: GITLAB_JOB
  },
  {
    name: "version",
    type: "string",
    default: "0.1.0",
    description: "shipgate release to run (exact version of the npm package `@shipgate/cli`).",
    gitlab: { regex: "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$" },
    differs: "A workflow pins the action by the ref in its uses: line."
  },
  {
    name: "runner-image",
    type: "string",
    default: "node:24-slim",
    description: "Image the job runs in. The default has Node.js, which `npx` needs.",
    gitlab: {},
    differs: GITLAB_JOB
  },
  {
    name: "shipgate-command",
    type: "string",
    default: "",
    description: "Command that starts shipgate. Empty runs `npx --yes @shipgate/cli@<version>`; use `shipgate` in an image that has it installed.",
    gitlab: {},
    differs: GITLAB_JOB
  },
  {
    name: "cache-key",
    type: "string",
    default: "shipgate-osv",
    description: "Cache key prefix of the vulnerability data (`<cache-key>-<job-prefix>`: one cache per included scan job, uploaded after every job and refreshed incrementally by shipgate).",
    gitlab: {},
    differs: GITLAB_JOB
  },
  {
    name: "allow-failure",
    type: "boolean",
    default: false,
    description: "Let the pipeline continue when the gate fails.",
    gitlab: {},
    differs: GITLAB_JOB
  }
];
function option(name) {
  const o = OPTIONS.find((x) => x.name === name);
  if (!o) throw new ShipgateError("INTERNAL", `no option ${name} in the option table`);
  return o;
}
function nameAt(o, door) {
  if (door === "cli") return o.cli?.flag ?? o.name;
  return o[door]?.name ?? o.name;
}
function commandOptions(command) {
  return OPTIONS.filter((o) => o.cli?.commands.includes(command));
}

export {
  FAIL_ON_VALUES,
  PSS_VALUES,
  FORMAT_VALUES,
  option,
  nameAt,
  commandOptions
};
