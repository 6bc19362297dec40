/**
 * A minimal TUF repository on loopback that distributes one target, `trusted_root.json`, the way the
 * public-good sigstore TUF repository does: root, timestamp, snapshot and targets metadata (version 1, no
 * consistent snapshots) signed by one ed25519 key. It lets tools that only take their trusted root through
 * TUF (`sigstore verify`) trust a local sigstore.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface TufRepository {
  /** The mirror URL (metadata at its root, targets under /targets). */
  url: string;
  /** The initial root.json a client starts from. */
  rootPath: string;
  stop(): Promise<void>;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Canonical JSON as TUF signs it (sorted keys, no whitespace); enough for this ASCII-only metadata. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export async function startTufRepository(trustedRoot: unknown, dir: string): Promise<TufRepository> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const key: Json = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } };
  const keyid = createHash('sha256').update(canonical(key)).digest('hex');
  const common = { spec_version: '1.0.31', version: 1, expires: '2100-01-01T00:00:00Z' };
  const signed = (body: { [key: string]: Json }): Buffer => {
    const data = { ...common, ...body };
    const sig = sign(null, Buffer.from(canonical(data)), privateKey).toString('hex');
    return Buffer.from(JSON.stringify({ signed: data, signatures: [{ keyid, sig }] }));
  };
  const role = { keyids: [keyid], threshold: 1 };
  const target = Buffer.from(JSON.stringify(trustedRoot));
  const files = new Map<string, Buffer>();
  files.set(
    '/1.root.json',
    signed({
      _type: 'root',
      consistent_snapshot: false,
      keys: { [keyid]: key },
      roles: { root: role, timestamp: role, snapshot: role, targets: role },
    }),
  );
  files.set('/timestamp.json', signed({ _type: 'timestamp', meta: { 'snapshot.json': { version: 1 } } }));
  files.set('/snapshot.json', signed({ _type: 'snapshot', meta: { 'targets.json': { version: 1 } } }));
  files.set(
    '/targets.json',
    signed({
      _type: 'targets',
      targets: {
        'trusted_root.json': {
          length: target.length,
          hashes: { sha256: createHash('sha256').update(target).digest('hex') },
        },
      },
    }),
  );
  files.set('/targets/trusted_root.json', target);

  mkdirSync(dir, { recursive: true });
  const rootPath = join(dir, 'root.json');
  writeFileSync(rootPath, files.get('/1.root.json')!);
  const server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (body) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rootPath,
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
