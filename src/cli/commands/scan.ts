import { EXIT, parseExitCode, ShipgateError } from '../../core/errors';
import { findRepoRoot } from '../../pipeline/paths';
import { runPipeline } from '../../pipeline/run';
import type { PipelineOptions } from '../../pipeline/types';
import { SBOM_FORMATS, sbomKind } from '../../report/sbom-formats';
import type { ReportRequest } from '../../report/write';
import { bool, list, oneOf, str, type Parsed } from '../args';
import { checkOutputFlags, writeOutputs } from '../output';
import { gitlabFallbacks } from '../gitlab-env';
import { gateFlags } from '../policy-flags';
import { helpSection, parseTableCommand } from '../option-table';
import { option, PSS_VALUES } from '../../core/options';
import { parseDuration } from '../../pipeline/deadline';
import { readFileSync } from 'node:fs';
import { logger } from '../../core/logger';
import { signableRegistryImage } from '../../pipeline/sign';
import { notSignedLine, scanToSign, signScanned } from '../../pipeline/scan-sign';
import { plural } from '../../report/common';
import { signOptions } from '../signing-flags';
import { tuneForImages } from '../v8-tuning';

const HELP = `Usage: shipgate scan [IMAGE] [--dockerfile FILE]... [--image REF] [options]

Lints the Dockerfiles, scans the image (packages, vulnerabilities, secrets in every layer, configuration,
malware), applies the policy and decides whether the image is approved.

Targets:
${helpSection('scan', 'Targets')}

Policy:
${helpSection('scan', 'Policy')}

In a GitLab CI job, CS_IMAGE, CS_DOCKERFILE_PATH and CS_SEVERITY_THRESHOLD stand in for --image, --dockerfile
and --fail-on when those are not given; CS_REGISTRY_USER/PASSWORD log in to CS_IMAGE's registry.

Malware:
${helpSection('scan', 'Malware')}

Vulnerability data:
${helpSection('scan', 'Vulnerability data')}

Output:
${helpSection('scan', 'Output')}

Signing (sigstore; see docs/signing.md):
${helpSection('scan', 'Signing')}
`;

const SIGN_HELP = `Usage: shipgate sign IMAGE [--dockerfile FILE]... [options]

Scans IMAGE (a registry reference) as "shipgate scan" does and, only if the policy approves it, signs the
scanned manifest digest and attests it (SLSA provenance, CycloneDX SBOM, vulnerability scan, shipgate's
approval), keyless by default. The sigstore bundles are attached as OCI referrers (or the sha256-<hex> tag
where the registry has no referrers API) and in cosign's .sig/.att tags, then read back. Verify with
"shipgate verify". A multi-platform index is signed as a whole: every platform is scanned, and each platform
digest and then the index (whose approval lists every platform's digest and decision) are signed only when
every platform is approved; otherwise nothing is signed.

Options: every option of "shipgate scan" (see "shipgate scan --help") but --sign, and:

Signing (sigstore; see docs/signing.md):
${helpSection('sign', 'Signing')}
`;

