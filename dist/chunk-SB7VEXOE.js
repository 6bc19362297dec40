#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkOutputFlags,
  writeOutputs
} from "./chunk-FSBQCGWF.js";
import {
  notSignedLine,
  scanToSign,
  signScanned
} from "./chunk-VXL7EI4S.js";
import {
  gateFlags
} from "./chunk-QXIHMM5Z.js";
import {
  parseDuration,
  runPipeline
} from "./chunk-EKA2GYPS.js";
import {
  tuneForImages
} from "./chunk-JBZB6ZHA.js";
import {
  signOptions,
  signableRegistryImage
} from "./chunk-RSVFU7XH.js";
import {
  helpSection,
  parseTableCommand
} from "./chunk-63NLDXJT.js";
import {
  bool,
  list,
  oneOf,
  str
} from "./chunk-N7PLTF7E.js";
import {
  plural
} from "./chunk-6PB7EY26.js";
import {
  SBOM_FORMATS,
  sbomKind
} from "./chunk-VZR4YNCM.js";
import {
  PSS_VALUES,
  option
} from "./chunk-2L5WH6HQ.js";
import {
  findRepoRoot
} from "./chunk-VYLKKKIO.js";
import {
  parseSeverity
} from "./chunk-LJLRXQKZ.js";
import {
  EXIT,
  ShipgateError,
  parseExitCode
} from "./chunk-6QO4RSHM.js";
import {
  logger
} from "./chunk-HYPJQQQ3.js";

// src/cli/gitlab-env.ts
var CS_SEVERITIES = ["UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"];
function gitlabFallbacks(env) {
  if (env.GITLAB_CI !== "true") return {};
  const out = {};
  const image = env.CS_IMAGE?.trim();
  if (image) out.image = image;
  const dockerfile = env.CS_DOCKERFILE_PATH?.trim();
  if (dockerfile) out.dockerfile = dockerfile;
  const threshold = env.CS_SEVERITY_THRESHOLD?.trim();
  if (threshold) {
    if (!CS_SEVERITIES.includes(threshold.toUpperCase()))
      throw new ShipgateError("USAGE", `CS_SEVERITY_THRESHOLD: invalid value "${threshold}"`, {
        hint: `use one of ${CS_SEVERITIES.join(", ")}`
      });
    out.failOn = parseSeverity(threshold, "CS_SEVERITY_THRESHOLD");
  }
  return out;
}

