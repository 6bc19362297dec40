/**
 * The decision for one token request: who the requester is (a CI job with a verified ID token, or anyone
 * else), and which of the requested actions the rules and the default policy allow. Grants are requested ∩
 * allowed; a partial grant is not an error. Only a verified ID token can obtain push or delete.
 */
import { isShipgateError } from '../core/errors';
import { decodeJwt } from '../platform/jwt';
import { verifyIdToken } from '../platform/verify-token';
import type { AccessLevel, Action, RegistryAuthConfig } from './config';
import type { IssuerPool } from './issuers';
import { evaluateRules } from './match';
import type { Outcome } from './metrics';
import type { Scope } from './scope';
import { VerifiedTokens } from './verified-tokens';

export interface AuthRequest {
  scopes: readonly Scope[];
  /** The Basic password (the ID token), absent for an anonymous request. */
  password?: string;
  now?: Date;
}

/** The requester's token claims the audit line records (never the token). */
interface TokenClaims {
  issuer?: string;
  subject?: string;
  repository?: string;
  ref?: string;
  /** Whether the signature and times were verified. */
  verified: boolean;
}

export interface Decision {
  outcome: Extract<Outcome, 'granted' | 'partial' | 'refused' | 'unauthorized' | 'unavailable'>;
  granted: Scope[];
  /** The registry token's `sub`: the verified ID token's subject, else empty. */
  subject: string;
  reason: string;
  token?: TokenClaims;
}

interface Requester {
  /** The trusted issuer's name when the ID token verified. */
  issuer?: string;
  claims: Record<string, unknown>;
  reason: string;
  token?: TokenClaims;
  unavailable?: boolean;
}

const ALL_REPOSITORY_ACTIONS: readonly Action[] = ['pull', 'push', 'delete'];

function claimString(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 200) : undefined;
}

function tokenClaims(payload: Record<string, unknown>, verified: boolean): TokenClaims {
  const pick = (k: string) => claimString(payload[k]);
  const out: TokenClaims = { verified };
  const issuer = pick('iss');
  const subject = pick('sub');
  const repository = pick('repository') ?? pick('project_path');
  const ref = pick('ref');
  if (issuer !== undefined) out.issuer = issuer;
  if (subject !== undefined) out.subject = subject;
  if (repository !== undefined) out.repository = repository;
  if (ref !== undefined) out.ref = ref;
  return out;
}

/** What a decision needs besides the request. */
export interface DecideContext {
  config: RegistryAuthConfig;
  pool: IssuerPool;
  verified: VerifiedTokens;
}

function verifiedRequester(issuer: string, claims: Record<string, unknown>): Requester {
  return { issuer, claims, reason: `ID token verified (${issuer})`, token: tokenClaims(claims, true) };
}

async function identify(ctx: DecideContext, password: string | undefined, now?: Date): Promise<Requester> {
  if (password === undefined) return { claims: {}, reason: 'anonymous' };
  const t = (now ?? new Date()).getTime();
  const cacheKey = VerifiedTokens.key(password);
  const known = ctx.verified.get(cacheKey, t);
  if (known) return verifiedRequester(known.issuer, known.claims);
  // A push asks for several registry tokens at once with the same ID token: its signature is checked once.
  return ctx.verified.once(cacheKey, () => verify(ctx, password, cacheKey, t, now));
}

async function verify(
  ctx: DecideContext,
  password: string,
  cacheKey: string,
  t: number,
  now: Date | undefined,
): Promise<Requester> {
  const { pool } = ctx;
  const decoded = decodeJwt(password);
  if (typeof decoded === 'string') return { claims: {}, reason: 'the password is not a CI ID token' };
  const payload =
    decoded.payload && typeof decoded.payload === 'object'
      ? (decoded.payload as Record<string, unknown>)
      : {};
  const unverified = tokenClaims(payload, false);
  const state = pool.byUrl(payload.iss);
  if (!state)
    return {
      claims: {},
      reason: `the ID token's issuer ${JSON.stringify(unverified.issuer ?? null)} is not trusted`,
      token: unverified,
    };
  try {
    const keys = await pool.keys(state);
    const verified = await verifyIdToken(password, {
      issuer: state.config.url,
      audience: state.config.audience,
      keys,
      ...(now ? { now } : {}),
    });
    const claims = verified as Record<string, unknown>;
    ctx.verified.set(cacheKey, state.config.name, claims, t);
    return verifiedRequester(state.config.name, claims);
  } catch (e) {
    if (!isShipgateError(e)) throw e;
    return { claims: {}, reason: e.message, token: unverified, unavailable: e.code === 'NETWORK' };
  }
}

function levelAllows(level: AccessLevel, verified: boolean): boolean {
  return level === 'everyone' || (level === 'authenticated' && verified);
}

/** Decides a token request. Never throws for anything the requester sent. */
export async function decide(ctx: DecideContext, req: AuthRequest): Promise<Decision> {
  const { config } = ctx;
  const who = await identify(ctx, req.password, req.now);
  const verified = who.issuer !== undefined;
  // The protocol leaves `sub` empty for a requester that did not authenticate.
  const subject = (verified && claimString(who.claims.sub)) || '';
  const base = { subject, ...(who.token ? { token: who.token } : {}) };
  if (who.unavailable) return { ...base, outcome: 'unavailable', granted: [], reason: who.reason };

  const notes: string[] = [who.reason];
  const granted: Scope[] = [];
  let requestedCount = 0;
  let grantedCount = 0;
  for (const scope of req.scopes) {
    let allowed: readonly string[] = [];
    if (scope.type === 'repository') {
      const set = new Set<Action>();
      if (levelAllows(config.defaultPull, verified)) set.add('pull');
      if (verified) {
        const v = evaluateRules(config.rules, who.issuer!, who.claims, scope.name);
        for (const a of v.actions) set.add(a);
        if (v.matched.length) notes.push(`${scope.name}: rule ${v.matched.join(', ')}`);
        else if (v.missed.length) notes.push(`${scope.name}: no rule matches (${v.missed.join('; ')})`);
        else notes.push(`${scope.name}: no rule for this repository and issuer`);
      }
      allowed = ALL_REPOSITORY_ACTIONS.filter((a) => set.has(a));
    } else if (scope.type === 'registry' && scope.name === 'catalog') {
      allowed = levelAllows(config.catalog, verified) ? ['*'] : [];
    }
    // `*` asks for whatever is allowed: it counts as one request, met when anything is granted.
    const any = scope.actions.includes('*');
    const actions = any ? [...allowed] : scope.actions.filter((a) => allowed.includes(a));
    requestedCount += any ? 1 : scope.actions.length;
    grantedCount += any ? Math.min(actions.length, 1) : actions.length;
    if (actions.length) granted.push({ type: scope.type, name: scope.name, actions });
  }

  if (req.scopes.length === 0 && req.password !== undefined && !verified)
    return { ...base, outcome: 'unauthorized', granted: [], reason: who.reason };
  const outcome: Decision['outcome'] =
    grantedCount === requestedCount ? 'granted' : grantedCount === 0 ? 'refused' : 'partial';
  return { ...base, outcome, granted, reason: notes.join('; ') };
}
