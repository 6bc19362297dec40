/**
 * The signing flags of `scan --sign`, `push --sign`, `sign`, `attest` and `sign-blob`, mapped onto the signing
 * options. The signer flags (key or keyless, sigstore services) are common to all; attestations, legacy tags
 * and provenance are about images.
 */
import { ShipgateError } from '../core/errors';
import { DEFAULT_ATTESTATIONS, type SignOptions } from '../pipeline/sign';
import type { PredicateName, SigningConfig } from '../sign/index';
import { bool, list, oneOf, str, type Parsed } from './args';
import { helpSection, tableSpec } from './option-table';

/** The signing flags, the same for every command that signs (push and attest take them as they are). */
export const SIGNING_OPTIONS = tableSpec('push', 'Signing');

export const SIGNING_HELP = `Signing (sigstore; see docs/signing.md):
${helpSection('push', 'Signing')}`;

/** The flags that choose the signer and the signing services (signing files takes only these). */
export const SIGNER_OPTIONS = tableSpec('sign-blob', 'Signing');

export const SIGNER_HELP = helpSection('sign-blob', 'Signing');

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
