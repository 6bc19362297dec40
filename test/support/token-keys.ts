/**
 * Keys and certificates for the registry token service, made with openssl as an operator would (node:crypto
 * cannot create certificates): a P-256 key with its self-signed certificate, RSA and Ed25519 ones, a leaf
 * signed by a CA (chain files in both orders) and a SEC1 (non-PKCS#8) key.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_KEY_TOOLS = ['openssl'];

export interface TokenKeys {
  dir: string;
  ecKey: string;
  ecCert: string;
  rsaKey: string;
  rsaCert: string;
  edKey: string;
  edCert: string;
  caCert: string;
  leafKey: string;
  /** [leaf, ca] */
  leafChain: string;
  /** [ca, leaf] */
  reversedChain: string;
  sec1Key: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function selfSigned(dir: string, key: string, cert: string, cn: string): void {
  openssl(dir, ['req', '-new', '-x509', '-key', key, '-subj', `/CN=${cn}`, '-days', '3650', '-out', cert]);
}

export function makeTokenKeys(dir: string): TokenKeys {
  const ec = ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl(dir, ['genpkey', ...ec, '-out', 'ec.key']);
  selfSigned(dir, 'ec.key', 'ec.crt', 'registry-token');
  openssl(dir, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.key']);
  selfSigned(dir, 'rsa.key', 'rsa.crt', 'registry-token-rsa');
  openssl(dir, ['genpkey', '-algorithm', 'ED25519', '-out', 'ed.key']);
  selfSigned(dir, 'ed.key', 'ed.crt', 'registry-token-ed25519');
  openssl(dir, ['genpkey', ...ec, '-out', 'ca.key']);
  selfSigned(dir, 'ca.key', 'ca.crt', 'registry-token-ca');
  openssl(dir, ['genpkey', ...ec, '-out', 'leaf.key']);
  openssl(dir, ['req', '-new', '-key', 'leaf.key', '-subj', '/CN=registry-token-leaf', '-out', 'leaf.csr']);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '3650',
    '-out',
    'leaf.crt',
  ]);
  const leaf = readFileSync(join(dir, 'leaf.crt'), 'utf8');
  const ca = readFileSync(join(dir, 'ca.crt'), 'utf8');
  writeFileSync(join(dir, 'leaf-chain.crt'), leaf + ca);
  writeFileSync(join(dir, 'reversed-chain.crt'), ca + leaf);
  openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'sec1.key']);
  const p = (f: string) => join(dir, f);
  return {
    dir,
    ecKey: p('ec.key'),
    ecCert: p('ec.crt'),
    rsaKey: p('rsa.key'),
    rsaCert: p('rsa.crt'),
    edKey: p('ed.key'),
    edCert: p('ed.crt'),
    caCert: p('ca.crt'),
    leafKey: p('leaf.key'),
    leafChain: p('leaf-chain.crt'),
    reversedChain: p('reversed-chain.crt'),
    sec1Key: p('sec1.key'),
  };
}
