/**
 * Rule matching. Patterns are anchored and case-sensitive: `*` matches within one `/`-separated segment,
 * `**` across segments, every other character is literal (a ref pattern `refs/heads/release/*` never
 * matches `refs/heads/release/1/evil` or `xrefs/heads/release/1`).
 */
import type { Action, ClaimName, Rule } from './config';

const compiled = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const source = pattern
      .split('**')
      .map((part) =>
        part
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
          .join('[^/]*'),
      )
      .join('.*');
    re = new RegExp(`^${source}$`);
    compiled.set(pattern, re);
  }
  return re;
}

export function patternMatch(pattern: string, value: string): boolean {
  return regex(pattern).test(value);
}

/** A claim as a string to match, or undefined when absent or not a scalar. */
function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The first claim of the rule the token does not satisfy, as a phrase; undefined when all match. */
export function claimMismatch(rule: Rule, claims: Record<string, unknown>): string | undefined {
  for (const [name, patterns] of Object.entries(rule.claims) as [ClaimName, string[]][]) {
    const value = claimText(claims[name]);
    if (value === undefined) return `${name} is missing`;
    if (!patterns.some((p) => patternMatch(p, value)))
      return `${name} is ${JSON.stringify(value.slice(0, 200))}`;
  }
  return undefined;
}

export interface RuleVerdict {
  /** What the matching rules allow on the repository. */
  actions: Set<Action>;
  /** Names of the rules that matched. */
  matched: string[];
  /** For rules of this issuer and repository that did not match: "rule: why". */
  missed: string[];
}

/** What the rules grant a verified token of `issuer` on `repository`. */
export function evaluateRules(
  rules: readonly Rule[],
  issuer: string,
  claims: Record<string, unknown>,
  repository: string,
): RuleVerdict {
  const verdict: RuleVerdict = { actions: new Set(), matched: [], missed: [] };
  for (const rule of rules) {
    if (rule.issuer !== issuer || !rule.repositories.some((p) => patternMatch(p, repository))) continue;
    const miss = claimMismatch(rule, claims);
    if (miss) {
      verdict.missed.push(`${rule.name}: ${miss}`);
      continue;
    }
    verdict.matched.push(rule.name);
    for (const a of rule.actions) verdict.actions.add(a);
  }
  return verdict;
}
