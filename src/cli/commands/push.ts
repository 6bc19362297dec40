import { EXIT, parseExitCode, ShipgateError } from '../../core/errors';
import { findRepoRoot } from '../../pipeline/paths';
import { refusedByPolicy, scanGatePush } from '../../pipeline/push';
import { signingPush } from '../../pipeline/scan-sign';
import type { SignOutcome } from '../../pipeline/sign';
import { SIGNING_HELP, signOptions } from '../signing-flags';
import { helpSection, parseTableCommand } from '../option-table';
import { FORK_CODE_EVENTS } from '../../platform/github/oidc';
import { normalizeIssuer } from '../../platform/issuer';
import type { PipelineOptions } from '../../pipeline/types';
import { bool, list, str, type Parsed } from '../args';
import { gateFlags } from '../policy-flags';
import { tuneForImages } from '../v8-tuning';

const HELP = `Usage: shipgate push IMAGE DEST [--dockerfile FILE]... [--config FILE] [options]

Pushes IMAGE to the registry reference DEST, only from a verified CI job and only once the image is approved:
  1. the job must be a GitHub Actions or GitLab CI job with an OIDC ID token (GitHub: permissions
     id-token: write; GitLab: id_tokens: SHIPGATE_ID_TOKEN or SIGSTORE_ID_TOKEN). The token is verified:
     signature against the issuer's published keys (asymmetric algorithms only), issuer, audience, exp,
     nbf and iat; then its claims must match the job's variables, and runs that can execute a fork's code
     are refused (GitHub pull_request_target, workflow_run, issue_comment; GitLab fork merge requests);
  2. IMAGE is opened once and scanned as "shipgate scan" does (with the Dockerfiles); the policy must approve;
  3. the layers and config are copied from that opened image; with --sign, the digest of the manifest about to
     be put is signed and attested (see below) and the bundles are stored and read back; the manifest is put
     last, so a failed signature leaves no tag. The pushed repository@sha256:... is printed.
There is no flag to push from elsewhere: build and scan locally with "shipgate scan".
Not verified: which branch, tag or workflow may push (restrict the job with protected branches and
environments). The check guards pushes made with shipgate only: the same registry credentials still push
with docker or any other tool. Restrict push rights at the registry and admit only CI-signed, approved
images in the cluster (docs/push.md: threat model).

Arguments:
  IMAGE                   docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME or a registry
                          reference
  DEST                    registry reference to push to (registry.gitlab.com/group/app:1.2)

Options:
${helpSection('push', 'Targets')}
${helpSection('push', 'Policy')}
${helpSection('push', 'Malware')}
${helpSection('push', 'Vulnerability data')}
${helpSection('push', 'Push')}

      --sign              sign and attest the pushed digest (keyless with the job's identity by default).
                          A multi-platform image (without --platform): every platform is scanned, gated and
                          pushed by digest, then an OCI index over them; each platform and the index are
                          signed, and the tag names the index last

${SIGNING_HELP}

Registry credentials: docker login, or SHIPGATE_REGISTRY (host) with SHIPGATE_REGISTRY_USERNAME/PASSWORD.
`;

/**
 * --exit-code: the exit code of a push the policy refuses (default 2, as every refused push). 0 is refused:
 * a job that pushed nothing must not pass as one that pushed.
 */
function pushExitCode(p: Parsed): number | undefined {
  const text = str(p, 'exit-code');
  if (text === undefined) return undefined;
  const code = parseExitCode(text);
  if (code === EXIT.OK)
    throw new ShipgateError('USAGE', 'push: --exit-code 0 would pass a job that pushed nothing', {
      hint: 'give a non-zero exit code, or run "shipgate scan --exit-code 0" to report without failing',
    });
  return code;
}

/** Runs the push; a refusal by the policy exits with `code` when one was chosen. */
async function refusalExit<T>(code: number | undefined, push: () => Promise<T>): Promise<T> {
  try {
    return await push();
  } catch (e) {
    if (code === undefined || !refusedByPolicy(e)) throw e;
    throw new ShipgateError(e.code, e.message, {
      ...(e.hint ? { hint: e.hint } : {}),
      cause: e,
      exitCode: code,
    });
  }
}

export async function run(argv: string[]): Promise<number> {
  // push's --sign is its own: the table's sign option is scan's.
  const p = parseTableCommand('push', argv, HELP, { sign: { type: 'boolean' } });
  if (!p) return EXIT.OK;
  const [image, dest, extra] = p.positionals;
  if (!image || !dest || extra !== undefined)
    throw new ShipgateError('USAGE', 'push: give exactly IMAGE and DEST', {
      hint: 'e.g. shipgate push oci-archive:app.tar registry.gitlab.com/group/app:1.2',
    });
  tuneForImages();
  const pipeline: PipelineOptions = {
    dockerfiles: list(p, 'dockerfile'),
    repoRoot: findRepoRoot(),
    image,
    ...(str(p, 'platform') ? { platform: str(p, 'platform')! } : {}),
    ...(str(p, 'config') ? { configPath: str(p, 'config')! } : {}),
    ...gateFlags(p),
  };
  const refusedExit = pushExitCode(p);
  const issuer = str(p, 'oidc-issuer');
  const audience = str(p, 'oidc-audience')?.trim();
  if (audience === '')
    throw new ShipgateError('USAGE', 'push: --oidc-audience is empty', {
      hint: 'e.g. --oidc-audience shipgate',
    });
  const project = str(p, 'oidc-project')?.trim();
  if (project === '')
    throw new ShipgateError('USAGE', 'push: --oidc-project is empty', {
      hint: 'e.g. --oidc-project acme/app',
    });
  const allowEvents = list(p, 'oidc-allow-event');
  const unknown = allowEvents.find((e) => !(FORK_CODE_EVENTS as readonly string[]).includes(e));
  if (unknown !== undefined)
    throw new ShipgateError('USAGE', `push: --oidc-allow-event: "${unknown}" is not refused to begin with`, {
      hint: `it takes ${FORK_CODE_EVENTS.join(', ')}`,
    });
  const signing = bool(p, 'sign') ? signOptions(p, pipeline.repoRoot) : undefined;
  const signed: SignOutcome[] = [];
  const pushed = await refusalExit(refusedExit, () =>
    scanGatePush({
      ...(signing ? signingPush(signing, (s) => signed.push(...s.platforms, s.image)) : {}),
      pipeline,
      destination: dest,
      ...(issuer !== undefined ? { issuer: normalizeIssuer(issuer) } : {}),
      ...(audience ? { audience } : {}),
      ...(allowEvents.length ? { allowEvents } : {}),
      ...(project ? { project } : {}),
    }),
  );
  process.stdout.write(`${pushed.reference}\n`);
  for (const s of signed) process.stderr.write(`signed ${s.reference}\n`);
  return EXIT.OK;
}
