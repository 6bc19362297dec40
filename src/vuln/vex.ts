/**
 * OpenVEX (https://github.com/openvex/spec): statements that a vulnerability does not affect a product
 * (`not_affected`, `fixed`) suppress the matching findings; `affected` and `under_investigation` leave
 * them as they are. Statements match by vulnerability id or alias and by product purl: a package purl
 * (version and qualifiers optional: only those given must agree) or the image itself (`pkg:oci/...`,
 * optionally narrowed to `subcomponents`). When several statements match, the latest one wins.
 */
import { readFileSync } from 'node:fs';
import { PackageURL } from 'packageurl-js';
import * as z from 'zod';
import { ShipgateError, toShipgateError } from '../core/errors';
import type { Finding } from '../core/finding';

const STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
const JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;

const component = z
  .object({ '@id': z.string().min(1).optional(), identifiers: z.record(z.string(), z.string()).optional() })
  .loose();
const product = z.union([
  z.string().min(1),
  component.extend({ subcomponents: z.array(z.union([z.string().min(1), component])).optional() }),
]);

const statement = z
  .object({
    vulnerability: z.union([
      z.string().min(1),
      z
        .object({
          name: z.string().min(1).optional(),
          '@id': z.string().optional(),
          aliases: z.array(z.string()).optional(),
        })
        .loose(),
    ]),
    products: z.array(product).optional(),
    subcomponents: z.array(z.union([z.string().min(1), component])).optional(),
    status: z.enum(STATUSES),
    justification: z.enum(JUSTIFICATIONS).optional(),
    impact_statement: z.string().optional(),
    action_statement: z.string().optional(),
    status_notes: z.string().optional(),
    timestamp: z.string().optional(),
  })
  .loose()
  .refine(
    (s) => s.status !== 'not_affected' || s.justification !== undefined || s.impact_statement !== undefined,
    {
      message: 'a not_affected statement needs a justification or an impact_statement',
    },
  );

const documentSchema = z
  .object({
    '@context': z.string().regex(/openvex/, 'not an OpenVEX context'),
    '@id': z.string().optional(),
    author: z.string().optional(),
    timestamp: z.string().optional(),
    statements: z.array(statement),
  })
  .loose();

export type VexDocument = z.infer<typeof documentSchema> & { source: string };
type Statement = z.infer<typeof statement>;

/** Parses one OpenVEX document; `source` names it in errors and suppression reasons. */
export function parseVex(text: string, source: string): VexDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ShipgateError('INPUT', `${source}: not valid JSON (${(e as Error).message})`, {
      hint: 'pass an OpenVEX JSON document to --vex',
    });
  }
  const r = documentSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'document';
    throw new ShipgateError(
      'CONFIG_INVALID',
      `${source}: not a valid OpenVEX document: ${where}: ${issue.message}`,
      {
        hint: 'see https://github.com/openvex/spec for the format',
      },
    );
  }
  return { ...r.data, source };
}

export function loadVexDocuments(paths: readonly string[]): VexDocument[] {
  return paths.map((p) => {
    let text: string;
    try {
      text = readFileSync(p, 'utf8');
    } catch (e) {
      throw toShipgateError(e);
    }
    return parseVex(text, p);
  });
}

interface ParsedPurl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
}

function parsePurl(s: string): ParsedPurl | undefined {
  try {
    const p = PackageURL.fromString(s);
    const out: ParsedPurl = {
      type: p.type.toLowerCase(),
      name: p.name,
      qualifiers: { ...(p.qualifiers ?? {}) },
    };
    if (p.namespace) out.namespace = p.namespace;
    if (p.version) out.version = p.version;
    return out;
  } catch {
    return undefined;
  }
}

