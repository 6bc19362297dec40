/**
 * Verification of the sigstore bundles stored for an image, or written next to a file. @sigstore/verify checks the cryptography
 * (signature, certificate chain, SCTs, transparency log, timestamps); the checks it leaves to its caller are
 * made here: the statement is about this very image (or file) digest, the payload is an in-toto statement, the signer
 * is the expected identity (exact issuer, exact or anchored subject) with the expected certificate
 * extensions, the required predicates are present, the approval approves, and the signature is recent enough.
 */
import {
  bundleFromJSON,
  isBundleWithCertificateChain,
  isBundleWithDsseEnvelope,
  type Bundle,
  type SerializedBundle,
} from '@sigstore/bundle';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { toSignedEntity, Verifier, VerificationError, type Signer } from '@sigstore/verify';
import type { SignerIdentity } from '../admission/identity';
import { ShipgateError } from '../core/errors';
import type { VerifyFailure } from '../core/predicates';
import { fulcioExtensions, type FulcioExtensionName, type FulcioExtensions } from './certificate';
import type { ApprovalPredicate } from './predicates/approval';
import { sha256Hex } from './statement';
import type { LoadedTrust } from './trust';
import { IN_TOTO_PAYLOAD_TYPE, IN_TOTO_STATEMENT_V1, PREDICATE, type Statement } from './types';
import { compareText } from '../core/order';

/** What the bundles must prove. Serializable from CLI flags. */
export interface VerifyExpectations {
  /** The image: its manifest digest, and optionally the host/repository the statements must name. */
  image?: { digest: string; repository?: string };
  /** Instead of an image, a file: the sha256 of its content (its name is reported, not required). */
  file?: { digest: string; name: string };
  /** Keyless bundles must come from this identity (admission's anchored identities). */
  identity?: SignerIdentity;
  /** Key-based bundles are accepted when signed by a trusted key (LoadedTrust.keyHints). */
  keys?: boolean;
  /** Certificate extensions that must have exactly these values (keyless only). */
  certificate?: FulcioExtensions;
  /** Predicate types that must each be present in at least one verified statement. */
  requiredPredicates?: string[];
  /**
   * The image is a multi-platform index listing these platform manifest digests: the approval must list
   * exactly them, each with its decision.
   */
  platforms?: readonly string[];
  /** Require the approval attestation to approve the image; `allowForced` accepts one signed with --force. */
  approval?: { required: boolean; allowForced?: boolean };
  /** Refuse signatures older than this many seconds (needs a transparency-log or TSA time). */
  maxAgeSeconds?: number;
  /** Key-based bundles without any transparency-log entry or timestamp (air-gapped signing). */
  allowUnwitnessedKeyBundles?: boolean;
  /** Keyless bundles may lack a transparency-log entry when they carry an RFC 3161 timestamp. */
  requireTlog?: boolean;
  /** The time of verification (default now). */
  now?: Date;
}

export type VerifiedSigner =
  | { kind: 'keyless'; issuer: string; subject: string; extensions: FulcioExtensions }
  | { kind: 'key'; hint: string };

export interface VerifiedStatement {
  predicateType: string;
  signer: VerifiedSigner;
  /** When the signature was witnessed (the earliest transparency-log or TSA time), ISO 8601. */
  time?: string;
  statement: Statement;
}

export interface RejectedBundle {
  /** Position in the list given to verifyBundles. */
  index: number;
  predicateType?: string;
  reason: string;
}

export interface VerifyReport {
  digest: string;
  verified: VerifiedStatement[];
  /** Bundles that did not verify, with the check that failed; they count for nothing. */
  rejected: RejectedBundle[];
  /** The approval that decided, when one was verified. */
  approval?: ApprovalPredicate;
}

/** What a rejected bundle failed: its signer, its age, or anything else (cryptography, format, subject). */
type BundleCheck = 'signer' | 'age' | 'invalid';

/** A failed check of one bundle; becomes a RejectedBundle. */
class BundleCheckError extends Error {
  constructor(
    message: string,
    readonly check: BundleCheck,
  ) {
    super(message);
  }
}

function fail(message: string, check: BundleCheck = 'invalid'): never {
  throw new BundleCheckError(message, check);
}

export type { VerifyFailure };

