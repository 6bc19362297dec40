import type { Node, Pair } from 'yaml';
import type { RuleMeta } from '../core/finding';
import type { Severity } from '../core/severity';
import type { ManifestLintOptions } from './options';
import type { Container, ParsedManifests, PodTarget } from './types';

export interface Report {
  pod: PodTarget;
  container?: Container;
  /** The offending field (a pair points from its key to the end of its value); default: the container or pod spec. */
  at?: Node | Pair;
  message: string;
  /** A short fix for this occurrence; defaults to the rule's hint. */
  fix?: string;
  /** Distinguishes several findings of one rule on one container (e.g. the capability). */
  key?: string;
  severity?: Severity;
  /** The image the finding is also about (cross-checks with the scanned image): reports show both places. */
  image?: { ref: string; digest?: string };
}

interface RuleContext {
  file: ParsedManifests;
  options: ManifestLintOptions;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  hint: string;
  check(ctx: RuleContext): void;
}

export type RuleDefinition = Omit<RuleMeta, 'kind'> & { hint: string; check: (ctx: RuleContext) => void };

export function defineRule(def: RuleDefinition): Rule {
  const { hint, check, ...meta } = def;
  return { meta: { kind: 'manifest', ...meta }, hint, check };
}

/** "container 'app' of Deployment 'web'" / "Deployment 'web'": who a message is about. */
export function subject(pod: PodTarget, container?: Container): string {
  const obj = `${pod.object.kind} '${pod.object.name}'`;
  if (!container) return obj;
  const what =
    container.field === 'initContainers'
      ? 'init container'
      : container.field === 'ephemeralContainers'
        ? 'ephemeral container'
        : 'container';
  return `${what} '${container.name}' of ${obj}`;
}