/** The statement purl names the package: type, namespace and name agree; version and qualifiers only if given. */
function purlMatches(statementPurl: string, packagePurl: string | undefined): boolean {
  if (!packagePurl) return false;
  const s = parsePurl(statementPurl);
  const p = parsePurl(packagePurl);
  if (!s || !p) return false;
  if (s.type !== p.type || s.name !== p.name || (s.namespace ?? '') !== (p.namespace ?? '')) return false;
  if (s.version !== undefined && s.version !== p.version) return false;
  return Object.entries(s.qualifiers).every(([k, v]) => p.qualifiers[k] === v);
}

export interface VexContext {
  /** The scanned image's manifest digest and repository, to check `pkg:oci` products. */
  imageDigest?: string;
  imageName?: string;
}

function imageMatches(purl: ParsedPurl, ctx: VexContext): boolean {
  if (purl.version && ctx.imageDigest) return purl.version === ctx.imageDigest;
  if (ctx.imageName) {
    const repo = ctx.imageName.replace(/[@:][^/]*$/, '');
    const last = repo.split('/').pop();
    if (purl.name !== last) return false;
  }
  // Without a digest or name to check, a VEX document given for this scan is taken to describe this image.
  return true;
}

function refId(x: string | { '@id'?: string | undefined }): string | undefined {
  return typeof x === 'string' ? x : x['@id'];
}

function productApplies(st: Statement, finding: Finding, ctx: VexContext): boolean {
  const pkgPurl = finding.vulnerability?.purl;
  const subsMatch = (subs: (string | { '@id'?: string | undefined })[] | undefined): boolean =>
    !subs?.length ||
    subs.some((s) => {
      const id = refId(s);
      return !!id && purlMatches(id, pkgPurl);
    });
  const products = st.products ?? [];
  if (!products.length) return false;
  return products.some((p) => {
    const id = refId(p);
    if (!id) return false;
    const subs = typeof p === 'string' ? st.subcomponents : (p.subcomponents ?? st.subcomponents);
    const parsed = parsePurl(id);
    if (parsed?.type === 'oci') return imageMatches(parsed, ctx) && subsMatch(subs);
    return purlMatches(id, pkgPurl) || (!!subs?.length && subsMatch(subs));
  });
}

function vulnIds(st: Statement): string[] {
  const v = st.vulnerability;
  if (typeof v === 'string') return [v];
  return [v.name, v['@id'], ...(v.aliases ?? [])].filter((x): x is string => !!x);
}

/**
 * Returns the findings with `suppressed` set where the latest matching VEX statement says
 * not_affected or fixed. Other findings are returned unchanged.
 */
export function applyVex(findings: Finding[], docs: readonly VexDocument[], ctx: VexContext = {}): Finding[] {
  const statements = docs
    .flatMap((d, di) =>
      d.statements.map((s, si) => ({
        s,
        d,
        order: di * 1e6 + si,
        time: Date.parse(s.timestamp ?? d.timestamp ?? ''),
      })),
    )
    .sort(
      (a, b) =>
        (Number.isNaN(a.time) ? 0 : a.time) - (Number.isNaN(b.time) ? 0 : b.time) || a.order - b.order,
    );
  if (!statements.length) return findings;
  return findings.map((f) => {
    if (f.kind !== 'vulnerability' || !f.vulnerability || f.suppressed) return f;
    const ids = new Set([f.ruleId, f.vulnerability.id, ...f.vulnerability.aliases]);
    let last: (typeof statements)[number] | undefined;
    for (const x of statements)
      if (vulnIds(x.s).some((i) => ids.has(i)) && productApplies(x.s, f, ctx)) last = x;
    if (!last || (last.s.status !== 'not_affected' && last.s.status !== 'fixed')) return f;
    const why = [last.s.justification, last.s.impact_statement].filter(Boolean).join(': ');
    return {
      ...f,
      suppressed: {
        kind: 'vex',
        reason: `${last.s.status}${why ? ` (${why})` : ''} per ${last.d['@id'] ?? last.d.source}`,
      },
    };
  });
}
