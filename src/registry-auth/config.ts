/**
 * The token service's configuration file (YAML): where it listens, which registry it serves, the key it signs
 * with, the CI issuers it trusts and the rules that grant access. One zod schema validates the file, gives the
 * types and is published as JSON Schema (schemas/registry-auth.schema.json). Push rules must pin the claims a
 * CI job cannot choose (checked after the schema, see pinningProblem()).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { oneLine, ShipgateError } from '../core/errors';
import { normalizeIssuer } from '../platform/issuer';

const MAX_CONFIG_BYTES = 1024 * 1024;

/** Where each kind of CI publishes its ID tokens when the config names no URL. */
const ISSUER_PRESETS = {
  github: 'https://token.actions.githubusercontent.com',
  gitlab: 'https://gitlab.com',
} as const;

type IssuerKind = keyof typeof ISSUER_PRESETS;

/** The claims a rule may pin: GitHub's, GitLab's and the standard `sub`. Anything else is a typo. */
const CLAIM_NAMES = [
  'sub',
  // GitHub Actions
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'workflow_ref',
  'job_workflow_ref',
  'event_name',
  // GitLab CI
  'project_path',
  'project_id',
  'namespace_path',
  'namespace_id',
  'job_project_id',
  'ref_path',
  'ref_protected',
  'ci_config_ref_uri',
  'pipeline_source',
  'environment_protected',
  // both
  'ref',
  'ref_type',
  'environment',
  'runner_environment',
] as const;

export type ClaimName = (typeof CLAIM_NAMES)[number];

/** GitHub events whose runs name the base branch in `ref` yet may run a fork's code. */
const UNSAFE_GITHUB_EVENTS = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);

const ACTIONS = ['pull', 'push', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

const ACCESS_LEVELS = ['everyone', 'authenticated', 'none'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

const scalar = z.union([z.string().min(1), z.number(), z.boolean()]);
const claimValue = z
  .union([scalar, z.array(scalar).min(1)])
  .describe(
    'The value the claim must have, or a list of accepted values. `*` matches within one `/`-separated segment, `**` across segments; matching is exact and case-sensitive.',
  );

const claimsSchema = z.strictObject(
  Object.fromEntries(CLAIM_NAMES.map((n) => [n, claimValue.optional()])) as Record<
    ClaimName,
    z.ZodOptional<typeof claimValue>
  >,
);

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'expected host:port, e.g. 127.0.0.1:5001')
  .describe('host:port to listen on, e.g. 127.0.0.1:5001 (put a TLS proxy in front)');

const trustedIssuerSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'expected letters, digits, ".", "_" or "-"')
    .describe('The name rules use to refer to this issuer'),
  kind: z
    .enum(['github', 'gitlab'])
    .describe('Which CI issues the tokens (decides what push rules must pin)'),
  url: z
    .string()
    .optional()
    .describe(
      'The issuer URL exactly as tokens name it in `iss` (default https://token.actions.githubusercontent.com for github, https://gitlab.com for gitlab)',
    ),
  audience: z
    .string()
    .min(1)
    .describe('The audience CI jobs request their ID token for (`aud`); use one unique to this registry'),
});

const ruleSchema = z.strictObject({
  name: z.string().min(1).optional().describe('Shown in the audit log and by --check'),
  repositories: z
    .array(z.string().min(1))
    .min(1)
    .describe('Repository names or patterns (`*` within one segment, `**` across), e.g. team/app or team/**'),
  issuer: z.string().min(1).describe('The `name` of a trusted issuer'),
  claims: claimsSchema.describe('Claims the ID token must carry, every one of them'),
  actions: z
    .array(z.enum(ACTIONS))
    .min(1)
    .describe('What the rule grants; push includes pull (an upload needs both)'),
});

const registryAuthSchema = z.strictObject({
  listen: hostPort.default('127.0.0.1:5001'),
  service: z.string().min(1).describe("The registry's auth.token.service; tokens are issued for it (`aud`)"),
  issuer: z.string().min(1).describe("The registry's auth.token.issuer; tokens name it in `iss`"),
  key: z
    .string()
    .min(1)
    .describe('PKCS#8 PEM private key (EC P-256/P-384/P-521 or RSA) the tokens are signed with'),
  certificate: z
    .string()
    .min(1)
    .describe(
      "PEM certificate chain for the key, signing certificate first; sent as `x5c`. The registry's rootcertbundle holds it or its CA",
    ),
  tokenLifetime: z
    .number()
    .int()
    .min(60)
    .max(3600)
    .default(300)
    .describe('Seconds an issued registry token is valid (60 to 3600)'),
  defaultPull: z
    .enum(ACCESS_LEVELS)
    .default('none')
    .describe(
      'Pull on every repository for everyone (anonymous too), for jobs with a verified ID token, or none (only rules grant it)',
    ),
  catalog: z
    .enum(ACCESS_LEVELS)
    .default('none')
    .describe('Who may list the repositories (registry:catalog:*)'),
  trustedIssuers: z
    .array(trustedIssuerSchema)
    .min(1)
    .describe('CI OIDC issuers whose ID tokens are accepted'),
  rules: z.array(ruleSchema).default([]).describe('Grants; anything no rule grants is refused'),
});

type ConfigFile = z.output<typeof registryAuthSchema>;

export interface TrustedIssuer {
  name: string;
  kind: IssuerKind;
  url: string;
  audience: string;
}

export interface Rule {
  name: string;
  repositories: string[];
  issuer: string;
  /** Claim → accepted patterns (strings). */
  claims: Partial<Record<ClaimName, string[]>>;
  actions: Action[];
}

