/**
 * Where a keyless signature's OIDC ID token comes from: the GitHub Actions runtime, GitLab's `id_tokens`
 * (SIGSTORE_ID_TOKEN), or an environment variable or file the user names. Every token is registered with
 * the logger as a secret before anything else is done with it, so it is never printed.
 */
import { readFile } from 'node:fs/promises';
import { getIDToken } from '@actions/core';
import type { IdentityProvider } from '@sigstore/sign';
import { ShipgateError } from '../core/errors';
import { addSecret } from '../core/logger';
import { decodeJwt } from '../platform/jwt';

/** The audience public-good Fulcio accepts. */
export const SIGSTORE_AUDIENCE = 'sigstore';
const GITLAB_TOKEN_VARIABLE = 'SIGSTORE_ID_TOKEN';

/** Serializable from the CLI flags `--identity-token-env NAME` and `--identity-token-file FILE`. */
export type IdentityTokenSource =
  | { kind: 'auto' }
  | { kind: 'github' }
  | { kind: 'gitlab' }
  | { kind: 'env'; name: string }
  | { kind: 'file'; path: string };

function signError(message: string, hint: string): ShipgateError {
  return new ShipgateError('SIGN', message, { hint });
}

function checked(token: string, from: string): string {
  const t = token.trim();
  addSecret(t);
  const decoded = decodeJwt(t);
  if (typeof decoded === 'string')
    throw signError(
      `the ID token from ${from} is ${decoded}`,
      'give an OIDC ID token issued for audience "sigstore"',
    );
  return t;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, hint: string): string {
  const value = env[name];
  if (!value?.trim()) throw signError(`no ID token: ${name} is not set`, hint);
  return checked(value, name);
}

async function fromFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw signError(
      `cannot read the ID token file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`,
      'check --identity-token-file',
    );
  }
  if (!text.trim()) throw signError(`the ID token file ${path} is empty`, 'check --identity-token-file');
  return checked(text, path);
}

async function fromGithub(env: NodeJS.ProcessEnv): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    throw signError(
      'the GitHub job cannot request an ID token for signing (ACTIONS_ID_TOKEN_REQUEST_URL is not set)',
      'give the job "permissions: id-token: write"',
    );
  addSecret(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  let token: string;
  try {
    token = await getIDToken(SIGSTORE_AUDIENCE);
  } catch (e) {
    throw new ShipgateError('SIGN', `the Actions ID token service refused a token: ${(e as Error).message}`, {
      hint: 'give the job "permissions: id-token: write" and retry',
      cause: e,
    });
  }
  return checked(token, 'the GitHub Actions runtime');
}

const GITLAB_HINT = `declare it in the job: id_tokens: { ${GITLAB_TOKEN_VARIABLE}: { aud: sigstore } }`;

/** Which source `auto` means in this environment, or undefined when none applies. */
type ConcreteSource = Exclude<IdentityTokenSource, { kind: 'auto' }>;

function autoSource(env: NodeJS.ProcessEnv): ConcreteSource | undefined {
  if (env.GITHUB_ACTIONS === 'true') return { kind: 'github' };
  if (env.GITLAB_CI === 'true') return { kind: 'gitlab' };
  if (env[GITLAB_TOKEN_VARIABLE]) return { kind: 'env', name: GITLAB_TOKEN_VARIABLE };
  return undefined;
}

/** Reads the token once, on first use, and hands the same token to every later signature. */
export function identityProvider(
  source: IdentityTokenSource,
  env: NodeJS.ProcessEnv = process.env,
): IdentityProvider {
  let pending: Promise<string> | undefined;
  const read = async (): Promise<string> => {
    const s: ConcreteSource | undefined = source.kind === 'auto' ? autoSource(env) : source;
    if (!s)
      throw signError(
        'keyless signing needs an OIDC ID token and none was found',
        'run in GitHub Actions or GitLab CI, or pass --identity-token-env NAME or --identity-token-file FILE; or sign with --key',
      );
    switch (s.kind) {
      case 'github':
        return fromGithub(env);
      case 'gitlab':
        return fromEnv(env, GITLAB_TOKEN_VARIABLE, GITLAB_HINT);
      case 'env':
        return fromEnv(env, s.name, `set ${s.name} to an OIDC ID token, or check --identity-token-env`);
      case 'file':
        return fromFile(s.path);
    }
  };
  return {
    getToken: () => {
      pending ??= read();
      return pending;
    },
  };
}
