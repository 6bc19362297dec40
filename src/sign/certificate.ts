/**
 * The Fulcio certificate extensions (OID arc 1.3.6.1.4.1.57264.1, fulcio docs/oid-info.md) a verifier can
 * pin. From .8 on each value is a DER UTF8String, which is decoded here so values compare as plain strings.
 */
import type { ObjectIdentifierValuePair } from '@sigstore/protobuf-specs';

/** The extensions shipgate decodes, by name. */
export const FULCIO_OIDS = {
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  sourceRepositoryId: '1.3.6.1.4.1.57264.1.15',
  sourceRepositoryOwnerUri: '1.3.6.1.4.1.57264.1.16',
  sourceRepositoryOwnerId: '1.3.6.1.4.1.57264.1.17',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
  buildConfigDigest: '1.3.6.1.4.1.57264.1.19',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
  runInvocationUri: '1.3.6.1.4.1.57264.1.21',
  sourceRepositoryVisibility: '1.3.6.1.4.1.57264.1.22',
} as const;

export type FulcioExtensionName = keyof typeof FULCIO_OIDS;
export type FulcioExtensions = Partial<Record<FulcioExtensionName, string>>;

const UTF8_STRING = 0x0c;

/** The text of a DER UTF8String (tag, length, bytes); undefined when the bytes are not exactly one. */
export function decodeUtf8String(der: Uint8Array): string | undefined {
  if (der.length < 2 || der[0] !== UTF8_STRING) return undefined;
  let length = der[1] ?? 0;
  let offset = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || der.length < 2 + bytes) return undefined;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[2 + i] ?? 0);
    offset = 2 + bytes;
  }
  if (offset + length !== der.length) return undefined;
  return Buffer.from(der.subarray(offset)).toString('utf8');
}

/** The decodable Fulcio extensions of a certificate, from the OID/value pairs @sigstore/verify reports. */
export function fulcioExtensions(oids: readonly ObjectIdentifierValuePair[] | undefined): FulcioExtensions {
  const byOid = new Map<string, Uint8Array>();
  for (const pair of oids ?? []) if (pair.oid) byOid.set(pair.oid.id.join('.'), pair.value);
  const out: FulcioExtensions = {};
  for (const [name, oid] of Object.entries(FULCIO_OIDS) as [FulcioExtensionName, string][]) {
    const raw = byOid.get(oid);
    const text = raw === undefined ? undefined : decodeUtf8String(raw);
    if (text !== undefined) out[name] = text;
  }
  return out;
}
