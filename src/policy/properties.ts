/**
 * Required Dockerfile properties (the `dockerfile:` section of shipgate.yaml), checked on the scanned
 * Dockerfiles' structure. They block whatever the severity of the matching lint rule, and can only be
 * waived in shipgate.yaml (an ignore with the property name as id), not by an inline pragma.
 */
import type { DockerfileTarget } from '../core/result';
import { parseImageRef } from '../dockerfile/image-ref';
import { familiarName } from '../oci/ref';
import type { Policy } from './load';
import { globMatch } from '../core/glob';
import { isExpired } from './match';

export type RequiredProperty =
  | 'require-non-root'
  | 'require-multistage'
  | 'require-digest-pinned-base'
  | 'minimal-base'
  | 'allowed-registries';

/** The lint rule that reports each property; a required property raises that rule's findings to `high`. */
export const PROPERTY_RULES: Record<RequiredProperty, string> = {
  'require-non-root': 'SG-DF-001',
  'require-multistage': 'SG-DF-002',
  'require-digest-pinned-base': 'SG-DF-004',
  'minimal-base': 'SG-DF-003',
  'allowed-registries': 'SG-DF-053',
};

/** The rule ids whose findings a policy escalates, with the property that asks for it. */
export function requiredPropertyRules(policy: Policy): Map<string, RequiredProperty> {
  const d = policy.dockerfile;
  const on: Record<RequiredProperty, boolean> = {
    'require-non-root': d['require-non-root'],
    'require-multistage': d['require-multistage'],
    'require-digest-pinned-base': d['require-digest-pinned-base'],
    'minimal-base': d['minimal-base'] !== undefined,
    'allowed-registries': d['allowed-registries'] !== undefined,
  };
  const out = new Map<string, RequiredProperty>();
  for (const [prop, rule] of Object.entries(PROPERTY_RULES) as [RequiredProperty, string][])
    if (on[prop]) out.set(rule, prop);
  return out;
}

export interface PropertyViolation {
  property: RequiredProperty;
  path: string;
  line: number;
  /** "final stage runs as root" — the reason message appends the property name. */
  message: string;
}

export function checkRequiredProperties(
  targets: readonly DockerfileTarget[],
  policy: Policy,
  now: Date,
): PropertyViolation[] {
  const out: PropertyViolation[] = [];
  for (const t of targets) for (const v of checkOne(t, policy)) if (!waived(v, policy, now)) out.push(v);
  return out;
}

function waived(v: PropertyViolation, policy: Policy, now: Date): boolean {
  return policy.ignores.some(
    (ig) =>
      ig.id === v.property &&
      !isExpired(ig.expires, now) &&
      (!ig.paths || ig.paths.some((p) => globMatch(p, v.path))),
  );
}

function checkOne(t: DockerfileTarget, policy: Policy): PropertyViolation[] {
  const req = policy.dockerfile;
  const out: PropertyViolation[] = [];
  if (t.stages.length === 0) return out;
  const names = new Set(t.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n));
  const final = t.stages.at(-1);
  if (!final) return out;

  if (req['require-non-root']) {
    const user = t.finalUser;
    if (!user)
      out.push({
        property: 'require-non-root',
        path: t.path,
        line: final.line,
        message: 'final stage sets no USER and runs as root',
      });
    else if (user.runsAs === 'root')
      out.push({
        property: 'require-non-root',
        path: t.path,
        line: user.line,
        message: `final stage runs as root (USER ${user.text}${user.value === user.text ? '' : `, that is ${user.value}`})`,
      });
    else if (user.runsAs === 'unknown')
      out.push({
        property: 'require-non-root',
        path: t.path,
        line: user.line,
        message: `final stage's USER ${user.text} cannot be checked (a variable with no value in the Dockerfile)`,
      });
  }
  if (req['require-multistage'] && t.stages.length < 2)
    out.push({
      property: 'require-multistage',
      path: t.path,
      line: final.line,
      message: 'single-stage build (no separate build stage)',
    });

  // Base images, then the images COPY --from and RUN --mount=from= pull files from: both end up in the image.
  const pulled = [
    ...t.stages
      .filter((s) => !names.has(s.baseImage.trim().toLowerCase()))
      .map((s) => ({ image: s.baseImage.trim(), line: s.line, what: 'base image' })),
    ...t.pulledImages.map((p) => ({ image: p.image.trim(), line: p.line, what: 'image' })),
  ];
  for (const { image, line, what } of pulled) {
    if (image.toLowerCase() === 'scratch') continue;
    const ref = parseImageRef(image);
    const unresolved = image.includes('$');
    if (req['require-digest-pinned-base'] && !ref.digest)
      out.push({
        property: 'require-digest-pinned-base',
        path: t.path,
        line,
        message: unresolved
          ? `${what} ${image} cannot be checked for a digest (unresolved variable)`
          : `${what} ${image} is not pinned by digest`,
      });
    const registries = req['allowed-registries'];
    if (registries && (unresolved || !registries.some((r) => globMatch(r, ref.registry))))
      out.push({
        property: 'allowed-registries',
        path: t.path,
        line,
        message: unresolved
          ? `${what} ${image} cannot be checked against the allowed registries (unresolved variable)`
          : `${what} ${image} comes from ${ref.registry}, which is not an allowed registry (${registries.join(', ')})`,
      });
  }

  const minimal = req['minimal-base'];
  if (minimal) {
    const base = finalBase(t, names);
    if (base && base.toLowerCase() !== 'scratch') {
      const ref = parseImageRef(base);
      const candidates = [
        familiarName(ref),
        `${ref.registry}/${ref.repository}`,
        base,
        base.replace(/@.*$/, ''),
      ];
      if (!minimal.some((p) => candidates.some((c) => globMatch(p, c))))
        out.push({
          property: 'minimal-base',
          path: t.path,
          line: final.line,
          message: `final base image ${base} is not in the minimal-base allow-list`,
        });
    }
  }
  return out;
}

/** The external image the final stage builds on, following `FROM <earlier stage>` chains. */
function finalBase(t: DockerfileTarget, names: Set<string>): string | undefined {
  let base = t.stages[t.stages.length - 1]?.baseImage.trim();
  for (let hops = 0; base && names.has(base.toLowerCase()) && hops < t.stages.length; hops++) {
    const name = base.toLowerCase();
    base = t.stages.find((s) => s.name?.toLowerCase() === name)?.baseImage.trim();
  }
  return base;
}
