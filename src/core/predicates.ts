/**
 * shipgate's own in-toto predicate type, shared by the signer that writes it and the admission policies that
 * require it (schemas/approval-v1.schema.json documents the predicate).
 */
export const APPROVAL_PREDICATE_TYPE = 'https://shipgate.dev/attestation/approval/v1';
