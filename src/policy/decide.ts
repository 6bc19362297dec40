/**
 * The gate: turns a scan result and a policy into a Decision { approved, reasons }. Every front door
 * prints these reasons as they are, so the wording lives here and only here.
 */
import type { Finding, FindingKind } from '../core/finding';
import type { AnalyzerStatus, Decision, DecisionReason, ScanResult } from '../core/result';
import { atLeast, severityRank, type Severity } from '../core/severity';
import type { Policy } from './load';
import { isExpired } from './match';
import { checkRequiredProperties, PROPERTY_RULES } from './properties';
import { hiddenCount, hiddenMessage, type SeverityFilter } from './severity-filter';
import type { GatePart } from './schema';

export interface DecideOverrides {
  /** Replaces gate.fail-on (CLI --fail-on, action input fail-on). */
  failOn?: Severity | 'none';
  /** The current time, for ignore expiry. */
  now?: Date;
  /** Findings hidden from the result by `--severity` (they no longer count; the decision says so). */
  severityFilter?: SeverityFilter;
}

/** How many fingerprints a reason lists, and how many per-finding reasons (secrets, malware) are shown. */
const MAX_FINGERPRINTS = 20;
const MAX_ITEM_REASONS = 10;

const PART_OF: Record<FindingKind, GatePart> = {
  dockerfile: 'dockerfile',
  manifest: 'manifests',
  vulnerability: 'vulnerabilities',
  secret: 'secrets',
  config: 'config',
  malware: 'malware',
};

const NOUN: Record<'dockerfile' | 'manifest' | 'vulnerability' | 'config', [string, string]> = {
  dockerfile: ['Dockerfile finding', 'Dockerfile findings'],
  manifest: ['Kubernetes manifest finding', 'Kubernetes manifest findings'],
  vulnerability: ['vulnerability', 'vulnerabilities'],
  config: ['image configuration finding', 'image configuration findings'],
};

const SEVERITIES_DESC: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The gate part of each scanner an analyzer belongs to. */
const SCANNER_PART: Record<string, GatePart> = {
  vuln: 'vulnerabilities',
  secret: 'secrets',
  config: 'config',
  malware: 'malware',
};

/**
 * The gate fails closed: an analyzer that failed, or malware scanning that did not run, blocks unless the policy
 * says it is optional (then the reason stays, not blocking) or its part is not gated.
 */
function analyzerReasons(
  analyzers: AnalyzerStatus[],
  policy: Policy,
  parts: Set<GatePart>,
): DecisionReason[] {
  const out: DecisionReason[] = [];
  for (const a of analyzers) {
    if (a.status === 'ok') continue;
    const part = SCANNER_PART[a.scanner];
    const gated = part === undefined || parts.has(part);
    const detail = a.detail ?? 'no details';
    if (a.status === 'incomplete' && a.scanner === 'malware') {
      const optional = policy.malware.mode === 'optional';
      out.push({
        code: 'malware-not-scanned',
        blocking: gated && !optional,
        message: optional
          ? `malware scanning did not run (${detail}); malware.mode is optional`
          : `malware scanning did not run (${detail}); set up ClamAV and its signature database, or set malware.mode: optional`,
      });
      continue;
    }
    const optional = policy.analyzers[a.name] === 'optional';
    const what =
      a.status === 'failed' ? `analyzer ${a.name} ${detail}` : `analyzer ${a.name} incomplete: ${detail}`;
    out.push({
      code: 'analyzer-failed',
      blocking: gated && !optional,
      message: optional ? `${what} (optional by policy)` : what,
    });
  }
  return out;
}

/** "no secrets or malware", or what could not be checked. */
function cleanPhrase(analyzers: AnalyzerStatus[]): string {
  const notOk = (scanner: string): boolean =>
    analyzers.some((a) => a.scanner === scanner && a.status !== 'ok');
  const secrets = notOk('secret') ? 'secret scanning incomplete' : 'no secrets';
  const malware = notOk('malware') ? 'malware scanning did not run' : undefined;
  return malware ? `${secrets}, ${malware}` : `${secrets} or malware`;
}

