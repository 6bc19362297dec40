import { createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { libtrustKeyId, loadSigningKey } from '../../../src/registry-auth/signing-key';
import { signRegistryToken } from '../../../src/registry-auth/token';
import { makeTokenKeys, TOKEN_KEY_TOOLS, type TokenKeys } from '../../support/token-keys';
import { describeWithTools } from '../../support/tools';

describe('libtrust key id', () => {
  it("reproduces the distribution docs' example kid (docs/spec/auth/jwt.md)", () => {
    const key = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: 'm7zUpx3b-zmVE5cymSs64POG9QcyEpJaYCD82-549_Q',
        y: 'dU3biz8sZ_8GPB-odm8Wxz3lNDr1xcAQQPQaOcr1fmc',
      },
      format: 'jwk',
    });
    expect(libtrustKeyId(key)).toBe('PYYO:TEWU:V7JH:26JV:AQTZ:LJC3:SXVJ:XGHA:34F2:2LAQ:ZRMK:Z7Q6');
  });
});

function b64urlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describeWithTools('registry token signing key and token shape', TOKEN_KEY_TOOLS, () => {
  let keys: TokenKeys;
  beforeAll(() => {
    keys = makeTokenKeys(mkdtempSync(join(tmpdir(), 'shipgate-rauth-keys-')));
  });
  afterAll(() => rmSync(keys.dir, { recursive: true, force: true }));

  function refusal(key: string, cert: string): ShipgateError {
    try {
      loadSigningKey(key, cert);
    } catch (e) {
      expect(e).toBeInstanceOf(ShipgateError);
      expect((e as ShipgateError).message).not.toContain('\n');
      return e as ShipgateError;
    }
    throw new Error('expected the key to be refused');
  }

  it('loads a P-256 key as ES256 and an RSA key as RS256', () => {
    const ec = loadSigningKey(keys.ecKey, keys.ecCert);
    expect(ec.alg).toBe('ES256');
    expect(ec.x5c).toHaveLength(1);
    expect(ec.kid).toMatch(/^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/);
    expect(loadSigningKey(keys.rsaKey, keys.rsaCert).alg).toBe('RS256');
  });

  it('refuses Ed25519 (docker-registry 2.8 panics on it), SEC1 keys, mismatches and wrong chain order', () => {
    const ed = refusal(keys.edKey, keys.edCert);
    expect(ed.code).toBe('UNSUPPORTED');
    expect(ed.message).toMatch(/ed25519 key, which docker-registry 2\.8 cannot verify/);
    expect(refusal(keys.sec1Key, keys.ecCert).message).toMatch(/not a PKCS#8 PEM private key/);
    expect(refusal(keys.ecKey, keys.rsaCert).message).toMatch(/first certificate in .* is not for the key/);
    expect(refusal(keys.leafKey, keys.reversedChain).message).toMatch(/first certificate/);
    const missing = refusal(join(keys.dir, 'none.key'), keys.ecCert);
    expect(missing.code).toBe('NOT_FOUND');
    expect(refusal(keys.ecKey, keys.ecKey).message).toMatch(/holds no PEM certificate/);
  });

  it('signs the token distribution 2.8.2 accepts: x5c leaf first, libtrust kid, string aud, integer times', async () => {
    const key = loadSigningKey(keys.leafKey, keys.leafChain);
    const now = new Date('2026-12-02T10:00:00.500Z');
    const issued = signRegistryToken(key, {
      issuer: 'shipgate-registry-auth',
      service: 'registry.example.com',
      subject: 'repo:team/app:ref:refs/heads/main',
      access: [{ type: 'repository', name: 'team/app', actions: ['pull', 'push'] }],
      lifetimeS: 300,
      now,
    });
    expect(issued.expiresIn).toBe(300);
    expect(issued.issuedAt).toBe('2026-12-02T10:00:00.000Z');
    const [h, p, sig] = issued.token.split('.') as [string, string, string];
    const header = b64urlJson(h);
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: key.kid, x5c: key.x5c });
    const x5c = header.x5c as string[];
    // Standard base64 (not base64url) DER; the signing certificate first, then the CA.
    for (const c of x5c) expect(c).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const leaf = new X509Certificate(Buffer.from(x5c[0]!, 'base64'));
    const ca = new X509Certificate(Buffer.from(x5c[1]!, 'base64'));
    expect(leaf.subject).toBe('CN=registry-token-leaf');
    expect(ca.subject).toBe('CN=registry-token-ca');
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(libtrustKeyId(leaf.publicKey)).toBe(key.kid);

    const payload = b64urlJson(p);
    const iat = Math.floor(now.getTime() / 1000);
    expect(payload).toEqual({
      iss: 'shipgate-registry-auth',
      sub: 'repo:team/app:ref:refs/heads/main',
      aud: 'registry.example.com',
      iat,
      nbf: iat - 10,
      exp: iat + 300,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      access: [{ type: 'repository', name: 'team/app', actions: ['pull', 'push'] }],
    });
    for (const t of ['iat', 'nbf', 'exp']) expect(Number.isInteger(payload[t])).toBe(true);
    // ES256 signatures are raw r||s (64 bytes), as libtrust expects, not DER.
    expect(Buffer.from(sig, 'base64url')).toHaveLength(64);
    expect(decodeProtectedHeader(issued.token).alg).toBe('ES256');
    const cert = await importX509(
      readFileSync(keys.leafChain, 'utf8').split(/(?<=-----END CERTIFICATE-----)/)[0]!,
      'ES256',
    );
    await expect(
      jwtVerify(issued.token, cert, { currentDate: now, audience: 'registry.example.com' }),
    ).resolves.toBeTruthy();
  });

  it('RS256 tokens verify against the RSA certificate', async () => {
    const key = loadSigningKey(keys.rsaKey, keys.rsaCert);
    const issued = signRegistryToken(key, {
      issuer: 'i',
      service: 's',
      subject: '',
      access: [],
      lifetimeS: 60,
    });
    expect(decodeProtectedHeader(issued.token).alg).toBe('RS256');
    const cert = await importX509(readFileSync(keys.rsaCert, 'utf8'), 'RS256');
    const { payload } = await jwtVerify(issued.token, cert);
    expect(payload.access).toEqual([]);
    expect(payload.sub).toBe('');
  });
});
