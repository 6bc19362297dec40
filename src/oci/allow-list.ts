/**
 * Registry allow-lists (`manifests.allowed-registries`): the one matcher the manifest rule uses, and the
 * regular expressions the generated admission policies carry, so CI and the cluster decide alike.
 *
 * An entry is `REGISTRY[/PATH]`, compared case-insensitively, where only `*` is special. The registry part
 * matches the image's registry (`*` stays inside it: `*.gcr.io` never reaches into a repository path); the
 * path part, when given, matches the repository exactly, as a parent folder (`ghcr.io/org` covers
 * `ghcr.io/org/app`), or as a wildcard that may cross `/`. Images are normalised the way docker does:
 * `nginx` is `docker.io/library/nginx`, `index.docker.io` is `docker.io`.
 *
 * The expressions use only what JavaScript and RE2 (Go: Kyverno, OPA) read alike: classes, groups,
 * alternation and quantifiers, no look-around or back-references.
 */
import { ShipgateError } from '../core/errors';
import { DOCKER_HUB, parseReference } from './ref';

export interface AllowEntry {
  registry: string;
  path?: string;
}

const HUB_NAMES = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];

export function parseAllowEntry(entry: string): AllowEntry {
  const e = entry.trim().replace(/\/+$/, '').toLowerCase();
  const slash = e.indexOf('/');
  return slash < 0 ? { registry: e } : { registry: e.slice(0, slash), path: e.slice(slash + 1) };
}

function wildcardRe(pattern: string, star: string): string {
  return pattern
    .split('*')
    .map((p) => p.replace(/[.+?^${}()|[\]\\/-]/g, (c) => (c === '/' || c === '-' ? c : `\\${c}`)))
    .join(star);
}

function wildcardMatch(pattern: string, value: string, star: string): boolean {
  return new RegExp(`^${wildcardRe(pattern, star)}$`).test(value);
}

function pathAllowed(path: string | undefined, repository: string): boolean {
  if (path === undefined) return true;
  return repository === path || repository.startsWith(`${path}/`) || wildcardMatch(path, repository, '.*');
}

/** Whether a normalised `registry` and `repository` (lowercase) are allowed by one of the entries. */
export function registryAllowed(
  entries: readonly string[],
  ref: { registry: string; repository: string },
): boolean {
  const registry = ref.registry.toLowerCase();
  const repository = ref.repository.toLowerCase();
  return entries.some((raw) => {
    const e = parseAllowEntry(raw);
    return wildcardMatch(e.registry, registry, '[^/]*') && pathAllowed(e.path, repository);
  });
}

/** Whether an image reference as written in a manifest is allowed by one of the entries. */
export function imageAllowed(entries: readonly string[], image: string): boolean {
  return registryAllowed(entries, parseReference(image, { lenient: true }));
}

const escape = (s: string): string => wildcardRe(s.replace(/\*/g, ''), '');

function pathRe(path: string | undefined, any: string): string {
  if (path === undefined) return `/${any}+`;
  if (path.includes('*')) return `/${wildcardRe(path, `${any}*`)}`;
  return `/${escape(path)}(?:/${any}+)?`;
}

/**
 * An anchored expression over the normalised name `registry/repository` (lowercase, no tag or digest) that
 * matches exactly the names the entries allow. The Gatekeeper template normalises the image, then uses it.
 */
export function normalizedNameRegExp(entries: readonly string[]): string {
  const alts = entries.map((raw) => {
    const e = parseAllowEntry(raw);
    return `${wildcardRe(e.registry, '[^/]*')}${pathRe(e.path, '.')}`;
  });
  return `^(?:${alts.join('|')})$`;
}

/**
 * `[^/.:@]+` except `localhost`: a first component docker does not read as a registry. Written without
 * `{n,m}`: Kyverno reads braces inside `{{ }}` as variables.
 */
