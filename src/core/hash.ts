import { hash } from 'node:crypto';

/** Short, stable hex digest of the given parts (for fingerprints and ids, not security). */
export function stableHash(...parts: (string | number | undefined)[]): string {
  let text = '';
  for (const p of parts) text += `${p ?? ''}\u0000`;
  // The one-shot hash: a Hash object per call cost more than the hashing for thousands of findings.
  return hash('sha256', text, 'hex').slice(0, 32);
}

export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}
