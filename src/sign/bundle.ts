/**
 * Signing into sigstore bundles: DSSE bundles (v0.3) for in-toto statements, and message-signature bundles
 * (v0.2, a hashedrekord entry in Rekor) for raw payloads such as cosign's simple-signing payload. Every
 * bundle produced is checked with @sigstore/bundle before it is handed out.
 */
import {
  assertBundle,
  bundleFromJSON,
  bundleToJSON,
  type Bundle,
  type SerializedBundle,
} from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  InternalError,
  MessageSignatureBundleBuilder,
  type BundleBuilder,
} from '@sigstore/sign';
import { ShipgateError } from '../core/errors';
import type { ShipgateSigner } from './signer';
import { sha256Hex } from './statement';
import { IN_TOTO_PAYLOAD_TYPE, IN_TOTO_STATEMENT_V1, type Statement } from './types';

const SERVICE: Record<InternalError['code'], string> = {
  TLOG_FETCH_ENTRY_ERROR: 'the transparency log (Rekor)',
  TLOG_CREATE_ENTRY_ERROR: 'the transparency log (Rekor)',
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: 'the certificate authority (Fulcio)',
  TSA_CREATE_TIMESTAMP_ERROR: 'the timestamp authority',
  IDENTITY_TOKEN_READ_ERROR: 'the ID token source',
  IDENTITY_TOKEN_PARSE_ERROR: 'the ID token source',
};

function causeText(e: unknown): string {
  const cause = (e as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? `: ${cause.message}` : '';
}

/** A SIGN error naming the sigstore service that failed; errors of shipgate's own providers pass through. */
function signFailure(e: unknown, what: string): ShipgateError {
  if (e instanceof ShipgateError) return e;
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof ShipgateError) return cause;
  if (e instanceof InternalError)
    return new ShipgateError(
      'SIGN',
      `signing ${what}: ${SERVICE[e.code]} failed: ${e.message}${causeText(e)}`,
      {
        hint: 'check the sigstore service URLs and the network; the service may also be refusing the identity',
        cause: e,
      },
    );
  return new ShipgateError('SIGN', `signing ${what} failed: ${(e as Error).message}`, { cause: e });
}

/** Serializes a bundle and checks it is one @sigstore/bundle accepts. */
function validated(bundle: Bundle, what: string): SerializedBundle {
  const json = bundleToJSON(bundle);
  try {
    assertBundle(bundleFromJSON(json));
  } catch (e) {
    throw new ShipgateError('INTERNAL', `the bundle for ${what} is invalid: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return json;
}

async function build(
  builder: BundleBuilder,
  data: Buffer,
  type: string | undefined,
  what: string,
): Promise<SerializedBundle> {
  let bundle: Bundle;
  try {
    bundle = await builder.create(type === undefined ? { data } : { data, type });
  } catch (e) {
    throw signFailure(e, what);
  }
  return validated(bundle, what);
}

function checkStatement(statement: Statement): void {
  if (statement._type !== IN_TOTO_STATEMENT_V1 || statement.subject.length === 0)
    throw new ShipgateError('SIGN', 'refusing to sign: not an in-toto v1 statement with a subject');
  for (const s of statement.subject) sha256Hex(`sha256:${s.digest.sha256 ?? ''}`);
}

/** Signs an in-toto statement into a DSSE bundle (v0.3, payloadType application/vnd.in-toto+json). */
export async function signStatement(statement: Statement, signer: ShipgateSigner): Promise<SerializedBundle> {
  checkStatement(statement);
  const builder = new DSSEBundleBuilder({ signer: signer.signer, witnesses: signer.witnesses });
  return build(
    builder,
    Buffer.from(JSON.stringify(statement)),
    IN_TOTO_PAYLOAD_TYPE,
    statement.predicateType,
  );
}

/**
 * Signs raw bytes into a message-signature bundle (v0.2, hashedrekord): the signature is over the payload
 * itself, as cosign's legacy `.sig` signatures are over the simple-signing payload.
 */
export async function signMessage(payload: Buffer, signer: ShipgateSigner): Promise<SerializedBundle> {
  const builder = new MessageSignatureBundleBuilder({ signer: signer.signer, witnesses: signer.witnesses });
  return build(builder, payload, undefined, 'the payload');
}
