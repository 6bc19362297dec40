/**
 * Signers and witnesses from serializable configuration (the CLI flags `--key`, `--key-passphrase-env`,
 * `--identity-token-env`, `--identity-token-file`, `--fulcio-url`, `--rekor-url`, `--tsa-url`, `--no-tlog`).
 * Keyless: an ephemeral key certified by Fulcio for the job's OIDC identity. Key-based: the user's key,
 * named in bundles by its hint.
 */
import { FulcioSigner, RekorWitness, TSAWitness, type Signer, type Witness } from '@sigstore/sign';
import { ShipgateError } from '../core/errors';
import { identityProvider, type IdentityTokenSource } from './identity-token';
import { readSigningKey, type SigningKey } from './keys';

export const PUBLIC_GOOD = {
  fulcio: 'https://fulcio.sigstore.dev',
  rekor: 'https://rekor.sigstore.dev',
} as const;

/** How to sign; every field maps to one CLI flag or action input. */
export interface SigningConfig {
  /** `--key FILE`: sign with this PEM private key instead of keyless. */
  key?: string;
  /** `--key-passphrase-env NAME`: the variable holding the passphrase of an encrypted key. */
  keyPassphraseEnv?: string;
  /** Where a keyless signature's ID token comes from (default: the CI job's). */
  identityToken?: IdentityTokenSource;
  /** `--fulcio-url` (default public-good). */
  fulcioUrl?: string;
  /** `--rekor-url` (default public-good). */
  rekorUrl?: string;
  /** `--tsa-url`: also get an RFC 3161 timestamp from this authority. */
  tsaUrl?: string;
  /** `--no-tlog` sets false: no transparency log entry (key-based air-gapped signing, or TSA only). */
  tlog?: boolean;
  /**
   * The Rekor v1 entry kind for DSSE bundles: `dsse` (what cosign and sigstore-js write, default) or
   * `intoto` (older Rekor deployments, and the @sigstore/mock log used by the tests).
   */
  rekorEntryType?: 'dsse' | 'intoto';
  /** Per-request timeout in milliseconds for Fulcio, Rekor and the TSA. */
  timeoutMs?: number;
}

export interface ShipgateSigner {
  kind: 'keyless' | 'key';
  signer: Signer;
  witnesses: Witness[];
  /** Key-based: the SPKI PEM public key and its hint, for verifiers. */
  publicKey?: { pem: string; hint: string };
}

function url(flag: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new ShipgateError('USAGE', `${flag}: "${value}" is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new ShipgateError('USAGE', `${flag}: "${value}" must be http(s)`);
  return value.replace(/\/+$/, '');
}

/** The key-based signer: `{ $case: 'publicKey', hint }` makes a v0.3 bundle naming the key by its hint. */
export function keySigner(key: SigningKey): Signer {
  return {
    sign: (data) =>
      Promise.resolve({
        signature: key.sign(data),
        key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint },
      }),
  };
}

/** The witnesses of the configuration: Rekor unless `tlog: false`, and the TSA when a URL is given. */
function witnesses(config: SigningConfig): Witness[] {
  const fetchOptions = config.timeoutMs === undefined ? {} : { timeout: config.timeoutMs };
  const out: Witness[] = [];
  if (config.tlog !== false)
    out.push(
      new RekorWitness({
        rekorBaseURL: url('--rekor-url', config.rekorUrl ?? PUBLIC_GOOD.rekor),
        entryType: config.rekorEntryType ?? 'dsse',
        fetchOnConflict: true,
        ...fetchOptions,
      }),
    );
  if (config.tsaUrl !== undefined)
    out.push(new TSAWitness({ tsaBaseURL: url('--tsa-url', config.tsaUrl), ...fetchOptions }));
  return out;
}

/** The signer and witnesses a configuration asks for; a USAGE or SIGN error when it cannot work. */
export async function createSigner(
  config: SigningConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ShipgateSigner> {
  const ws = witnesses(config);
  if (config.key !== undefined) {
    if (config.identityToken && config.identityToken.kind !== 'auto')
      throw new ShipgateError('USAGE', '--key and an identity token exclude each other', {
        hint: 'sign either with a key or keyless',
      });
    const key = await readSigningKey(config.key, config.keyPassphraseEnv, env);
    return {
      kind: 'key',
      signer: keySigner(key),
      witnesses: ws,
      publicKey: { pem: key.publicKeyPem, hint: key.hint },
    };
  }
  if (ws.length === 0)
    throw new ShipgateError('USAGE', 'keyless signing needs a transparency log or a timestamp authority', {
      hint: 'a keyless certificate is valid for minutes: drop --no-tlog or pass --tsa-url',
    });
  const signer = new FulcioSigner({
    identityProvider: identityProvider(config.identityToken ?? { kind: 'auto' }, env),
    fulcioBaseURL: url('--fulcio-url', config.fulcioUrl ?? PUBLIC_GOOD.fulcio),
    ...(config.timeoutMs === undefined ? {} : { timeout: config.timeoutMs }),
  });
  return { kind: 'keyless', signer, witnesses: ws };
}
