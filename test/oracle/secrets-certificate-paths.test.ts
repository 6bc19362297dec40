/**
 * Regression for a miss the Trivy secrets oracle found: certificate stores and certificate files were skipped
 * outright, so a private key placed among certificates (a combined certificate + key bundle in /etc/ssl/certs,
 * a `.crt` that also holds the key) went unreported. They are now searched for key material only.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding';
import { isCertificatePath, isSkippedPath, secretsAnalyzer } from '../../src/secrets/index';
import { feedDir } from '../support/feed';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const b62 = (n: number): string => [...randomBytes(n)].map((b) => B62[b % 62]).join('');
const certBlock = (): string =>
  `-----BEGIN CERTIFICATE-----\n${randomBytes(600)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

describe('secrets in certificate stores and certificate files', () => {
  let root: string;
  let token: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sg-certs-'));
    token = `ghp_${b62(36)}`;
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    const files: Record<string, string> = {
      'etc/ssl/certs/haproxy.pem': `${certBlock()}${key}`,
      'etc/ssl/certs/ca-certificates.crt': `${certBlock()}${certBlock()}`,
      'usr/share/ca-certificates/local/site.crt': `${certBlock()}${key}`,
      'opt/app/tls/server.crt': `${certBlock()}${key}`,
      'opt/app/tls/server.csr': `# requested with token=${token}\n${certBlock()}`,
      // A token in a certificate file is not key material: certificate paths are searched for keys only.
      'etc/pki/tls/certs/notes.crt': `# GITHUB_TOKEN=${token}\n${certBlock()}`,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('classifies certificate paths apart from skipped paths', () => {
    for (const p of ['/etc/ssl/certs/a.pem', '/usr/share/ca-certificates/mozilla/X.crt', '/srv/x.cer']) {
      expect(isCertificatePath(p)).toBe(true);
      expect(isSkippedPath(p)).toBe(false);
    }
    expect(isCertificatePath('/etc/ssl/private/key.pem')).toBe(false);
    expect(isSkippedPath('/usr/share/doc/openssl/README')).toBe(true);
  });

  it('reports private keys among certificates, and nothing else there', async () => {
    const [findings] = (await feedDir([secretsAnalyzer()], root)) as [Finding[]];
    expect(findings.map((f) => [f.image?.path, f.ruleId]).sort()).toEqual([
      ['/etc/ssl/certs/haproxy.pem', 'SG-SEC-023'],
      ['/opt/app/tls/server.crt', 'SG-SEC-023'],
      ['/usr/share/ca-certificates/local/site.crt', 'SG-SEC-023'],
    ]);
  });

  it('searches certificate paths for every kind without the default skips', async () => {
    const [findings] = (await feedDir([secretsAnalyzer({ noDefaultSkips: true })], root)) as [Finding[]];
    const tokens = findings.filter((f) => f.ruleId === 'SG-SEC-003').map((f) => f.image?.path);
    expect(tokens.sort()).toEqual(['/etc/pki/tls/certs/notes.crt', '/opt/app/tls/server.csr']);
  });
});
