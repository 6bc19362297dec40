/** Policy setting values that the schema and the front doors both list (no zod here: the lint path stays light). */

/** malware.mode: whether malware scanning that could not run (no ClamAV, no signature database) blocks. */
export const MALWARE_MODES = ['required', 'optional'] as const;
export type MalwareMode = (typeof MALWARE_MODES)[number];