export function decide(result: ScanResult, policy: Policy, overrides: DecideOverrides = {}): Decision {
  const now = overrides.now ?? new Date();
  const threshold = resolveThreshold(overrides.failOn ?? policy.gate['fail-on']);
  const parts = new Set<GatePart>(policy.gate.parts);
  const onlyFixable = policy.gate['only-fixable'];
  const active = result.findings.filter((f) => !f.suppressed && parts.has(PART_OF[f.kind]));
  const blocking: DecisionReason[] = [];
  const info: DecisionReason[] = [];
  for (const r of analyzerReasons(result.analyzers ?? [], policy, parts))
    (r.blocking ? blocking : info).push(r);

  blocking.push(
    ...itemReasons(
      active.filter((f) => f.kind === 'secret'),
      'secret',
    ),
  );
  blocking.push(
    ...itemReasons(
      active.filter((f) => f.kind === 'malware'),
      'malware',
    ),
  );

  // Findings behind a required-property reason are not counted again against the threshold.
  const explained = new Set<string>();
  for (const v of checkRequiredProperties(result.dockerfiles, policy, now)) {
    const behind = active
      .filter((f) => f.ruleId === PROPERTY_RULES[v.property] && f.location?.path === v.path)
      .map((f) => f.fingerprint);
    for (const fp of behind) explained.add(fp);
    blocking.push({
      code: 'required-property',
      blocking: true,
      message: `${v.path}:${v.line}: ${v.message} (${v.property})`,
      findings: behind.slice(0, MAX_FINGERPRINTS),
    });
  }

  const counted = active.filter(
    (f) =>
      f.kind !== 'secret' &&
      f.kind !== 'malware' &&
      !explained.has(f.fingerprint) &&
      !(onlyFixable && f.kind === 'vulnerability' && !f.fixable),
  );
  if (threshold) {
    for (const kind of ['vulnerability', 'dockerfile', 'manifest', 'config'] as const) {
      const over = counted.filter((f) => f.kind === kind && atLeast(f.severity, threshold));
      if (over.length === 0) continue;
      let note = '';
      if (kind === 'vulnerability') {
        const fixable = over.filter((f) => f.fixable).length;
        const excluded = onlyFixable
          ? active.filter((f) => f.kind === kind && !f.fixable && atLeast(f.severity, threshold)).length
          : 0;
        note = onlyFixable
          ? excluded > 0
            ? ` (only fixable counted; ${excluded} without a fix not counted)`
            : ''
          : ` (${fixable} fixable)`;
      }
      blocking.push({
        code: 'severity-threshold',
        blocking: true,
        severity: highest(over),
        message: `${countPhrase(over, NOUN[kind])} at or above the threshold ${threshold}${note}`,
        findings: fingerprints(over),
      });
    }
  }

  blocking.push(...exploitReasons(result, policy, active, parts));

  for (const sev of SEVERITIES_DESC) {
    const max = policy.gate.max[sev];
    if (max === undefined) continue;
    const at = counted.filter((f) => f.severity === sev);
    if (at.length > max)
      blocking.push({
        code: 'max-count',
        blocking: true,
        severity: sev,
        message: `${at.length} ${sev} finding${at.length === 1 ? '' : 's'}, more than the maximum of ${max} (gate.max.${sev})`,
        findings: fingerprints(at),
      });
  }

  for (const ig of policy.ignores)
    if (isExpired(ig.expires, now))
      info.push({
        code: 'ignore-expired',
        blocking: false,
        message: `ignore for ${ig.id} expired on ${ig.expires}`,
      });
  for (const a of policy.secrets.allow)
    if (isExpired(a.expires, now))
      info.push({
        code: 'ignore-expired',
        blocking: false,
        message: `secrets.allow for ${a.fingerprint ?? a.rule ?? 'secret'} expired on ${a.expires}`,
      });

  const hidden = overrides.severityFilter ? hiddenCount(overrides.severityFilter) : 0;
  if (overrides.severityFilter && hidden > 0)
    info.push({ code: 'severity-filter', blocking: false, message: hiddenMessage(overrides.severityFilter) });

  const approved = blocking.length === 0;
  if (approved) {
    const suppressed = result.findings.filter((f) => f.suppressed).length;
    const below = active.length;
    const what = threshold
      ? `nothing at or above the threshold ${threshold}`
      : 'no severity threshold (fail-on none)';
    const extra = [
      below ? `${below} finding${below === 1 ? '' : 's'} below it` : '',
      suppressed ? `${suppressed} suppressed` : '',
      hidden ? `${hidden} hidden by severity` : '',
    ].filter(Boolean);
    info.unshift({
      code: 'ok',
      blocking: false,
      message: `approved: ${what}, ${cleanPhrase(result.analyzers ?? [])}${extra.length ? ` (${extra.join(', ')})` : ''}`,
    });
  }
  return { approved, reasons: [...blocking, ...info], policy: policy.source };
}

/**
 * `vulnerabilities.kev: block` and `epss-above`: exploited or likely exploited vulnerabilities block whatever
 * their severity or fixability. Fails closed: when the image's vulnerabilities were matched but the data the
 * rule needs is missing, that blocks too.
 */
