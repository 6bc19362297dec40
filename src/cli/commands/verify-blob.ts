import { writeFileSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
// The modules themselves, not the signing index: verification loads no signing, statements or SBOM code.
import { BUNDLE_SUFFIX, verifyFile, type VerifiedFile } from '../../sign/blob';
import { loadTrustMaterial } from '../../sign/trust';
import { VerificationFailed, type VerifyReport } from '../../sign/verify';
import { parseCommand, str } from '../args';
import { BLOB_VERIFY_HELP, BLOB_VERIFY_OPTIONS, verifyFlags } from '../verify-flags';

const HELP = `Usage: shipgate verify-blob FILE... SIGNER [options]

Verifies each FILE against its sigstore bundle (FILE${BUNDLE_SUFFIX}, or --bundle): signature, certificate
chain and transparency-log inclusion or timestamp against the trusted root; that the statement's subject
digest IS the file's sha256; the signer, matched exactly or by an anchored pattern; the predicate type (the
SLSA provenance unless --require-predicate says otherwise); and the age. Says which check failed; exit 1.

Arguments:
  FILE                        a file signed with "shipgate sign-blob" (any sigstore bundle v0.3 of a DSSE
                              in-toto statement about the file)
      --bundle FILE           the bundle (one FILE only; default FILE${BUNDLE_SUFFIX})

${BLOB_VERIFY_HELP}
  -o, --output FILE           write the verification report as JSON
`;

const OPTIONS = {
  ...BLOB_VERIFY_OPTIONS,
  bundle: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', `verify-blob: ${message}`, hint === undefined ? {} : { hint });
}

function summary(file: string, report: VerifyReport): string[] {
  const lines = report.verified.map((v) => {
    const who = v.signer.kind === 'key' ? `key ${v.signer.hint}` : `${v.signer.subject} (${v.signer.issuer})`;
    return `${file}: verified ${v.predicateType} by ${who}${v.time ? ` at ${v.time}` : ''}`;
  });
  for (const r of report.rejected)
    lines.push(`${file}: rejected ${r.predicateType ?? 'the bundle'}: ${r.reason}`);
  return lines;
}

interface FileOutcome {
  file: string;
  bundle: string;
  verified: boolean;
  digest?: string;
  error?: string;
  report?: VerifyReport | null;
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand('verify-blob', argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const files = p.positionals;
  if (files.length === 0)
    throw usage(
      'give at least one FILE',
      'e.g. shipgate verify-blob app.tgz --github-repository acme/app --workflow .github/workflows/release.yml',
    );
  const bundleFlag = str(p, 'bundle');
  if (bundleFlag !== undefined && files.length > 1)
    throw usage('--bundle names the bundle of one FILE', `without it each is read from FILE${BUNDLE_SUFFIX}`);
  const flags = verifyFlags('verify-blob', p, 'file');
  const trust = await loadTrustMaterial(flags.trust);
  const output = str(p, 'output');
  const outcomes: FileOutcome[] = [];
  const write = (): void => {
    if (output)
      writeFileSync(
        output,
        `${JSON.stringify({ verified: outcomes.every((o) => o.verified), files: outcomes }, null, 2)}\n`,
      );
  };
  // One file after the other: the first that fails stops the command, named in its error.
  for (const file of files) {
    const bundle = bundleFlag ?? `${file}${BUNDLE_SUFFIX}`;
    let verified: VerifiedFile;
    try {
      verified = await verifyFile(file, bundle, trust, flags.expect);
    } catch (e) {
      const partial = e instanceof VerificationFailed ? e.report : undefined;
      if (partial) for (const line of summary(file, partial)) logger().info(line);
      outcomes.push({ file, bundle, verified: false, error: (e as Error).message, report: partial ?? null });
      write();
      if (e instanceof VerificationFailed)
        throw new VerificationFailed(`${file}: ${e.message}`, e.failure, e.report, 'file');
      throw e;
    }
    for (const line of summary(file, verified.report)) logger().info(line);
    outcomes.push({ file, bundle, verified: true, digest: verified.subject.digest, report: verified.report });
    process.stdout.write(`verified ${file} ${verified.subject.digest}\n`);
  }
  write();
  return EXIT.OK;
}