export interface RegistryAuthConfig extends Omit<ConfigFile, 'trustedIssuers' | 'rules'> {
  trustedIssuers: TrustedIssuer[];
  rules: Rule[];
  /** The config file, for messages. */
  source: string;
}

function invalid(source: string, message: string): ShipgateError {
  return new ShipgateError('CONFIG_INVALID', `${source}: ${message}`, {
    hint: 'see docs/registry-auth.md for every key, or point your editor at schemas/registry-auth.schema.json',
  });
}

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

/** Why a push rule is too loose for its issuer's kind, or undefined. */
function pinningProblem(rule: Rule, kind: IssuerKind): string | undefined {
  if (!rule.actions.includes('push') && !rule.actions.includes('delete')) return undefined;
  const has = (c: ClaimName) => rule.claims[c] !== undefined;
  const literal = (c: ClaimName) => (rule.claims[c] ?? []).every((v) => !v.includes('*'));
  if (kind === 'github') {
    if (!has('repository_id') && !has('repository'))
      return 'must pin repository_id (or repository) to grant push';
    if (!has('ref')) return 'must pin ref to grant push';
    if (!has('event_name') || !literal('event_name'))
      return 'must pin event_name to literal values (e.g. push) to grant push';
    const unsafe = rule.claims.event_name!.find((e) => UNSAFE_GITHUB_EVENTS.has(e));
    if (unsafe) return `must not grant push to event_name ${unsafe}, whose runs may execute a fork's code`;
  } else {
    if (!has('project_id') && !has('project_path'))
      return 'must pin project_id (or project_path) to grant push';
    if (!has('ref') && !has('ref_path')) return 'must pin ref (or ref_path) to grant push';
    const prot = rule.claims.ref_protected;
    if (!prot || prot.length !== 1 || prot[0] !== 'true')
      return 'must pin ref_protected: "true" to grant push';
  }
  return undefined;
}

/** Validates config text; relative key and certificate paths are resolved against `baseDir`. */
export function parseConfig(text: string, source: string, baseDir: string): RegistryAuthConfig {
  const doc = parseDocument(text, { uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0];
    throw invalid(
      `${source}${pos ? `:${pos.line}:${pos.col}` : ''}`,
      `YAML syntax error: ${oneLine(yamlError.message.split('\n')[0] ?? 'syntax error')}`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw invalid(source, oneLine((e as Error).message));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw invalid(source, 'expected a mapping at the top level');
  const parsed = registryAuthSchema.safeParse(data);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const path = first ? issuePath(first.path) : '';
    throw invalid(source, `${path ? `${path}: ` : ''}${oneLine(first?.message ?? 'invalid')}`);
  }
  const file = parsed.data;
  const issuers: TrustedIssuer[] = [];
  for (const [i, t] of file.trustedIssuers.entries()) {
    if (issuers.some((o) => o.name === t.name))
      throw invalid(source, `trustedIssuers[${i}].name: "${t.name}" is used twice`);
    let url: string;
    try {
      url = normalizeIssuer(t.url ?? ISSUER_PRESETS[t.kind]);
    } catch (e) {
      throw invalid(source, `trustedIssuers[${i}].url: ${(e as ShipgateError).message}`);
    }
    if (issuers.some((o) => o.url === url))
      throw invalid(source, `trustedIssuers[${i}].url: ${url} is listed twice`);
    issuers.push({ name: t.name, kind: t.kind, url, audience: t.audience });
  }
  const rules = file.rules.map((r, i): Rule => {
    const claims: Rule['claims'] = {};
    for (const [k, v] of Object.entries(r.claims) as [ClaimName, unknown][]) {
      if (v === undefined) continue;
      claims[k] = (Array.isArray(v) ? v : [v]).map(String);
    }
    const rule: Rule = {
      name: r.name ?? `rules[${i}]`,
      repositories: r.repositories,
      issuer: r.issuer,
      claims,
      actions: r.actions.includes('push') && !r.actions.includes('pull') ? ['pull', ...r.actions] : r.actions,
    };
    const issuer = issuers.find((t) => t.name === r.issuer);
    if (!issuer)
      throw invalid(
        source,
        `rules[${i}].issuer: "${r.issuer}" is not a trusted issuer (${issuers.map((t) => t.name).join(', ')})`,
      );
    const problem = pinningProblem(rule, issuer.kind);
    if (problem) throw invalid(source, `rules[${i}] (${rule.name}) ${problem}`);
    return rule;
  });
  return {
    ...file,
    key: resolve(baseDir, file.key),
    certificate: resolve(baseDir, file.certificate),
    trustedIssuers: issuers,
    rules,
    source,
  };
}

export function loadConfig(path: string): RegistryAuthConfig {
  let text: string;
  try {
    if (statSync(path).size > MAX_CONFIG_BYTES)
      throw invalid(path, `larger than ${MAX_CONFIG_BYTES >> 20} MiB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof ShipgateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ShipgateError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'INPUT',
      `cannot read the registry-auth config ${path}: ${code ?? (e as Error).message}`,
      { hint: 'check the --config path' },
    );
  }
  return parseConfig(text, path, dirname(resolve(path)));
}

/** The JSON Schema published for editors (input side: defaults are optional). */
export function registryAuthJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(registryAuthSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://raw.githubusercontent.com/shipgate/shipgate/main/schemas/registry-auth.schema.json',
    title: 'shipgate registry-auth configuration',
    ...schema,
  };
}
