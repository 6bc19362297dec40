/**
 * Real sigstore bundles for storage tests, made in-process: an ECDSA P-256 key, a Fulcio-style leaf
 * certificate from @sigstore/mock's CA, @sigstore/sign's bundle builders, a transparency-log witness that
 * signs a SET over the entry as Rekor does, and an RFC 3161 timestamp from @sigstore/mock's TSA.
 */
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import { initializeCA, initializeTSA } from '@sigstore/mock';
import {
  DSSEBundleBuilder,
  MessageSignatureBundleBuilder,
  type SignatureBundle,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import { IN_TOTO_PAYLOAD_TYPE, IN_TOTO_STATEMENT_V1, type Statement } from '../../src/sign/types';

export interface TestSigner {
  /** PEM leaf certificate. */
  certificate: string;
  /** DER root certificate of the CA that issued it. */
  root: Buffer;
  dsse(statement: Statement): Promise<SerializedBundle>;
  message(payload: Buffer): Promise<SerializedBundle>;
}

function pem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function ecdsa(key: KeyObject, data: Buffer): Buffer {
  return createSign('sha256').update(data).sign(key);
}

/** A Rekor v1 stand-in: a log entry with integrated time, index, log ID and a SET signed by the log key. */
function tlogWitness(): Witness {
  const log = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const logId = createHash('sha256')
    .update(log.publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
  let index = 1000;
  return {
    testify: (content: SignatureBundle) => {
      const body = Buffer.from(
        JSON.stringify({
          apiVersion: '0.0.1',
          kind: content.$case === 'dsseEnvelope' ? 'dsse' : 'hashedrekord',
          spec: { digest: createHash('sha256').update(JSON.stringify(content)).digest('hex') },
        }),
      );
      const logIndex = index++;
      const integratedTime = Math.floor(Date.now() / 1000);
      const set = ecdsa(
        log.privateKey,
        Buffer.from(
          JSON.stringify({
            body: body.toString('base64'),
            integratedTime,
            logID: logId.toString('hex'),
            logIndex,
          }),
        ),
      );
      return Promise.resolve({
        tlogEntries: [
          {
            logIndex: String(logIndex),
            logId: { keyId: logId },
            kindVersion: {
              kind: content.$case === 'dsseEnvelope' ? 'dsse' : 'hashedrekord',
              version: '0.0.1',
            },
            integratedTime: String(integratedTime),
            inclusionPromise: { signedEntryTimestamp: set },
            inclusionProof: undefined,
            canonicalizedBody: body,
          },
        ],
      });
    },
  };
}

async function tsaWitness(): Promise<Witness> {
  const tsa = await initializeTSA(generateKeyPairSync('ec', { namedCurve: 'P-384' }));
  return {
    testify: async (content: SignatureBundle) => {
      const signature =
        content.$case === 'dsseEnvelope'
          ? content.dsseEnvelope.signatures[0]!.sig
          : content.messageSignature.signature;
      const ts = await tsa.timestamp({
        artifactHash: createHash('sha256').update(signature).digest(),
        hashAlgorithmOID: '2.16.840.1.101.3.4.2.1',
        nonce: randomBytes(4).readUInt32BE(),
        policyOID: '1.2.3.4',
        certReq: true,
      });
      return {
        rfc3161Timestamps: [{ signedTimestamp: Buffer.from(ts.buffer, ts.byteOffset, ts.byteLength) }],
      };
    },
  };
}

export async function testSigner(
  identity = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
): Promise<TestSigner> {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ca = await initializeCA(generateKeyPairSync('ec', { namedCurve: 'P-384' }));
  const spki = key.publicKey.export({ type: 'spki', format: 'der' });
  const leaf = await ca.issueCertificate({ publicKey: new Uint8Array(spki), subjectAltName: identity });
  const certificate = pem(Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength));
  const signer: Signer = {
    sign: (data: Buffer) =>
      Promise.resolve({
        signature: ecdsa(key.privateKey, data),
        key: { $case: 'x509Certificate', certificate },
      }),
  };
  const witnesses = [tlogWitness(), await tsaWitness()];
  const dsse = new DSSEBundleBuilder({ signer, witnesses });
  const message = new MessageSignatureBundleBuilder({ signer, witnesses });
  const root = ca.rootCertificate;
  return {
    certificate,
    root: Buffer.from(root.buffer, root.byteOffset, root.byteLength),
    dsse: async (statement) =>
      bundleToJSON(
        await dsse.create({ data: Buffer.from(JSON.stringify(statement)), type: IN_TOTO_PAYLOAD_TYPE }),
      ),
    message: async (payload) => bundleToJSON(await message.create({ data: payload })),
  };
}

/** An in-toto statement about `digest` with a small predicate. */
export function statement(digest: string, predicateType: string, predicate: unknown = {}): Statement {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: 'image', digest: { sha256: digest.replace(/^sha256:/, '') } }],
    predicateType,
    predicate,
  };
}
