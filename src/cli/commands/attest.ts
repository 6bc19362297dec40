import { readFileSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { attestImage } from '../../pipeline/sign';
import { predicateTypeOf } from '../../sign/types';
import { bool, parseCommand, str } from '../args';
import { registryImage } from '../registry-image';
import { SIGNING_OPTIONS, signOptions } from '../signing-flags';

const HELP = `Usage: shipgate attest IMAGE --predicate FILE --type TYPE [options]

Signs an in-toto statement whose subject is IMAGE's manifest digest and whose predicate is FILE (JSON), and
stores the bundle next to the image like shipgate's own attestations (OCI referrers or the sha256-<hex> tag,
and cosign's .att tag), then reads it back. A tag is resolved to its digest first. The image signature and
shipgate's approval are not written this way: "shipgate sign" scans the image and attests its approval.

Options:
      --predicate FILE      the predicate, a JSON document
      --type TYPE           its predicate type: slsa, cyclonedx, vuln, or any predicate type URI
      --key FILE, --key-passphrase-env VAR, --identity-token-env VAR, --identity-token-file FILE,
      --fulcio-url URL, --rekor-url URL, --rekor-entry-type T, --tsa-url URL, --no-tlog,
      --no-legacy-signatures
                            as for "shipgate sign" (see "shipgate sign --help"); keyless by default
`;

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(
    'attest',
    argv,
    { ...SIGNING_OPTIONS, predicate: { type: 'string' }, type: { type: 'string' } },
    HELP,
  );
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image || extra !== undefined)
    throw new ShipgateError('USAGE', 'attest: give exactly one IMAGE', {
      hint: 'e.g. shipgate attest ghcr.io/acme/app@sha256:... --predicate test-report.json --type https://example.com/test/v1',
    });
  const file = str(p, 'predicate');
  const typeText = str(p, 'type');
  if (!file || !typeText) throw new ShipgateError('USAGE', 'attest: give --predicate FILE and --type TYPE');
  const predicateType = predicateTypeOf(typeText);
  if (predicateType === undefined)
    throw new ShipgateError(
      'USAGE',
      `attest: --type "${typeText}" is neither slsa, cyclonedx, vuln nor a URI`,
    );
  let predicate: unknown;
  try {
    predicate = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ShipgateError('INPUT', `attest: ${file} is not a readable JSON document`, { cause: e });
  }
  const { ref, client, digest } = await registryImage(image, 'attest', 'attesting');
  const options = signOptions(p, process.cwd());
  const out = await attestImage({ client, repository: ref.repository, digest }, predicateType, predicate, {
    signing: options.signing,
    legacy: !bool(p, 'no-legacy-signatures'),
  });
  process.stdout.write(`attested ${out.reference}\n`);
  return EXIT.OK;
}
