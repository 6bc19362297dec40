/**
 * A local sigstore for tests: the @sigstore/mock Fulcio, Rekor (v1) and TSA handlers behind node:http on
 * 127.0.0.1, and the trusted root that matches their keys, assembled as sigstore-js's mock-server does
 * (packages/mock-server/src/index.ts, assembleTrustedRoot): the CA root certificate, the Rekor and CT log
 * keys with logId = SHA-256 of the DER key, and the TSA chain.
 *
 * The Fulcio mock takes unsigned JWTs and turns GitHub claims into certificate extensions; the SAN is the
 * `fulcio_san` claim, which the token makers below fill the way real Fulcio derives it (GitHub:
 * https://github.com/{job_workflow_ref}; GitLab: https://{ci_config_ref_uri}).
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { RFC3161Timestamp } from '@sigstore/core';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
} from '@sigstore/mock';
import {
  HashAlgorithm,
  PublicKeyDetails,
  TrustedRoot,
  type CertificateAuthority,
  type TransparencyLogInstance,
} from '@sigstore/protobuf-specs';

type Handler = ReturnType<typeof fulcioHandler>;

export interface MockSigstore {
  /** http://127.0.0.1:PORT: Fulcio, Rekor and the TSA all answer here. */
  url: string;
  /** The trusted root of this instance, in JSON form. */
  trustedRoot: unknown;
  /** Writes the trusted root JSON into the directory and returns its path. */
  writeTrustedRoot(dir: string): Promise<string>;
  stop(): Promise<void>;
}

export interface MockOptions {
  /** The clock of the CA, log and TSA (default now): a past clock issues certificates that have expired. */
  clock?: Date;
}

const EPOCH = new Date(0);

function certificateAuthority(certificates: ArrayBufferView[], url: string): CertificateAuthority {
  return {
    subject: { commonName: 'sigstore', organization: 'sigstore.mock' },
    uri: url,
    certChain: {
      certificates: certificates.map((c) => ({
        rawBytes: Buffer.from(c.buffer, c.byteOffset, c.byteLength),
      })),
    },
    validFor: { start: EPOCH },
    operator: 'sigstore.mock',
  };
}

function logInstance(key: Buffer, url: string): TransparencyLogInstance {
  return {
    baseUrl: url,
    logId: { keyId: createHash('sha256').update(key).digest() },
    hashAlgorithm: HashAlgorithm.SHA2_256,
    publicKey: {
      rawBytes: key,
      keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
      validFor: { start: EPOCH },
    },
    checkpointKeyId: undefined,
    operator: 'sigstore.mock',
  };
}

/** Whether the TSA's signature over a timestamp verifies with its key. */
function validTimestamp(response: Buffer, key: KeyObject): boolean {
  try {
    const ts = RFC3161Timestamp.parse(Buffer.from(response)) as unknown as {
      verifySignature(k: KeyObject): void;
    };
    ts.verifySignature(key);
    return true;
  } catch {
    return false;
  }
}

/** The time with its milliseconds set to 123. */
function readable(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000 + 123);
}

/** A Date that reads as the current time (milliseconds 123) whenever the TSA asks it. */
function readableNow(): Date {
  return new Proxy(new Date(), {
    get(_target, prop) {
      const now = readable(new Date());
      const value: unknown = Reflect.get(now, prop);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(now) : value;
    },
  });
}

