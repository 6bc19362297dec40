/**
 * Scopes as the distribution token protocol writes them: `type[(class)]:name:actions`. The type ends at the
 * first colon and the actions start after the last one, so names with a registry `host:port` keep their
 * colon; actions are comma-separated. A scope that does not fit is malformed (the request gets a 400).
 */

export interface Scope {
  type: string;
  name: string;
  actions: string[];
}

const TYPE = /^[a-z0-9]+(\([a-z0-9]+\))?$/;
// Repository path components and an optional registry host[:port] prefix, as distribution's reference grammar.
const NAME = /^[A-Za-z0-9._:-]+(\/[A-Za-z0-9._-]+)*$/;
const ACTION = /^(\*|[a-z]+)$/;
const MAX_NAME = 255;

/** The scope, or a phrase saying what is wrong with it. */
export function parseScope(text: string): Scope | string {
  const first = text.indexOf(':');
  const last = text.lastIndexOf(':');
  if (first < 0 || first === last) return 'expected type:name:actions';
  const rawType = text.slice(0, first);
  const name = text.slice(first + 1, last);
  const actions = text.slice(last + 1).split(',');
  if (!TYPE.test(rawType)) return 'invalid resource type';
  // The class (`repository(plugin)`) does not change what is granted.
  const type = rawType.replace(/\(.*\)$/, '');
  if (!name || name.length > MAX_NAME || !NAME.test(name)) return 'invalid resource name';
  if (actions.some((a) => !ACTION.test(a))) return 'invalid actions';
  return { type, name, actions: [...new Set(actions)] };
}

/** The wire form: `repository:team/app:pull,push`. */
export function formatScope(scope: Scope): string {
  return `${scope.type}:${scope.name}:${scope.actions.join(',')}`;
}

/**
 * Requested scopes from the query (`scope` repeated) or the OAuth2 form (one `scope`, space-separated),
 * merged per resource; or the reason the first malformed one is refused.
 */
export function parseScopes(values: readonly string[]): { scopes: Scope[] } | { error: string } {
  const merged = new Map<string, Scope>();
  for (const text of values.flatMap((v) => v.split(' ')).filter(Boolean)) {
    const scope = parseScope(text);
    if (typeof scope === 'string') return { error: `scope ${JSON.stringify(text.slice(0, 300))}: ${scope}` };
    const key = `${scope.type}:${scope.name}`;
    const seen = merged.get(key);
    if (seen) seen.actions = [...new Set([...seen.actions, ...scope.actions])];
    else merged.set(key, scope);
  }
  return { scopes: [...merged.values()] };
}