function implicitFirstRe(): string {
  const c = '[^/.:@]';
  const word = 'localhost';
  const alts = [`${c}${`${c}?`.repeat(word.length - 2)}`, `${c.repeat(word.length + 1)}${c}*`];
  for (let i = 0; i < word.length; i++)
    alts.push(`${word.slice(0, i)}[^/.:@${word[i]!}]${c.repeat(word.length - 1 - i)}`);
  return `(?:${alts.join('|')})`;
}

/**
 * Expressions for the registry part that match only explicit registries (with a `.` or `:`, or
 * `localhost`), leaving Docker Hub's implicit names to the hub alternatives.
 */
function explicitRegistryRes(registry: string): string[] {
  const parts = registry.split('*');
  const literal = (p: string) => escape(p);
  if (parts.some((p) => /[.:]/.test(p))) return [wildcardRe(registry, '[^/@]*')];
  const out: string[] = [];
  // One star at a time must supply the `.` or `:` the literal parts lack.
  for (let i = 1; i < parts.length; i++)
    out.push(
      parts
        .map(literal)
        .reduce((acc, p, j) => (j === 0 ? p : `${acc}${j === i ? '[^/@]*[.:][^/@]*' : '[^/@]*'}${p}`), ''),
    );
  if (wildcardMatch(registry, 'localhost', '[^/]*')) out.push('localhost');
  return out;
}

function unsupported(entry: string, what: string): ShipgateError {
  return new ShipgateError(
    'UNSUPPORTED',
    `allowed registry "${entry}": ${what} cannot be matched exactly without normalising the image`,
    {
      hint: 'list registries and Docker Hub namespaces literally (docker.io/library), or use --format gatekeeper',
    },
  );
}

const SUFFIX = '(?::[^/:@]*)?(?:@.*)?';

/**
 * An anchored expression over an image reference as written (lowercase, tag and digest included) that
 * matches exactly the references the entries allow: Kyverno matches `element.image` with it, having no
 * way to normalise first. Entries it cannot express exactly are refused (UNSUPPORTED), never approximated.
 */
export function imageReferenceRegExp(entries: readonly string[]): string {
  const alts: string[] = [];
  const hubs = HUB_NAMES.map(escape).join('|');
  const single = '[^/:@]+';
  const parsed = entries.map((raw) => ({ raw, e: parseAllowEntry(raw) }));
  if (parsed.some(({ e }) => e.registry === '*' && e.path === undefined)) return '^.*$';
  for (const { raw, e } of parsed) {
    for (const reg of explicitRegistryRes(e.registry)) {
      if (HUB_NAMES.some((h) => new RegExp(`^${reg}$`).test(h))) {
        // Docker Hub's names are normalised to docker.io: the hub alternatives below decide.
        if (!e.registry.includes('*')) continue;
        throw unsupported(raw, 'a registry pattern that also matches a Docker Hub name');
      }
      alts.push(`${reg}${pathRe(e.path, '[^@]')}`);
    }
    if (!wildcardMatch(e.registry, DOCKER_HUB, '[^/]*')) continue;
    const implicit = `${implicitFirstRe()}/[^@]+`;
    if (e.path === undefined) {
      alts.push(`(?:${hubs})/[^@]+`, implicit, single);
      continue;
    }
    if (e.path.includes('*')) throw unsupported(raw, 'a Docker Hub path with *');
    const p = escape(e.path);
    const multi = e.path.includes('/') ? `${p}(?:/[^@]+)?` : `${p}/[^@]+`;
    alts.push(`(?:${hubs})/${multi}`);
    const first = e.path.split('/')[0]!;
    if (!/[.:]/.test(first) && first !== 'localhost') alts.push(multi);
    // Official images: `nginx` and `docker.io/nginx` are docker.io/library/nginx.
    if (e.path === 'library') alts.push(`(?:(?:${hubs})/)?${single}`);
    else if (/^library\/[^/*]+$/.test(e.path)) alts.push(`(?:(?:${hubs})/)?${escape(e.path.slice(8))}`);
  }
  return `^(?:${alts.join('|')})${SUFFIX}$`;
}
