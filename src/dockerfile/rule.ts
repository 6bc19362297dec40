import type { RuleMeta } from '../core/finding';
import type { Severity } from '../core/severity';
import type { DockerfileLintOptions } from './options';
import type { Instruction, ParsedDockerfile, Span } from './types';

export interface Report {
  /** The instruction the finding belongs to (its stage and text give the fingerprint; its comments the pragmas). */
  at: Instruction;
  /** The exact range; defaults to the instruction. */
  span?: Span;
  message: string;
  /** A short fix for this occurrence; defaults to the rule's hint. */
  fix?: string;
  /** Distinguishes several findings of one rule on one instruction (e.g. the offending word). */
  key?: string;
  /** Overrides the rule's severity for this occurrence. */
  severity?: Severity;
  properties?: Record<string, unknown>;
}

interface RuleContext {
  df: ParsedDockerfile;
  options: DockerfileLintOptions;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** One-line fix used when a report gives none. */
  hint: string;
  check(ctx: RuleContext): void;
}

export type RuleDefinition = Omit<RuleMeta, 'kind'> & { hint: string; check: (ctx: RuleContext) => void };

export function defineRule(def: RuleDefinition): Rule {
  const { hint, check, ...meta } = def;
  return { meta: { kind: 'dockerfile', ...meta }, hint, check };
}
