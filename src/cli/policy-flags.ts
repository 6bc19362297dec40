/** The gating commands' (lint, scan) --fail-on, as the pipeline takes it. */
import { parseSeverity, type Severity } from '../core/severity';
import { str, type Parsed } from './args';

/** --fail-on as the pipeline takes it ("none" disables the threshold); undefined keeps the policy's. */
export function failOnFlag(p: Parsed): Severity | 'none' | undefined {
  const text = str(p, 'fail-on');
  return text === undefined ? undefined : (parseSeverity(text, '--fail-on') ?? 'none');
}
