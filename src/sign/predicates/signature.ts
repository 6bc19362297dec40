/**
 * The image signature as cosign v3 writes it (`cosign sign` with the bundle format): a DSSE-signed
 * statement about the manifest digest whose predicate is empty; the statement's subject is what is signed.
 */
export type SignaturePredicate = Record<string, never>;

export function signaturePredicate(): SignaturePredicate {
  return {};
}
