/**
 * One error class for everything shipgate reports to a user. The front doors turn it into a one-line
 * message and an exit code; anything that is not a ShipgateError is an internal error (exit 3).
 */
import { oneLine } from './text';

export { oneLine };
export type ErrorCode =
  | 'USAGE' // bad flags or arguments
  | 'INPUT' // a file or value given by the user is unusable
  | 'NOT_FOUND' // a file, image or tag does not exist
  | 'DOCKERFILE_PARSE' // the Dockerfile cannot be parsed
  | 'CONFIG_INVALID' // shipgate.yaml (or another config) fails validation
  | 'IMAGE_FORMAT' // an image archive, manifest, tar or blob is malformed or truncated
  | 'PATH_ESCAPE' // a path or link in an image escapes the image root
  | 'DIGEST_MISMATCH' // content does not match its digest
  | 'UNSUPPORTED' // a valid input shipgate cannot handle (media type, platform, ...)
  | 'AUTH' // credentials missing or refused
  | 'REGISTRY' // a registry answered with an error
  | 'NETWORK' // a remote service could not be reached or kept failing
  | 'VULN_DB' // the vulnerability database is missing, corrupt or stale
  | 'GITHUB_API' // the GitHub API refused a request
  | 'GUARD' // the CI job's identity could not be established, or a push was refused
  | 'TIMEOUT' // the whole scan ran past its deadline (--timeout)
  | 'LIMIT' // an image exceeds a size, ratio, entry-count or path-length bound
  | 'SIGN' // signing, attesting or attaching to the registry could not be completed
  | 'VERIFY' // a signature or attestation is missing, invalid, or not from the expected identity
  | 'INTERNAL'; // a bug

/** Exit codes shared by the CLI, the GitHub Action and the GitLab component. */
export const EXIT = {
  OK: 0,
  POLICY_FAILED: 1,
  INPUT_ERROR: 2,
  INTERNAL_ERROR: 3,
  REMOTE_ERROR: 4,
} as const;

/**
 * Parses a user-given exit code for "refused by policy" (trivy's `--exit-code`): an integer 0-255.
 * 0 lets a refused scan pass the job; the decision and reports still say it was refused.
 */
export function parseExitCode(v: string, what = '--exit-code'): number {
  const s = v.trim();
  const n = Number(s);
  if (!/^\d{1,3}$/.test(s) || n > 255)
    throw new ShipgateError('USAGE', `${what}: invalid exit code "${v}"`, {
      hint: `use a number from 0 to 255 (default ${EXIT.POLICY_FAILED})`,
    });
  return n;
}

// A scan past its deadline is usually a slow registry or runner: worth retrying, like a remote failure.
const REMOTE_CODES: ReadonlySet<ErrorCode> = new Set([
  'NETWORK',
  'REGISTRY',
  'GITHUB_API',
  'TIMEOUT',
  'SIGN',
]);

export interface ShipgateErrorOptions {
  /** What the user can do about it, shown after the message. */
  hint?: string;
  cause?: unknown;
  /** The exit code when the user chose one for this refusal (--exit-code); otherwise it follows the code. */
  exitCode?: number;
}

export class ShipgateError extends Error {
  override readonly name = 'ShipgateError';
  readonly code: ErrorCode;
  readonly hint?: string;
  private readonly chosenExit?: number;

  constructor(code: ErrorCode, message: string, options: ShipgateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.hint !== undefined) this.hint = options.hint;
    if (options.exitCode !== undefined) this.chosenExit = options.exitCode;
  }

  get exitCode(): number {
    if (this.chosenExit !== undefined) return this.chosenExit;
    if (this.code === 'INTERNAL') return EXIT.INTERNAL_ERROR;
    // A failed verification is a refusal, like a policy failure: the image must not be trusted.
    if (this.code === 'VERIFY') return EXIT.POLICY_FAILED;
    if (REMOTE_CODES.has(this.code)) return EXIT.REMOTE_ERROR;
    return EXIT.INPUT_ERROR;
  }
}

export function isShipgateError(e: unknown): e is ShipgateError {
  return e instanceof ShipgateError;
}

/** Wraps any thrown value as a ShipgateError, keeping ShipgateErrors as they are. */
export function toShipgateError(e: unknown): ShipgateError {
  if (e instanceof ShipgateError) return e;
  const err = e as NodeJS.ErrnoException | undefined;
  if (err && typeof err === 'object' && typeof err.code === 'string') {
    if (err.code === 'ENOENT')
      return new ShipgateError('NOT_FOUND', `${err.path ?? 'file'}: no such file or directory`, { cause: e });
    if (err.code === 'EACCES' || err.code === 'EPERM')
      return new ShipgateError('INPUT', `${err.path ?? 'file'}: permission denied`, { cause: e });
    if (err.code === 'EISDIR')
      return new ShipgateError('INPUT', `${err.path ?? 'path'}: is a directory`, { cause: e });
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(err.code))
      return new ShipgateError(
        'NETWORK',
        `network error: ${err.code}${err.message ? ` (${oneLine(err.message)})` : ''}`,
        {
          cause: e,
        },
      );
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ShipgateError('INTERNAL', `internal error: ${oneLine(message)}`, { cause: e });
}

/** The one line a front door prints for an error. */
export function formatError(e: ShipgateError): string {
  const base = `shipgate: error [${e.code}]: ${oneLine(e.message)}`;
  return e.hint ? `${base} (hint: ${oneLine(e.hint)})` : base;
}