function exploitReasons(
  result: ScanResult,
  policy: Policy,
  active: Finding[],
  parts: Set<GatePart>,
): DecisionReason[] {
  const v = policy.vulnerabilities;
  const matched = result.image !== undefined && (result.parts?.includes('vulnerability') ?? true);
  if (!parts.has('vulnerabilities') || !matched) return [];
  const vulns = active.filter((f) => f.kind === 'vulnerability');
  const out: DecisionReason[] = [];
  const missing = (source: 'epss' | 'kev', rule: string): DecisionReason => {
    const why = result.exploitData?.errors[source] ?? 'it was not loaded';
    const name = source === 'kev' ? "CISA's KEV catalogue" : 'the EPSS scores';
    return {
      code: 'exploit-data-missing',
      blocking: true,
      message: `${name} could not be loaded (${why}), so ${rule} cannot be checked`,
    };
  };
  if (v.kev === 'block') {
    if (!result.exploitData?.kev) out.push(missing('kev', 'vulnerabilities.kev: block'));
    else {
      const hit = vulns.filter((f) => f.vulnerability?.kev);
      if (hit.length)
        out.push({
          code: 'kev',
          blocking: true,
          severity: highest(hit),
          message: `${hit.length} ${hit.length === 1 ? 'vulnerability is' : 'vulnerabilities are'} in CISA's Known Exploited Vulnerabilities catalogue: ${idList(hit)} (vulnerabilities.kev: block)`,
          findings: fingerprints(hit),
        });
    }
  }
  const above = v['epss-above'];
  if (above !== undefined) {
    if (!result.exploitData?.epss) out.push(missing('epss', `vulnerabilities.epss-above: ${above}`));
    else {
      const hit = vulns.filter((f) => (f.vulnerability?.epss?.score ?? -1) > above);
      if (hit.length)
        out.push({
          code: 'epss',
          blocking: true,
          severity: highest(hit),
          message: `${hit.length} ${hit.length === 1 ? 'vulnerability has' : 'vulnerabilities have'} an EPSS score above ${above}: ${idList(hit, (f) => ` ${f.vulnerability!.epss!.score}`)} (vulnerabilities.epss-above)`,
          findings: fingerprints(hit),
        });
    }
  }
  return out;
}

/** "CVE-2021-44228 (log4j-core), ..." for the first few findings. */
function idList(findings: Finding[], extra: (f: Finding) => string = () => ''): string {
  const shown = findings
    .slice(0, 5)
    .map((f) => `${f.ruleId}${extra(f)} (${f.vulnerability?.packageName ?? 'package'})`);
  return findings.length > 5 ? `${shown.join(', ')} and ${findings.length - 5} more` : shown.join(', ');
}

function resolveThreshold(v: Severity | 'none'): Severity | undefined {
  return v === 'none' ? undefined : v;
}

function itemReasons(findings: Finding[], code: 'secret' | 'malware'): DecisionReason[] {
  const shown = findings.slice(0, MAX_ITEM_REASONS).map<DecisionReason>((f) => ({
    code,
    blocking: true,
    severity: f.severity,
    message: `${code} found: ${f.ruleId} ${where(f)}`,
    findings: [f.fingerprint],
  }));
  const rest = findings.slice(MAX_ITEM_REASONS);
  if (rest.length)
    shown.push({
      code,
      blocking: true,
      severity: highest(rest),
      message: `and ${rest.length} more ${code === 'secret' ? 'secrets' : 'malware findings'}`,
      findings: fingerprints(rest),
    });
  return shown;
}

/** "in layer 4 (/app/.env)", "at src/config.ts:12", "in the image". */
function where(f: Finding): string {
  const i = f.image;
  if (i && (i.layerIndex !== undefined || i.path)) {
    const layer = i.layerIndex !== undefined ? `in layer ${i.layerIndex}` : 'in the image';
    const deleted = i.deleted ? ', deleted in a later layer' : '';
    return i.path ? `${layer} (${i.path}${deleted})` : layer;
  }
  if (f.location) return `at ${f.location.path}:${f.location.startLine}`;
  return 'in the image';
}

/** "2 critical and 5 high vulnerabilities", "1 high Dockerfile finding". */
function countPhrase(findings: Finding[], [one, many]: [string, string]): string {
  const parts: string[] = [];
  for (const s of SEVERITIES_DESC) {
    const n = findings.filter((f) => f.severity === s).length;
    if (n) parts.push(`${n} ${s}`);
  }
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '0');
  return `${list} ${findings.length === 1 ? one : many}`;
}

function highest(findings: Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (!best || severityRank(f.severity) > severityRank(best)) best = f.severity;
  return best;
}

function fingerprints(findings: Finding[]): string[] {
  return findings.slice(0, MAX_FINGERPRINTS).map((f) => f.fingerprint);
}
