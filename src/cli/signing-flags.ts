/**
 * The signing flags of `scan --sign`, `push --sign`, `sign`, `attest` and `sign-blob`, mapped onto the signing
 * options. The signer flags (key or keyless, sigstore services) are common to all; attestations, legacy tags
 * and provenance are about images.
 */
import { ShipgateError } from '../core/errors';
import { DEFAULT_ATTESTATIONS, type SignOptions } from '../pipeline/sign';
import type { PredicateName, SigningConfig } from '../sign/index';
import { bool, list, oneOf, str, type Parsed } from './args';

export const SIGNER_OPTIONS = {
  key: { type: 'string' },
  'key-passphrase-env': { type: 'string' },
  'identity-token-env': { type: 'string' },
  'identity-token-file': { type: 'string' },
  'fulcio-url': { type: 'string' },
  'rekor-url': { type: 'string' },
  'rekor-entry-type': { type: 'string' },
  'tsa-url': { type: 'string' },
  'no-tlog': { type: 'boolean' },
} as const;

export const SIGNING_OPTIONS = {
  attest: { type: 'string', multiple: true },
  ...SIGNER_OPTIONS,
  'no-legacy-signatures': { type: 'boolean' },
  'local-provenance': { type: 'boolean' },
} as const;

export const SIGNER_HELP = `      --key FILE            sign with this PEM private key (PKCS#8, optionally encrypted) instead of keyless
      --key-passphrase-env VAR
                            the environment variable holding the key's passphrase
      --identity-token-env VAR, --identity-token-file FILE
                            keyless: the OIDC token to sign with (default: the CI job's: GitHub Actions with
                            id-token: write, or GitLab id_tokens SIGSTORE_ID_TOKEN with aud sigstore)
      --fulcio-url URL, --rekor-url URL
                            private sigstore (default the public-good instance)
      --rekor-entry-type T  dsse (default) or intoto
      --tsa-url URL         also get an RFC 3161 timestamp from this authority
      --no-tlog             no transparency log entry (key-based air-gapped signing, or --tsa-url only)`;

export const SIGNING_HELP = `Signing (sigstore; see docs/signing.md):
      --attest LIST         attestations besides the signature: slsa, cyclonedx, vuln, approval (default
                            all four), or none
${SIGNER_HELP}
      --no-legacy-signatures
                            do not also write cosign's sha256-<hex>.sig/.att tags (which Kyverno's and
                            policy-controller's defaults read); the sigstore bundles are always attached
      --local-provenance    allow a SLSA provenance outside CI (it then names no CI run)`;

function attestations(p: Parsed): PredicateName[] {
  const names = list(p, 'attest');
  if (names.length === 0) return [...DEFAULT_ATTESTATIONS];
  if (names.length === 1 && names[0] === 'none') return [];
  for (const n of names)
    if (!(DEFAULT_ATTESTATIONS as readonly string[]).includes(n))
      throw new ShipgateError('USAGE', `--attest: unknown attestation "${n}"`, {
        hint: `use a comma list of ${DEFAULT_ATTESTATIONS.join(', ')}, or none`,
      });
  return names as PredicateName[];
}

/** The signer configuration the flags ask for. */
export function signingConfig(p: Parsed): SigningConfig {
  const config: SigningConfig = {};
  const key = str(p, 'key');
  if (key !== undefined) config.key = key;
  const passphrase = str(p, 'key-passphrase-env');
  if (passphrase !== undefined) config.keyPassphraseEnv = passphrase;
  const tokenEnv = str(p, 'identity-token-env');
  const tokenFile = str(p, 'identity-token-file');
  if (tokenEnv !== undefined && tokenFile !== undefined)
    throw new ShipgateError('USAGE', '--identity-token-env and --identity-token-file exclude each other');
  if (tokenEnv !== undefined) config.identityToken = { kind: 'env', name: tokenEnv };
  if (tokenFile !== undefined) config.identityToken = { kind: 'file', path: tokenFile };
  for (const [flag, field] of [
    ['fulcio-url', 'fulcioUrl'],
    ['rekor-url', 'rekorUrl'],
    ['tsa-url', 'tsaUrl'],
  ] as const) {
    const v = str(p, flag);
    if (v !== undefined) config[field] = v;
  }
  if (str(p, 'rekor-entry-type') !== undefined)
    config.rekorEntryType = oneOf(p, 'rekor-entry-type', ['dsse', 'intoto'] as const, 'dsse');
  if (bool(p, 'no-tlog')) config.tlog = false;
  return config;
}

/** Everything signing needs from the flags. */
export function signOptions(p: Parsed, repoRoot: string, force = false): SignOptions {
  return {
    signing: signingConfig(p),
    attestations: attestations(p),
    legacy: !bool(p, 'no-legacy-signatures'),
    ...(bool(p, 'local-provenance') ? { localProvenance: true } : {}),
    ...(force ? { force: true } : {}),
    repoRoot,
  };
}