export async function startSigstore(options: MockOptions = {}): Promise<MockSigstore> {
  // The mock TSA (pkijs) writes GeneralizedTime fractions without trailing zeros ("…12.45Z"), which
  // @sigstore/core reads only with exactly three digits: the TSA's clock always has 123 milliseconds. Fulcio
  // and Rekor keep the given clock (default: the real time), so a timestamp is never earlier than the
  // certificate it covers.
  const tsaClock = options.clock ? readable(options.clock) : readableNow();
  const handlers = new Map<string, Handler['fn']>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fn = req.method === 'POST' ? handlers.get((req.url ?? '').split('?')[0] ?? '') : undefined;
      if (!fn) {
        res.writeHead(404).end();
        return;
      }
      fn(Buffer.concat(chunks).toString('utf8')).then(
        ({ statusCode, response, contentType }) => {
          res.writeHead(statusCode, contentType ? { 'content-type': contentType } : {});
          res.end(
            typeof response === 'string'
              ? response
              : Buffer.from(response.buffer, response.byteOffset, response.byteLength),
          );
        },
        (e: unknown) => res.writeHead(500).end(String(e)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(keyPair, options.clock);
  const ca = await initializeCA(keyPair, ctlog, options.clock);
  const tlog = await initializeTLog(url, keyPair, options.clock);
  const tsa = await initializeTSA(keyPair, tsaClock);
  for (const h of [fulcioHandler(ca, { subjectClaim: 'fulcio_san' }), rekorHandler(tlog)])
    handlers.set(h.path, h.fn);
  // The mock TSA now and then returns a timestamp whose signature does not verify (an encoding slip in the
  // mock, independent of shipgate): such answers are made again, so tests see what a real TSA returns.
  const timestamp = tsaHandler(tsa);
  handlers.set(timestamp.path, async (body) => {
    for (let attempt = 1; ; attempt++) {
      const answer = await timestamp.fn(body);
      if (
        attempt === 5 ||
        !Buffer.isBuffer(answer.response) ||
        validTimestamp(answer.response, keyPair.publicKey)
      )
        return answer;
    }
  });

  const root: TrustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [certificateAuthority([ca.rootCertificate], url)],
    ctlogs: [logInstance(ctlog.publicKey, url)],
    tlogs: [logInstance(tlog.publicKey, url)],
    timestampAuthorities: [certificateAuthority([tsa.intCertificate, tsa.rootCertificate], url)],
  };
  const trustedRoot = TrustedRoot.toJSON(root);
  return {
    url,
    trustedRoot,
    async writeTrustedRoot(dir) {
      const path = join(dir, 'trusted_root.json');
      await writeFile(path, JSON.stringify(trustedRoot));
      return path;
    },
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** An unsigned JWT (the Fulcio mock does not check signatures). */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.unsigned`;
}

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export interface GithubRun {
  repository: string;
  workflow?: string;
  ref?: string;
  sha?: string;
}

/** GitHub Actions ID token claims for a workflow run, with the SAN Fulcio derives from job_workflow_ref. */
export function githubClaims(run: GithubRun): Record<string, unknown> {
  const ref = run.ref ?? 'refs/heads/main';
  const workflowRef = `${run.repository}/.github/workflows/${run.workflow ?? 'release.yml'}@${ref}`;
  const sha = run.sha ?? 'a'.repeat(40);
  return {
    iss: GITHUB_ISSUER,
    aud: 'sigstore',
    sub: `repo:${run.repository}:ref:${ref}`,
    fulcio_san: `https://github.com/${workflowRef}`,
    repository: run.repository,
    repository_id: '123456',
    repository_owner: run.repository.split('/')[0],
    repository_owner_id: '654321',
    ref,
    sha,
    event_name: 'push',
    workflow: 'release',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: workflowRef,
    job_workflow_sha: sha,
    runner_environment: 'github-hosted',
    repository_visibility: 'public',
  };
}

export interface GitlabRun {
  project: string;
  server?: string;
  ref?: string;
}

/** GitLab CI ID token claims, with the SAN Fulcio derives from ci_config_ref_uri. */
export function gitlabClaims(run: GitlabRun): Record<string, unknown> {
  const server = run.server ?? 'https://gitlab.com';
  const ref = run.ref ?? 'main';
  const configRefUri = `${new URL(server).host}/${run.project}//.gitlab-ci.yml@refs/heads/${ref}`;
  return {
    iss: server,
    aud: 'sigstore',
    sub: `project_path:${run.project}:ref_type:branch:ref:${ref}`,
    fulcio_san: `https://${configRefUri}`,
    project_path: run.project,
    namespace_path: run.project.split('/')[0],
    ref,
    ref_type: 'branch',
    ci_config_ref_uri: configRefUri,
    pipeline_source: 'push',
    runner_environment: 'gitlab-hosted',
  };
}