// src/cli/commands/scan.ts
import { readFileSync } from "node:fs";
var HELP = `Usage: shipgate scan [IMAGE] [--dockerfile FILE]... [--image REF] [options]

Lints the Dockerfiles, scans the image (packages, vulnerabilities, secrets in every layer, configuration,
malware), applies the policy and decides whether the image is approved.

Targets:
${helpSection("scan", "Targets")}

Policy:
${helpSection("scan", "Policy")}

In a GitLab CI job, CS_IMAGE, CS_DOCKERFILE_PATH and CS_SEVERITY_THRESHOLD stand in for --image, --dockerfile
and --fail-on when those are not given; CS_REGISTRY_USER/PASSWORD log in to CS_IMAGE's registry.

Malware:
${helpSection("scan", "Malware")}

Vulnerability data:
${helpSection("scan", "Vulnerability data")}

Output:
${helpSection("scan", "Output")}

Signing (sigstore; see docs/signing.md):
${helpSection("scan", "Signing")}
`;
var SIGN_HELP = `Usage: shipgate sign IMAGE [--dockerfile FILE]... [options]

Scans IMAGE (a registry reference) as "shipgate scan" does and, only if the policy approves it, signs the
scanned manifest digest and attests it (SLSA provenance, CycloneDX SBOM, vulnerability scan, shipgate's
approval), keyless by default. The sigstore bundles are attached as OCI referrers (or the sha256-<hex> tag
where the registry has no referrers API) and in cosign's .sig/.att tags, then read back. Verify with
"shipgate verify". A multi-platform index is signed as a whole: every platform is scanned, and each platform
digest and then the index (whose approval lists every platform's digest and decision) are signed only when
every platform is approved; otherwise nothing is signed.

Options: every option of "shipgate scan" (see "shipgate scan --help") but --sign, and:

Signing (sigstore; see docs/signing.md):
${helpSection("sign", "Signing")}
`;
function scanPipelineOptions(p, env, repoRoot) {
  const gate = gateFlags(p);
  const gitlab = gitlabFallbacks(env);
  const image = str(p, "image") ?? p.positionals[0] ?? gitlab.image;
  const failOn = gate.failOn ?? gitlab.failOn;
  const dockerfiles = list(p, "dockerfile");
  if (dockerfiles.length === 0 && gitlab.dockerfile) dockerfiles.push(gitlab.dockerfile);
  const timeoutText = str(p, "timeout") ?? env.SHIPGATE_TIMEOUT;
  const timeoutMs = parseDuration(
    timeoutText ?? String(option("timeout").default),
    str(p, "timeout") ? "--timeout" : "SHIPGATE_TIMEOUT"
  );
  const manifests = list(p, "manifests");
  const pss = str(p, "pss") ? oneOf(p, "pss", PSS_VALUES, "privileged") : void 0;
  return {
    dockerfiles,
    ...manifests.length ? { manifests } : {},
    ...pss ? { pss } : {},
    repoRoot,
    ...image ? { image } : {},
    ...str(p, "platform") ? { platform: str(p, "platform") } : {},
    ...str(p, "context") ? { context: str(p, "context") } : {},
    ...str(p, "config") ? { configPath: str(p, "config") } : {},
    ...gate,
    ...failOn ? { failOn } : {},
    ...timeoutMs ? { timeoutMs } : {}
  };
}
function run(argv) {
  return scanCommand("scan", argv);
}
async function scanCommand(command, argv) {
  const p = parseTableCommand(command, argv, command === "scan" ? HELP : SIGN_HELP);
  if (!p) return EXIT.OK;
  checkOutputFlags(p);
  const sign = command === "sign" || bool(p, "sign");
  if (p.positionals.length > 1 || p.positionals.length === 1 && str(p, "image")) {
    throw new ShipgateError("USAGE", `scan: unexpected argument "${p.positionals.at(-1)}"`, {
      hint: "give one image (as an argument or with --image) and Dockerfiles with --dockerfile"
    });
  }
  const sbomFormat = oneOf(p, "sbom-format", SBOM_FORMATS, option("sbom-format").default);
  const exitCodeText = str(p, "exit-code");
  const refusedExit = exitCodeText === void 0 ? EXIT.POLICY_FAILED : parseExitCode(exitCodeText);
  const repoRoot = findRepoRoot();
  const opts = scanPipelineOptions(p, process.env, repoRoot);
  const image = opts.image;
  if (str(p, "sbom") && !image) throw new ShipgateError("USAGE", "--sbom needs --image");
  const signing = sign ? signOptions(p, repoRoot, bool(p, "force")) : void 0;
  const target = sign ? signableRegistryImage(image, command) : void 0;
  if (image) tuneForImages();
  const scanned = target ? await scanToSign(opts) : { result: await runPipeline(opts) };
  const result = scanned.result;
  const more = [];
  const sbomPath = str(p, "sbom");
  if (sbomPath) more.push({ format: sbomKind(sbomFormat), path: sbomPath });
  const gitlabDir = str(p, "gitlab-reports");
  if (gitlabDir) more.push({ format: "gitlab", path: gitlabDir });
  await writeOutputs(result, p, repoRoot, more);
  const approved = result.decision?.approved !== false;
  if (signing && target && (approved || signing.force)) {
    const sbom = sbomPath && !scanned.index && sbomKind(sbomFormat) === "cyclonedx" ? readFileSync(sbomPath, "utf8") : void 0;
    const signed = await signScanned(target, scanned, { ...signing, ...sbom ? { sbom } : {} });
    for (const p2 of signed.platforms) process.stderr.write(`signed ${p2.reference}
`);
    process.stderr.write(
      signed.platforms.length ? `signed ${signed.image.reference} (the index of ${plural(signed.platforms.length, "platform")})
` : `signed ${signed.image.reference}
`
    );
  } else if (signing) logger().warn(notSignedLine(result));
  return approved ? EXIT.OK : refusedExit;
}

export {
  scanPipelineOptions,
  run,
  scanCommand
};
