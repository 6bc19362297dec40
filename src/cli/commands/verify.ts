import { writeFileSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { fetchBundles } from '../../sign/read-back';
// The modules themselves, not the signing index: verification loads no signing, statements or SBOM code.
import { loadTrustMaterial } from '../../sign/trust';
import {
  VerificationFailed,
  verifyBundles,
  type VerifyExpectations,
  type VerifyReport,
} from '../../sign/verify';
import { parseCommand, str } from '../args';
import { registryImage } from '../registry-image';
import { VERIFY_HELP, VERIFY_OPTIONS, verifyFlags } from '../verify-flags';

const HELP = `Usage: shipgate verify IMAGE SIGNER [options]

Fetches the sigstore bundles attached to IMAGE's manifest digest (OCI referrers, or the sha256-<hex> tag) and
verifies them: signature, certificate chain and transparency-log inclusion or timestamp against the trusted
root; that each statement's subject IS this digest; the signer, matched exactly or by an anchored pattern;
the required predicates; and shipgate's approval (approved, not forced). Says which check failed; exit 1.

Arguments:
  IMAGE                       a registry reference; a tag is resolved to its digest first (printed)

${VERIFY_HELP}
  -o, --output FILE           write the verification report as JSON
`;

const OPTIONS = { ...VERIFY_OPTIONS, output: { type: 'string', short: 'o' } } as const;

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', `verify: ${message}`, hint === undefined ? {} : { hint });
}

function summary(report: VerifyReport): string[] {
  const lines = report.verified.map((v) => {
    const who = v.signer.kind === 'key' ? `key ${v.signer.hint}` : `${v.signer.subject} (${v.signer.issuer})`;
    return `verified ${v.predicateType} by ${who}${v.time ? ` at ${v.time}` : ''}`;
  });
  for (const r of report.rejected) lines.push(`rejected ${r.predicateType ?? 'a bundle'}: ${r.reason}`);
  return lines;
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand('verify', argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== undefined)
    throw usage('give exactly one IMAGE', 'e.g. shipgate verify ghcr.io/acme/app@sha256:...');
  const flags = verifyFlags('verify', p);
  const expect: VerifyExpectations = {
    image: { digest: '' },
    ...flags.expect,
  };
  const trust = await loadTrustMaterial(flags.trust);
  const { ref, client, digest } = await registryImage(image, 'verify', 'verifying');
  expect.image = { digest, repository: `${ref.registry}/${ref.repository}` };
  const fetched = await fetchBundles(client, ref.repository, digest);
  logger().info(`${fetched.length} sigstore bundle${fetched.length === 1 ? '' : 's'} attached to ${digest}`);
  const output = str(p, 'output');
  let report: VerifyReport;
  try {
    report = verifyBundles(
      fetched.map((f) => f.bundle),
      trust,
      expect,
    );
  } catch (e) {
    const partial = e instanceof VerificationFailed ? e.report : undefined;
    if (partial) for (const line of summary(partial)) logger().info(line);
    if (output)
      writeFileSync(
        output,
        `${JSON.stringify({ verified: false, digest, error: (e as Error).message, report: partial ?? null }, null, 2)}\n`,
      );
    throw e;
  }
  for (const line of summary(report)) logger().info(line);
  if (output) writeFileSync(output, `${JSON.stringify({ verified: true, digest, report }, null, 2)}\n`);
  process.stdout.write(`verified ${ref.registry}/${ref.repository}@${digest}\n`);
  return EXIT.OK;
}