/** The VERIFY error verifyBundles throws, with the kind of failure and the report so far. */
export class VerificationFailed extends ShipgateError {
  constructor(
    message: string,
    readonly failure: VerifyFailure,
    readonly report: VerifyReport,
    subject: 'image' | 'file' = 'image',
  ) {
    super('VERIFY', message, {
      hint:
        subject === 'image'
          ? 'the image is not signed as required; do not deploy it'
          : 'the file is not signed as required, or changed since; do not use it',
    });
  }
}

/** A subject pattern is anchored whatever the user wrote: `a$|evil` must not admit "…evil…". */
function subjectMatcher(identity: SignerIdentity): (san: string) => boolean {
  if (identity.subject !== undefined) {
    const exact = identity.subject;
    return (san) => san === exact;
  }
  if (identity.subjectRegExp === undefined)
    throw new ShipgateError('USAGE', 'the expected identity has neither a subject nor a subject pattern');
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${identity.subjectRegExp})$`);
  } catch {
    throw new ShipgateError(
      'USAGE',
      `the subject pattern "${identity.subjectRegExp}" is not a valid regular expression`,
    );
  }
  // A pattern that accepts these accepts anyone's certificate: it pins nothing.
  for (const canary of ['', 'https://invalid.example/', 'x'])
    if (re.test(canary))
      throw new ShipgateError('USAGE', `the subject pattern "${identity.subjectRegExp}" accepts any signer`, {
        hint: 'remove the alternative that matches everything (such as |.*) and pin the repository and workflow',
      });
  return (san) => re.test(san);
}

const EXTENSION_LABEL: Record<FulcioExtensionName, string> = {
  issuer: 'issuer',
  buildSignerUri: 'build signer URI (workflow)',
  buildSignerDigest: 'build signer digest',
  runnerEnvironment: 'runner environment',
  sourceRepositoryUri: 'source repository URI',
  sourceRepositoryDigest: 'source repository commit',
  sourceRepositoryRef: 'source repository ref',
  sourceRepositoryId: 'source repository ID',
  sourceRepositoryOwnerUri: 'source repository owner URI',
  sourceRepositoryOwnerId: 'source repository owner ID',
  buildConfigUri: 'build config URI',
  buildConfigDigest: 'build config digest',
  buildTrigger: 'build trigger',
  runInvocationUri: 'run invocation URI',
  sourceRepositoryVisibility: 'source repository visibility',
};

const SIGSTORE_CHECK: Record<string, string> = {
  TLOG_BODY_ERROR: 'the transparency-log entry does not record this signature, payload and certificate',
  TLOG_INCLUSION_PROOF_ERROR: 'the transparency-log inclusion proof does not verify',
  TLOG_INCLUSION_PROMISE_ERROR: 'the transparency-log inclusion promise does not verify',
  TLOG_ERROR: 'the transparency-log entries do not meet the requirement',
  SIGNATURE_ERROR: 'the signature does not verify for the payload and signing key',
  CERTIFICATE_ERROR: 'the certificate does not chain to a trusted certificate authority at the signing time',
  TIMESTAMP_ERROR: 'the bundle lacks a verifiable timestamp',
  PUBLIC_KEY_ERROR: 'the signing key is not trusted at the signing time',
};

function sigstoreFailure(e: unknown): string {
  if (e instanceof VerificationError) return `${SIGSTORE_CHECK[e.code] ?? e.code} (${e.message})`;
  if (e instanceof ShipgateError) return e.message;
  return `sigstore verification failed: ${(e as Error).message}`;
}

/** A Buffer over its own ArrayBuffer, as @sigstore/core's parsers take. */
function copy(bytes: Uint8Array): Buffer<ArrayBuffer> {
  const out = Buffer.alloc(bytes.length);
  out.set(bytes);
  return out;
}

function witnessTimes(bundle: Bundle): Date[] {
  const times: Date[] = [];
  for (const entry of bundle.verificationMaterial.tlogEntries)
    if (entry.inclusionPromise) times.push(new Date(Number(entry.integratedTime) * 1000));
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [])
    try {
      times.push(RFC3161Timestamp.parse(copy(ts.signedTimestamp)).signingTime);
    } catch (e) {
      // e.g. a GeneralizedTime whose fraction has other than three digits, which @sigstore/core cannot read.
      fail(`its RFC 3161 timestamp cannot be read (${(e as Error).message})`);
    }
  return times;
}

function leafCertificate(bundle: Bundle): X509Certificate | undefined {
  const vm = bundle.verificationMaterial.content;
  if (vm.$case === 'certificate') return X509Certificate.parse(copy(vm.certificate.rawBytes));
  if (isBundleWithCertificateChain(bundle)) {
    const first = bundle.verificationMaterial.content.x509CertificateChain.certificates[0];
    return first ? X509Certificate.parse(copy(first.rawBytes)) : undefined;
  }
  return undefined;
}

function parseStatement(bundle: Bundle): Statement {
  if (!isBundleWithDsseEnvelope(bundle))
    fail('not a DSSE bundle: only signed in-toto statements are verified here');
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    fail(`payloadType is "${envelope.payloadType}", not ${IN_TOTO_PAYLOAD_TYPE}`);
  let statement: Statement;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as Statement;
  } catch {
    fail('the payload is not JSON');
  }
  if (statement._type !== IN_TOTO_STATEMENT_V1)
    fail(`the payload is not an in-toto v1 statement (_type "${String(statement._type)}")`);
  if (!Array.isArray(statement.subject) || typeof statement.predicateType !== 'string')
    fail('the statement has no subject list or predicateType');
  return statement;
}

/** What the statements must be about, from the expectations: an image or a file, by digest. */
interface Subject {
  digest: string;
  kind: 'image' | 'file';
  /** How messages name it: the image's digest, the file's name and digest. */
  label: string;
  repository?: string;
}

function subjectOf(expect: VerifyExpectations): Subject {
  const { image, file } = expect;
  if ((image === undefined) === (file === undefined))
    throw new ShipgateError('INTERNAL', 'verification expects exactly one subject, an image or a file');
  if (file) return { digest: file.digest, kind: 'file', label: `${file.name} (${file.digest})` };
  const { digest, repository } = image!;
  return { digest, kind: 'image', label: digest, ...(repository !== undefined ? { repository } : {}) };
}

function checkSubject(statement: Statement, subject: Subject): void {
  const hex = sha256Hex(subject.digest);
  const match = statement.subject.find((s) => s.digest?.sha256 === hex);
  if (!match) {
    const named = statement.subject.map((s) => `${s.name}@sha256:${s.digest?.sha256 ?? '?'}`).join(', ');
    fail(`the statement is about ${named || 'nothing'}, not the ${subject.kind} ${subject.label}`);
  }
  if (subject.repository !== undefined && match.name !== subject.repository)
    fail(`the statement names the repository ${match.name}, not ${subject.repository}`);
}

interface Checks {
  trust: LoadedTrust;
  expect: VerifyExpectations;
  subject: Subject;
  matchSubject?: (san: string) => boolean;
  now: Date;
}

function checkKeylessSigner(signer: Signer, checks: Checks): VerifiedSigner {
  const { identity, certificate } = checks.expect;
  if (!identity || !checks.matchSubject)
    fail('signed keyless, but only key-based signatures are expected', 'signer');
  const issuer = signer.identity?.extensions?.issuer ?? '';
  const san = signer.identity?.subjectAlternativeName ?? '';
  if (issuer !== identity.issuer)
    fail(`the certificate issuer is "${issuer}", not "${identity.issuer}"`, 'signer');
  if (!checks.matchSubject(san))
    fail(
      `the certificate identity "${san}" is not ${identity.subject ?? `one matching ${identity.subjectRegExp ?? ''}`}`,
      'signer',
    );
  const extensions = fulcioExtensions(signer.identity?.oids);
  for (const [name, want] of Object.entries(certificate ?? {}) as [FulcioExtensionName, string][]) {
    const got = extensions[name];
    if (got !== want)
      fail(`the certificate ${EXTENSION_LABEL[name]} is "${got ?? '(absent)'}", not "${want}"`, 'signer');
  }
  return { kind: 'keyless', issuer, subject: san, extensions };
}

function verifyOne(serialized: SerializedBundle, checks: Checks): VerifiedStatement {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(serialized);
  } catch (e) {
    fail(`not a valid sigstore bundle: ${(e as Error).message}`);
  }
  const statement = parseStatement(bundle);
  checkSubject(statement, checks.subject);
  const keyless = bundle.verificationMaterial.content.$case !== 'publicKey';
  const times = witnessTimes(bundle);
  const tlogs = bundle.verificationMaterial.tlogEntries.length;
  if (keyless && times.length === 0) {
    const cert = leafCertificate(bundle);
    if (cert && checks.now > cert.notAfter)
      fail(
        `the certificate expired at ${cert.notAfter.toISOString()} and no transparency-log entry or timestamp proves the signature was made before`,
      );
    fail(
      'keyless signature without a transparency-log entry or timestamp: nothing proves it was made while its short-lived certificate was valid',
    );
  }
  if (!keyless && !checks.expect.keys)
    fail('signed with a key, but only keyless signatures are expected', 'signer');
  const unwitnessed = !keyless && times.length === 0 && tlogs === 0;
  if (unwitnessed && !checks.expect.allowUnwitnessedKeyBundles)
    fail(
      'key-based signature without a transparency-log entry or timestamp (allow unwitnessed key bundles to accept it)',
    );
  const verifier = new Verifier(checks.trust.material, {
    ctlogThreshold: keyless ? 1 : 0,
    // Every entry present is verified whatever the threshold; key-based bundles may rely on a TSA alone.
    tlogThreshold: keyless && checks.expect.requireTlog !== false ? 1 : 0,
    timestampThreshold: unwitnessed ? 0 : 1,
  });
  let signer: Signer;
  try {
    signer = verifier.verify(toSignedEntity(bundle));
  } catch (e) {
    // The one VERIFY error trust material throws: a key-based bundle signed by a key that is not trusted.
    fail(sigstoreFailure(e), e instanceof ShipgateError && e.code === 'VERIFY' ? 'signer' : 'invalid');
  }
  const verifiedSigner: VerifiedSigner = keyless
    ? checkKeylessSigner(signer, checks)
    : {
        kind: 'key',
        hint:
          bundle.verificationMaterial.content.$case === 'publicKey'
            ? bundle.verificationMaterial.content.publicKey.hint
            : '',
      };
  const earliest = times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : undefined;
  const { maxAgeSeconds } = checks.expect;
  if (maxAgeSeconds !== undefined) {
    if (!earliest)
      fail(
        'a maximum age is required and the signature carries no transparency-log or timestamp time',
        'age',
      );
    const age = (checks.now.getTime() - earliest.getTime()) / 1000;
    if (age > maxAgeSeconds)
      fail(`signed at ${earliest.toISOString()}, more than ${maxAgeSeconds} s ago`, 'age');
  }
  return {
    predicateType: statement.predicateType,
    signer: verifiedSigner,
    ...(earliest ? { time: earliest.toISOString() } : {}),
    statement,
  };
}

function predicateTypeOf(serialized: SerializedBundle): string | undefined {
  try {
    const payload = serialized.dsseEnvelope?.payload;
    if (!payload) return undefined;
    const type = (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { predicateType?: unknown })
      .predicateType;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

function verifyError(
  message: string,
  report: VerifyReport,
  failure: VerifyFailure,
  subject: Subject,
): VerificationFailed {
  const rejected = report.rejected.map(
    (r) => `bundle ${r.index + 1}${r.predicateType ? ` (${r.predicateType})` : ''}: ${r.reason}`,
  );
  return new VerificationFailed([message, ...rejected].join('; '), failure, report, subject.kind);
}

/** The failure the rejected bundles (of one predicate type, if given) point at: age, then signer, then the rest. */
function rejectedFailure(
  report: VerifyReport,
  checks: readonly BundleCheck[],
  predicateType?: string,
): VerifyFailure | undefined {
  const failed = new Set(
    checks.filter(
      (_, i) => predicateType === undefined || report.rejected[i]!.predicateType === predicateType,
    ),
  );
  // A bundle is checked for its signer before its age: too old means the right signer, signed long ago.
  if (failed.has('age')) return 'too-old';
  if (failed.has('signer')) return 'wrong-signer';
  if (failed.has('invalid')) return 'invalid';
  return undefined;
}

/**
 * An index's approval names every platform the index lists and no other: a platform added to the index
 * after the scan, or one left out of it, was never approved as part of this index.
 */
function checkPlatforms(
  approval: ApprovalPredicate,
  listed: readonly string[],
  report: VerifyReport,
  subject: Subject,
): void {
  const approved = Array.isArray(approval.platforms) ? approval.platforms : [];
  const named = new Set(approved.map((p) => p.digest));
  const missing = listed.filter((d) => !named.has(d));
  const extra = [...named].filter((d) => !listed.includes(d));
  if (!approved.length || missing.length || extra.length)
    throw verifyError(
      approved.length
        ? `the approval attestation of the index does not list the platforms the index lists (${[
            ...missing.map((d) => `not approved: ${d}`),
            ...extra.map((d) => `not in the index: ${d}`),
          ].join(', ')})`
        : 'the approval attestation does not list the platforms of this multi-platform index',
      report,
      'invalid',
      subject,
    );
  const refused = approved.filter((p) => p.approved !== true);
  if (refused.length && approval.forced !== true)
    throw verifyError(
      `the approval attestation says the policy did not approve ${refused.map((p) => `${String(p.platform)} (${p.digest})`).join(', ')}`,
      report,
      'not-approved',
      subject,
    );
}

function checkApproval(report: VerifyReport, expect: VerifyExpectations, subject: Subject): void {
  const approvals = report.verified
    .filter((v) => v.predicateType === PREDICATE.approval)
    .sort((a, b) => compareText(b.time ?? '', a.time ?? ''));
  const newest = approvals[0];
  if (!newest) {
    if (expect.approval?.required)
      throw verifyError(
        `no verified approval attestation (${PREDICATE.approval})`,
        report,
        'no-approval',
        subject,
      );
    return;
  }
  const approval = newest.statement.predicate as ApprovalPredicate;
  report.approval = approval;
  if (!expect.approval?.required) return;
  if (approval.image?.digest !== subject.digest)
    throw verifyError(
      `the approval attestation is about ${String(approval.image?.digest)}, not ${subject.digest}`,
      report,
      'invalid',
      subject,
    );
  if (expect.platforms) checkPlatforms(approval, expect.platforms, report, subject);
  if (approval.approved === true && approval.forced === false) return;
  if (approval.forced === true) {
    if (expect.approval.allowForced) return;
    throw verifyError(
      'the approval attestation says the image was signed with --force although the policy did not approve it',
      report,
      'forced',
      subject,
    );
  }
  const blocking = Array.isArray(approval.decision?.blocking)
    ? approval.decision.blocking.map((r) => r.message).join('; ')
    : '';
  throw verifyError(
    `the approval attestation says the policy did not approve the image${blocking ? ` (${blocking})` : ''}`,
    report,
    'not-approved',
    subject,
  );
}

/**
 * Verifies every bundle against the expectations. Bundles that fail a check are listed as rejected; the
 * result is a VERIFY error unless at least one statement verified, every required predicate type is among
 * the verified statements, and the approval (when required) approves.
 */
export function verifyBundles(
  bundles: readonly SerializedBundle[],
  trust: LoadedTrust,
  expect: VerifyExpectations,
): VerifyReport {
  const subject = subjectOf(expect);
  sha256Hex(subject.digest);
  if (!expect.identity && !expect.keys)
    throw new ShipgateError('USAGE', 'verification needs an expected identity (keyless) or trusted keys');
  const checks: Checks = {
    trust,
    expect,
    subject,
    now: expect.now ?? new Date(),
    ...(expect.identity ? { matchSubject: subjectMatcher(expect.identity) } : {}),
  };
  const report: VerifyReport = { digest: subject.digest, verified: [], rejected: [] };
  const failedChecks: BundleCheck[] = [];
  bundles.forEach((bundle, index) => {
    try {
      report.verified.push(verifyOne(bundle, checks));
    } catch (e) {
      if (!(e instanceof BundleCheckError)) throw e;
      const predicateType = predicateTypeOf(bundle);
      report.rejected.push({ index, ...(predicateType ? { predicateType } : {}), reason: e.message });
      failedChecks.push(e.check);
    }
  });
  if (report.verified.length === 0)
    throw bundles.length
      ? verifyError(
          `no bundle verified for ${subject.label}`,
          report,
          rejectedFailure(report, failedChecks) ?? 'invalid',
          subject,
        )
      : verifyError(`no signature or attestation found for ${subject.label}`, report, 'unsigned', subject);
  for (const type of expect.requiredPredicates ?? [])
    if (!report.verified.some((v) => v.predicateType === type))
      throw verifyError(
        `no verified ${type} statement`,
        report,
        rejectedFailure(report, failedChecks, type) ??
          (type === PREDICATE.approval ? 'no-approval' : 'missing-predicate'),
        subject,
      );
  checkApproval(report, expect, subject);
  return report;
}