/** The pipeline options of scan's (and sign's) flags, with GitLab's CS_* variables and SHIPGATE_TIMEOUT as fallbacks. */
export function scanPipelineOptions(p: Parsed, env: NodeJS.ProcessEnv, repoRoot: string): PipelineOptions {
  const gate = gateFlags(p);
  const gitlab = gitlabFallbacks(env);
  const image = str(p, 'image') ?? p.positionals[0] ?? gitlab.image;
  const failOn = gate.failOn ?? gitlab.failOn;
  const dockerfiles = list(p, 'dockerfile');
  if (dockerfiles.length === 0 && gitlab.dockerfile) dockerfiles.push(gitlab.dockerfile);
  const timeoutText = str(p, 'timeout') ?? env.SHIPGATE_TIMEOUT;
  const timeoutMs = parseDuration(
    timeoutText ?? String(option('timeout').default),
    str(p, 'timeout') ? '--timeout' : 'SHIPGATE_TIMEOUT',
  );
  const manifests = list(p, 'manifests');
  const pss = str(p, 'pss') ? oneOf(p, 'pss', PSS_VALUES, 'privileged') : undefined;
  return {
    dockerfiles,
    ...(manifests.length ? { manifests } : {}),
    ...(pss ? { pss } : {}),
    repoRoot,
    ...(image ? { image } : {}),
    ...(str(p, 'platform') ? { platform: str(p, 'platform')! } : {}),
    ...(str(p, 'context') ? { context: str(p, 'context')! } : {}),
    ...(str(p, 'config') ? { configPath: str(p, 'config')! } : {}),
    ...gate,
    ...(failOn ? { failOn } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

export function run(argv: string[]): Promise<number> {
  return scanCommand('scan', argv);
}

/** `shipgate scan`, or `shipgate sign` (a scan that signs, and may be forced). */
export async function scanCommand(command: 'scan' | 'sign', argv: string[]): Promise<number> {
  const p = parseTableCommand(command, argv, command === 'scan' ? HELP : SIGN_HELP);
  if (!p) return EXIT.OK;
  checkOutputFlags(p);
  const sign = command === 'sign' || bool(p, 'sign');
  // `shipgate scan IMAGE` is short for `shipgate scan --image IMAGE`.
  if (p.positionals.length > 1 || (p.positionals.length === 1 && str(p, 'image'))) {
    throw new ShipgateError('USAGE', `scan: unexpected argument "${p.positionals.at(-1)}"`, {
      hint: 'give one image (as an argument or with --image) and Dockerfiles with --dockerfile',
    });
  }
  const sbomFormat = oneOf(p, 'sbom-format', SBOM_FORMATS, option('sbom-format').default as 'cyclonedx');
  const exitCodeText = str(p, 'exit-code');
  const refusedExit = exitCodeText === undefined ? EXIT.POLICY_FAILED : parseExitCode(exitCodeText);
  const repoRoot = findRepoRoot();
  const opts = scanPipelineOptions(p, process.env, repoRoot);
  const image = opts.image;
  if (str(p, 'sbom') && !image) throw new ShipgateError('USAGE', '--sbom needs --image');
  // Checked before the scan: a typo in a signing flag or a local image must not cost a whole scan.
  const signing = sign ? signOptions(p, repoRoot, bool(p, 'force')) : undefined;
  const target = sign ? signableRegistryImage(image, command) : undefined;
  if (image) tuneForImages();
  const scanned = target ? await scanToSign(opts) : { result: await runPipeline(opts) };
  const result = scanned.result;
  const more: ReportRequest[] = [];
  const sbomPath = str(p, 'sbom');
  if (sbomPath) more.push({ format: sbomKind(sbomFormat), path: sbomPath });
  const gitlabDir = str(p, 'gitlab-reports');
  if (gitlabDir) more.push({ format: 'gitlab', path: gitlabDir });
  await writeOutputs(result, p, repoRoot, more);
  const approved = result.decision?.approved !== false;
  if (signing && target && (approved || signing.force)) {
    // The SBOM written is one image's; a multi-platform image's platforms each attest their own.
    const sbom =
      sbomPath && !scanned.index && sbomKind(sbomFormat) === 'cyclonedx'
        ? readFileSync(sbomPath, 'utf8')
        : undefined;
    const signed = await signScanned(target, scanned, { ...signing, ...(sbom ? { sbom } : {}) });
    for (const p of signed.platforms) process.stderr.write(`signed ${p.reference}\n`);
    process.stderr.write(
      signed.platforms.length
        ? `signed ${signed.image.reference} (the index of ${plural(signed.platforms.length, 'platform')})\n`
        : `signed ${signed.image.reference}\n`,
    );
  } else if (signing) logger().warn(notSignedLine(result));
  return approved ? EXIT.OK : refusedExit;
}
