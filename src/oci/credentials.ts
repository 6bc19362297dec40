/**
 * Where registry credentials come from, most specific first: SHIPGATE_REGISTRY_USERNAME/PASSWORD (only for
 * the host SHIPGATE_REGISTRY names), GitLab Container Scanning's CS_REGISTRY_USER/PASSWORD (only for the host
 * of CS_IMAGE), the Docker config (`auths`, `credHelpers`, `credsStore`), then CI
 * conveniences (GITHUB_TOKEN for ghcr.io, the GitLab job's registry variables). Every credential belongs to
 * one registry host. Every secret found is registered with addSecret() so logs mask it.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ShipgateError } from '../core/errors';
import { addSecret, logger } from '../core/logger';
import { parseReference, withoutTransport } from './ref';

export interface Credentials {
  username?: string;
  password?: string;
  /** An OAuth2 refresh token (docker config `identitytoken`, or a helper's "<token>" user). */
  identityToken?: string;
  /** Where they came from, for messages (never the secret itself). */
  source: string;
}

interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string; registrytoken?: string }
  >;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

const HUB_KEYS = [
  'https://index.docker.io/v1/',
  'index.docker.io',
  'docker.io',
  'registry-1.docker.io',
  'https://index.docker.io/v1',
];

/** The keys under which a Docker config may name `registry`. */
export function configKeys(registry: string): string[] {
  if (HUB_KEYS.includes(registry)) return HUB_KEYS;
  return [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`,
  ];
}

export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  return join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker'), 'config.json');
}

async function readDockerConfig(env: NodeJS.ProcessEnv): Promise<DockerConfig | undefined> {
  const path = dockerConfigPath(env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as DockerConfig;
  } catch {
    throw new ShipgateError('CONFIG_INVALID', `${path}: not valid JSON`, {
      hint: 'fix or remove the Docker config file',
    });
  }
}

/** Runs `docker-credential-<helper> get` with the server URL on stdin. */
export function runCredentialHelper(
  helper: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<Credentials | undefined> {
  if (!/^[\w.-]+$/.test(helper))
    return Promise.reject(new ShipgateError('CONFIG_INVALID', `invalid credential helper name "${helper}"`));
  const cmd = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new ShipgateError('AUTH', `credential helper ${cmd} cannot run (${e.code ?? e.message})`, {
          hint: `install ${cmd} or remove it from the Docker config`,
        }),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        const msg = `${out} ${err}`.trim();
        if (/credentials not found/i.test(msg)) return resolve(undefined);
        return reject(
          new ShipgateError('AUTH', `credential helper ${cmd} failed (exit ${code}): ${msg.slice(0, 200)}`),
        );
      }
      try {
        const doc = JSON.parse(out) as { Username?: string; Secret?: string };
        if (!doc.Secret) return resolve(undefined);
        addSecret(doc.Secret);
        if (doc.Username === '<token>') return resolve({ identityToken: doc.Secret, source: cmd });
        resolve({ username: doc.Username ?? '', password: doc.Secret, source: cmd });
      } catch {
        reject(new ShipgateError('AUTH', `credential helper ${cmd} printed something that is not JSON`));
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(serverUrl);
  });
}

function fromAuthEntry(
  e: NonNullable<DockerConfig['auths']>[string],
  source: string,
): Credentials | undefined {
  if (e.identitytoken) {
    addSecret(e.identitytoken);
    return { identityToken: e.identitytoken, source };
  }
  if (e.auth) {
    const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) throw new ShipgateError('CONFIG_INVALID', `${source}: "auth" is not base64 of user:password`);
    addSecret(e.auth);
    addSecret(decoded.slice(i + 1));
    return { username: decoded.slice(0, i), password: decoded.slice(i + 1), source };
  }
  if (e.username && e.password) {
    addSecret(e.password);
    return { username: e.username, password: e.password, source };
  }
  return undefined;
}

function userPass(
  username: string | undefined,
  password: string | undefined,
  source: string,
): Credentials | undefined {
  if (!password) return undefined;
  addSecret(password);
  return { username: username ?? '', password, source };
}

function hostOf(urlish: string): string {
  return urlish
    .trim()
    .replace(/^\w+:\/\//, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

/** Whether `configured` (a host, or a URL naming one) is `registry`; Docker Hub's names are one registry. */
function sameRegistry(configured: string, registry: string): boolean {
  const host = hostOf(configured);
  const reg = registry.toLowerCase();
  return host === reg || (HUB_KEYS.includes(host) && HUB_KEYS.includes(reg));
}

let warnedUnscoped = false;

/** SHIPGATE_REGISTRY_USERNAME/PASSWORD, for the registry SHIPGATE_REGISTRY names and no other. */
function explicitCredentials(registry: string, env: NodeJS.ProcessEnv): Credentials | undefined {
  if (!env.SHIPGATE_REGISTRY_PASSWORD) return undefined;
  if (!env.SHIPGATE_REGISTRY?.trim()) {
    // Without a host they could go to any registry (or token service) an image reference names.
    if (!warnedUnscoped)
      logger().warn(
        'SHIPGATE_REGISTRY_USERNAME/PASSWORD are ignored: set SHIPGATE_REGISTRY to the registry host they belong to',
      );
    warnedUnscoped = true;
    return undefined;
  }
  if (!sameRegistry(env.SHIPGATE_REGISTRY, registry)) return undefined;
  return userPass(
    env.SHIPGATE_REGISTRY_USERNAME,
    env.SHIPGATE_REGISTRY_PASSWORD,
    'SHIPGATE_REGISTRY_USERNAME/PASSWORD',
  );
}

let warnedUnscopedCs = false;

/** CS_REGISTRY_USER/PASSWORD (GitLab Container Scanning's), for the registry of CS_IMAGE and no other. */
function containerScanningCredentials(registry: string, env: NodeJS.ProcessEnv): Credentials | undefined {
  if (!env.CS_REGISTRY_PASSWORD) return undefined;
  const image = env.CS_IMAGE?.trim();
  if (!image) {
    if (!warnedUnscopedCs)
      logger().warn(
        'CS_REGISTRY_USER/PASSWORD are ignored: set CS_IMAGE, whose registry host they belong to',
      );
    warnedUnscopedCs = true;
    return undefined;
  }
  if (!sameRegistry(parseReference(withoutTransport(image), { lenient: true }).registry, registry))
    return undefined;
  return userPass(env.CS_REGISTRY_USER, env.CS_REGISTRY_PASSWORD, 'CS_REGISTRY_USER/PASSWORD');
}

/** Finds credentials for `registry` (host[:port]); undefined means anonymous. */
export async function findCredentials(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  const explicit = explicitCredentials(registry, env) ?? containerScanningCredentials(registry, env);
  if (explicit) return explicit;
  const config = await readDockerConfig(env);
  if (config) {
    const keys = configKeys(registry);
    const serverUrl = HUB_KEYS.includes(registry) ? HUB_KEYS[0]! : registry;
    const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean);
    if (helper) {
      const c = await runCredentialHelper(helper, serverUrl, env);
      if (c) return c;
    }
    for (const k of keys) {
      const entry = config.auths?.[k];
      const c = entry && fromAuthEntry(entry, `${dockerConfigPath(env)} auths["${k}"]`);
      if (c) return c;
    }
    if (config.credsStore) {
      const c = await runCredentialHelper(config.credsStore, serverUrl, env);
      if (c) return c;
    }
  }
  if (registry === 'ghcr.io' && env.GITHUB_TOKEN)
    return userPass(env.GITHUB_ACTOR ?? 'x-access-token', env.GITHUB_TOKEN, 'GITHUB_TOKEN');
  if (env.CI_REGISTRY && sameRegistry(env.CI_REGISTRY, registry)) {
    if (env.CI_REGISTRY_PASSWORD)
      return userPass(env.CI_REGISTRY_USER, env.CI_REGISTRY_PASSWORD, 'CI_REGISTRY_USER/PASSWORD');
    if (env.CI_JOB_TOKEN) return userPass('gitlab-ci-token', env.CI_JOB_TOKEN, 'CI_JOB_TOKEN');
  }
  logger().debug(`no credentials for ${registry}; trying anonymously`);
  return undefined;
}
