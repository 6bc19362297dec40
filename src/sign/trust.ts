/**
 * What verification trusts: a sigstore trusted root (the public-good one through TUF, or a trusted root JSON
 * file for a private sigstore) and, for key-based bundles, the user's public keys.
 */
import { readFile } from 'node:fs/promises';
import { shipgateCacheDir } from '../core/cache-dir';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { getTrustedRoot } from '@sigstore/tuf';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import type { KeyObject } from 'node:crypto';
import { ShipgateError } from '../core/errors';
import { parsePublicKey } from './keys';

const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

/** Serializable from the CLI flags `--trusted-root FILE`, `--public-key FILE` and `--tuf-mirror-url`. */
export interface TrustConfig {
  /** A trusted root JSON file (private sigstore, tests); default: the public-good root through TUF. */
  trustedRoot?: string;
  /** PEM public key files trusted for key-based bundles. */
  publicKeys?: string[];
  /** Trust only the public keys, with no sigstore root (air-gapped key-based bundles without tlog or TSA). */
  keysOnly?: boolean;
  tufMirrorUrl?: string;
  /** Where TUF metadata is cached (default: shipgate's cache directory, `sigstore-tuf`). */
  tufCacheDir?: string;
}

export interface LoadedTrust {
  material: TrustMaterial;
  /** Hints of the trusted public keys. */
  keyHints: string[];
  /** Where the root came from, for the report: a file path, the TUF mirror, or `keys only`. */
  source: string;
}

/** shipgate's cache directory for sigstore's TUF metadata. */
export function tufCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return shipgateCacheDir('sigstore-tuf', env);
}

const EMPTY_ROOT: TrustedRoot = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
};

async function readText(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new ShipgateError(
      'INPUT',
      `${flag}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

/** Parses a trusted root JSON document (the format of sigstore's trusted_root.json). */
export function parseTrustedRoot(text: string, where: string): TrustedRoot {
  try {
    const root = TrustedRoot.fromJSON(JSON.parse(text));
    if (!root.mediaType.startsWith('application/vnd.dev.sigstore.trustedroot'))
      throw new Error('no trusted root mediaType');
    return root;
  } catch (e) {
    throw new ShipgateError('INPUT', `${where} is not a sigstore trusted root: ${(e as Error).message}`, {
      hint: 'give a trusted_root.json as sigstore publishes it (for example from "cosign trusted-root create")',
    });
  }
}

async function publicGoodRoot(config: TrustConfig, env: NodeJS.ProcessEnv): Promise<TrustedRoot> {
  const mirrorURL = config.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
  try {
    return await getTrustedRoot({ mirrorURL, cachePath: config.tufCacheDir ?? tufCacheDir(env) });
  } catch (e) {
    throw new ShipgateError(
      'NETWORK',
      `cannot update the sigstore trusted root from ${mirrorURL}: ${(e as Error).message}`,
      {
        hint: 'the public-good root is fetched over the network (TUF); offline, pass --trusted-root FILE',
        cause: e,
      },
    );
  }
}

/** Loads the trust material the configuration names. */
export async function loadTrustMaterial(
  config: TrustConfig = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedTrust> {
  const keys = new Map<string, KeyObject>();
  for (const path of config.publicKeys ?? []) {
    const { key, hint } = parsePublicKey(await readText(path, '--public-key'), path);
    keys.set(hint, key);
  }
  if (config.keysOnly && keys.size === 0)
    throw new ShipgateError('USAGE', 'trusting keys only needs at least one --public-key');
  let root: TrustedRoot;
  let source: string;
  if (config.keysOnly) {
    root = EMPTY_ROOT;
    source = 'keys only';
  } else if (config.trustedRoot !== undefined) {
    root = parseTrustedRoot(await readText(config.trustedRoot, '--trusted-root'), config.trustedRoot);
    source = config.trustedRoot;
  } else {
    root = await publicGoodRoot(config, env);
    source = config.tufMirrorUrl ?? PUBLIC_GOOD_TUF_MIRROR;
  }
  const material = toTrustMaterial(root, (hint) => {
    const key = keys.get(hint);
    if (!key)
      throw new ShipgateError('VERIFY', `the bundle is signed by key ${hint}, which is not a trusted key`, {
        hint: "pass the signer's public key with --public-key",
      });
    return { publicKey: key, validFor: () => true };
  });
  return { material, keyHints: [...keys.keys()], source };
}
