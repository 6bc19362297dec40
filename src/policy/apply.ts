/**
 * Applies the policy to findings: rule switches and severity overrides, then ignores, secret allowances
 * and ignore-unfixed become `suppressed: { kind: 'policy' }`. Nothing is removed except findings of
 * disabled rules, so reports can still show what the policy accepted.
 */
import type { Finding } from '../core/finding';
import { severityRank } from '../core/severity';
import type { Policy } from './load';
import { globMatch } from '../core/glob';
import { daysUntil, findingIds, ignoreMatches, isExpired, secretAllowMatches } from './match';
import { requiredPropertyRules } from './properties';

/** Ignores that expire within this many days produce a warning. */
export const EXPIRY_WARNING_DAYS = 14;

export interface PolicyApplication {
  findings: Finding[];
  /** Problems with the policy itself: expired or soon-expiring ignores, ignores that match nothing. */
  warnings: string[];
}

export function applyPolicy(
  findings: readonly Finding[],
  policy: Policy,
  now: Date = new Date(),
): PolicyApplication {
  const warnings: string[] = [];
  const out: Finding[] = [];
  const used = new Set<number>();
  const usedAllow = new Set<number>();
  const secretIgnoreWarned = new Set<number>();
  const escalate = requiredPropertyRules(policy);

  for (const original of findings) {
    const override = policy.rules[original.ruleId];
    if (override?.enabled === false) continue;
    let f: Finding = original;
    const requiredBy = escalate.get(f.ruleId);
    if (override?.severity && override.severity !== f.severity) {
      f = {
        ...f,
        severity: override.severity,
        properties: { ...f.properties, originalSeverity: f.severity },
      };
    } else if (!override?.severity && requiredBy && severityRank(f.severity) < severityRank('high')) {
      // A required property makes its rule's findings at least high, so every report shows them as errors.
      f = {
        ...f,
        severity: 'high',
        properties: { ...f.properties, originalSeverity: f.severity, requiredBy },
      };
    }
    if (!f.suppressed) f = suppress(f, policy, now, used, usedAllow, secretIgnoreWarned, warnings);
    out.push(f);
  }

  policy.ignores.forEach((ig, i) => {
    if (isExpired(ig.expires, now)) {
      warnings.push(`ignore for ${ig.id} expired on ${ig.expires} and no longer applies (${ig.reason})`);
      return;
    }
    if (ig.expires) {
      const days = daysUntil(ig.expires, now);
      if (days <= EXPIRY_WARNING_DAYS)
        warnings.push(
          `ignore for ${ig.id} expires on ${ig.expires} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`})`,
        );
    }
    if (!used.has(i) && !secretIgnoreWarned.has(i)) warnings.push(`ignore for ${ig.id} matched no finding`);
  });
  policy.secrets.allow.forEach((a, i) => {
    const what = a.fingerprint ? `secret ${a.fingerprint}` : `secret rule ${a.rule ?? ''}`;
    if (isExpired(a.expires, now))
      warnings.push(`allowance for ${what} expired on ${a.expires} and no longer applies`);
    else if (!usedAllow.has(i)) warnings.push(`allowance for ${what} matched no finding`);
  });
  return { findings: out, warnings };
}

function suppress(
  f: Finding,
  policy: Policy,
  now: Date,
  used: Set<number>,
  usedAllow: Set<number>,
  secretIgnoreWarned: Set<number>,
  warnings: string[],
): Finding {
  if (f.kind === 'secret') {
    // Secrets pass only through secrets.allow, never through a generic ignore.
    const i = policy.secrets.allow.findIndex((a) => !isExpired(a.expires, now) && secretAllowMatches(a, f));
    const a = policy.secrets.allow[i];
    if (a) {
      usedAllow.add(i);
      return withSuppression(f, a.reason, a.expires);
    }
    policy.ignores.forEach((ig, j) => {
      if (!secretIgnoreWarned.has(j) && findingIds(f).some((id) => globMatch(ig.id, id))) {
        secretIgnoreWarned.add(j);
        warnings.push(
          `ignore for ${ig.id} does not apply to secrets; list the secret under secrets.allow instead`,
        );
      }
    });
    return f;
  }
  const i = policy.ignores.findIndex((ig) => !isExpired(ig.expires, now) && ignoreMatches(ig, f));
  const ig = policy.ignores[i];
  if (ig) {
    used.add(i);
    return withSuppression(f, ig.reason, ig.expires);
  }
  if (
    f.kind === 'vulnerability' &&
    policy.vulnerabilities['ignore-unfixed'] &&
    f.vulnerability &&
    (f.vulnerability.fixState === 'unfixed' || f.vulnerability.fixState === 'wont-fix')
  ) {
    return withSuppression(f, 'no fix available (vulnerabilities.ignore-unfixed)');
  }
  return f;
}

function withSuppression(f: Finding, reason: string, expires?: string): Finding {
  return { ...f, suppressed: expires ? { kind: 'policy', reason, expires } : { kind: 'policy', reason } };
}
