/** The policy flags of the gating commands (lint, scan): which policy file, and a threshold override. */
import { parseSeverity, type Severity } from '../core/severity';
import { str, type Parsed } from './args';

export const POLICY_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'fail-on': { type: 'string' },
} as const;

/** --fail-on as the pipeline takes it ("none" disables the threshold); undefined keeps the policy's. */
export function failOnFlag(p: Parsed): Severity | 'none' | undefined {
  const text = str(p, 'fail-on');
  return text === undefined ? undefined : (parseSeverity(text, '--fail-on') ?? 'none');
}
