import { readFileSync } from 'node:fs';
import { mapConcurrent } from '../../core/concurrency';
import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { BUNDLE_SUFFIX, createSigner, signFile, slsaProvenance } from '../../sign/api';
import { PREDICATE, predicateTypeOf } from '../../sign/types';
import { bool, parseCommand, str } from '../args';
import { SIGNER_HELP, SIGNER_OPTIONS, signingConfig } from '../signing-flags';

const HELP = `Usage: shipgate sign-blob FILE... [options]

Signs an in-toto statement about each FILE (its name and sha256) into a sigstore bundle (v0.3, DSSE) and
writes it next to the file as FILE${BUNDLE_SUFFIX}, printing each bundle's path. The predicate is the SLSA
provenance v1 of the CI run (GitHub Actions or GitLab CI); the bundles verify with "shipgate verify-blob",
"cosign verify-blob-attestation --bundle" and "gh attestation verify --bundle". Keyless by default.

Options:
      --bundle FILE         where to write the bundle (one FILE only; default FILE${BUNDLE_SUFFIX})
      --local-provenance    allow a provenance outside CI (it then names no CI run, only this machine)
      --predicate FILE      sign this predicate (JSON) instead of the provenance, with --type
      --type TYPE           its predicate type: slsa, cyclonedx, vuln, or any predicate type URI

Signing (sigstore; see docs/signing.md):
${SIGNER_HELP}
`;

const OPTIONS = {
  ...SIGNER_OPTIONS,
  bundle: { type: 'string' },
  'local-provenance': { type: 'boolean' },
  predicate: { type: 'string' },
  type: { type: 'string' },
} as const;

/** Signatures requested from the signing services at once, as for an image's attestations. */
const SIGNING_CONCURRENCY = 4;

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', `sign-blob: ${message}`, hint === undefined ? {} : { hint });
}

/** The predicate type and predicate the flags ask for: a given JSON document, or the CI run's provenance. */
function predicateOf(
  predicateFile: string | undefined,
  typeText: string | undefined,
  local: boolean,
): { type: string; predicate: unknown } {
  if (predicateFile === undefined && typeText === undefined)
    return { type: PREDICATE.slsa, predicate: slsaProvenance({ local }) };
  if (predicateFile === undefined || typeText === undefined)
    throw usage('--predicate and --type go together');
  const type = predicateTypeOf(typeText);
  if (type === undefined || type === PREDICATE.approval || type === PREDICATE.signature)
    throw usage(
      `--type "${typeText}" is neither slsa, cyclonedx, vuln nor a URI of your own`,
      "shipgate's approval is written only by a scan of an image",
    );
  try {
    return { type, predicate: JSON.parse(readFileSync(predicateFile, 'utf8')) };
  } catch (e) {
    throw new ShipgateError('INPUT', `sign-blob: ${predicateFile} is not a readable JSON document`, {
      cause: e,
    });
  }
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand('sign-blob', argv, OPTIONS, HELP);
  if (!p) return EXIT.OK;
  const files = p.positionals;
  if (files.length === 0) throw usage('give at least one FILE', 'e.g. shipgate sign-blob dist/app.tgz');
  if (new Set(files).size !== files.length) throw usage('a FILE is given twice');
  const bundle = str(p, 'bundle');
  if (bundle !== undefined && files.length > 1)
    throw usage('--bundle names the bundle of one FILE', `without it each goes to FILE${BUNDLE_SUFFIX}`);
  const { type, predicate } = predicateOf(str(p, 'predicate'), str(p, 'type'), bool(p, 'local-provenance'));
  const signer = await createSigner(signingConfig(p));
  const log = logger();
  log.info(
    `signing ${files.length} file${files.length === 1 ? '' : 's'} (${signer.kind === 'key' ? `key ${signer.publicKey?.hint ?? ''}` : 'keyless'}): ${type}`,
  );
  const signed = await mapConcurrent(files, SIGNING_CONCURRENCY, (file) =>
    signFile(file, bundle ?? `${file}${BUNDLE_SUFFIX}`, type, predicate, signer),
  );
  for (const s of signed) {
    log.info(`${s.subject.name} ${s.subject.digest}: ${s.bundlePath}`);
    process.stdout.write(`${s.bundlePath}\n`);
  }
  return EXIT.OK;
}
