/**
 * Signer identities exactly as Fulcio writes them into keyless certificates, turned into anchored regular
 * expressions for admission controllers. Both Kyverno and policy-controller compare the certificate's SAN
 * case-sensitively with Go's regexp (RE2), so every literal is escaped and the case given is kept as is.
 */
import { ShipgateError } from '../core/errors';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const DEFAULT_GITLAB_SERVER = 'https://gitlab.com';
export const DEFAULT_GITLAB_CI_CONFIG = '.gitlab-ci.yml';
/** Any branch or tag (not pull or merge request refs) when no ref is given. */
const ANY_BRANCH_OR_TAG = 'refs/(?:heads|tags)/[^@]+';

export interface SignerIdentity {
  issuer: string;
  /** Anchored RE2-compatible regular expression for the certificate SAN; absent when `subject` is exact. */
  subjectRegExp?: string;
  /** Exact SAN, when the user asked for an exact match. */
  subject?: string;
  /** A SAN this identity accepts, shown in comments and docs; absent for explicit identities. */
  example?: string;
}

export interface GithubIdentityInput {
  /** owner/repo, exactly as GitHub spells it. */
  repository: string;
  /** Workflow file, e.g. `.github/workflows/release.yml` or `release.yml`; any workflow when absent. */
  workflow?: string;
  /** Exact ref, e.g. `refs/heads/main`. */
  ref?: string;
  /** Regular expression for the ref, e.g. `refs/tags/v[0-9]+.*`. */
  refPattern?: string;
}

export interface GitlabIdentityInput {
  /** group/project (subgroups allowed), exactly as GitLab spells it. */
  project: string;
  /** GitLab server URL (the OIDC issuer), default https://gitlab.com. */
  server?: string;
  /** CI configuration path, default `.gitlab-ci.yml`. */
  ciConfig?: string;
  ref?: string;
  refPattern?: string;
}

export interface ExplicitIdentityInput {
  issuer: string;
  subjectRegExp?: string;
  subject?: string;
}

/** Escapes every character a regular expression (JavaScript or RE2) treats specially. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function usage(message: string, hint?: string): ShipgateError {
  return new ShipgateError('USAGE', message, hint === undefined ? {} : { hint });
}

function compiles(re: string): boolean {
  try {
    new RegExp(re);
    return true;
  } catch {
    return false;
  }
}

function refRegExp(flag: string, ref: string | undefined, refPattern: string | undefined): string {
  if (ref !== undefined && refPattern !== undefined)
    throw usage(`${flag}: give --ref or --ref-pattern, not both`);
  if (ref !== undefined) {
    if (!/^refs\/(?:heads|tags)\/[^@\s]+$/.test(ref))
      throw usage(
        `--ref: "${ref}" is not a full branch or tag ref`,
        'write refs/heads/BRANCH or refs/tags/TAG',
      );
    return escapeRegExp(ref);
  }
  if (refPattern !== undefined) {
    if (/^\^|\$$/.test(refPattern))
      throw usage('--ref-pattern: leave out ^ and $', 'the pattern is anchored for you');
    if (refPattern === '' || !compiles(refPattern))
      throw usage(`--ref-pattern: "${refPattern}" is not a valid regular expression`);
    return `(?:${refPattern})`;
  }
  return ANY_BRANCH_OR_TAG;
}

function httpsUrl(flag: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`${flag}: "${value}" is not a URL`, 'use the form https://host');
  }
  if (url.protocol !== 'https:') throw usage(`${flag}: "${value}" must use https`);
  return url;
}

/** Keeps the example SAN only when it is one the regexp accepts (a --ref-pattern may exclude it). */
function withExample(issuer: string, subjectRegExp: string, example: string): SignerIdentity {
  return new RegExp(subjectRegExp).test(example)
    ? { issuer, subjectRegExp, example }
    : { issuer, subjectRegExp };
}

const GITHUB_REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;

/**
 * GitHub Actions: Fulcio's SAN is `https://github.com/{job_workflow_ref}`, i.e.
 * `https://github.com/OWNER/REPO/.github/workflows/FILE@REF` (the workflow that ran the signing job).
 */
export function githubIdentity(input: GithubIdentityInput): SignerIdentity {
  const repo = input.repository.trim();
  if (!GITHUB_REPO.test(repo) || repo.endsWith('/.') || repo.endsWith('/..'))
    throw usage(`--github-repository: "${input.repository}" is not OWNER/REPO`, 'for example acme/app');
  let file: string | undefined;
  if (input.workflow !== undefined) {
    file = input.workflow
      .trim()
      .replace(/^\.\//, '')
      .replace(/^\.github\/workflows\//, '');
    if (!WORKFLOW_FILE.test(file))
      throw usage(
        `--workflow: "${input.workflow}" is not a workflow file`,
        'give .github/workflows/NAME.yml (workflows live directly in that directory)',
      );
  }
  const ref = refRegExp('--github-repository', input.ref, input.refPattern);
  const prefix = `https://github.com/${repo}/.github/workflows/`;
  const workflowRe = file === undefined ? '[^/@]+' : escapeRegExp(file);
  return withExample(
    GITHUB_ISSUER,
    `^${escapeRegExp(prefix)}${workflowRe}@${ref}$`,
    `${prefix}${file ?? 'release.yml'}@${input.ref ?? 'refs/heads/main'}`,
  );
}

const GITLAB_PROJECT = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)+$/;

/**
 * GitLab CI: the issuer is the GitLab server URL and Fulcio's SAN is `https://{ci_config_ref_uri}`, i.e.
 * `https://gitlab.com/GROUP/PROJECT//.gitlab-ci.yml@REF` (note the double slash before the config path).
 */
export function gitlabIdentity(input: GitlabIdentityInput): SignerIdentity {
  const project = input.project.trim().replace(/^\/+|\/+$/g, '');
  if (!GITLAB_PROJECT.test(project) || project.split('/').some((s) => s === '.' || s === '..'))
    throw usage(`--gitlab-project: "${input.project}" is not GROUP/PROJECT`, 'for example acme/app');
  const url = httpsUrl('--gitlab-server', input.server ?? DEFAULT_GITLAB_SERVER);
  const server = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const ciConfig = (input.ciConfig ?? DEFAULT_GITLAB_CI_CONFIG).trim().replace(/^\.?\//, '');
  if (ciConfig === '' || ciConfig.includes('@') || ciConfig.split('/').includes('..'))
    throw usage(`--gitlab-ci-config: "${input.ciConfig ?? ''}" is not a path in the repository`);
  const ref = refRegExp('--gitlab-project', input.ref, input.refPattern);
  const prefix = `${server}/${project}//${ciConfig}@`;
  return withExample(server, `^${escapeRegExp(prefix)}${ref}$`, `${prefix}${input.ref ?? 'refs/heads/main'}`);
}

/** An identity given as issuer plus subject regexp (anchored) or exact subject. */
export function explicitIdentity(input: ExplicitIdentityInput): SignerIdentity {
  // Kept verbatim: the issuer is compared with the token's `iss` claim as a string.
  httpsUrl('--issuer', input.issuer);
  const keepIssuer = input.issuer;
  if ((input.subjectRegExp === undefined) === (input.subject === undefined))
    throw usage('--issuer needs exactly one of --subject-regexp or --subject');
  if (input.subject !== undefined) {
    if (input.subject.trim() === '') throw usage('--subject: empty');
    return { issuer: keepIssuer, subject: input.subject };
  }
  const re = input.subjectRegExp ?? '';
  if (!re.startsWith('^') || !re.endsWith('$') || re.endsWith('\\$'))
    throw usage(
      `--subject-regexp: "${re}" is not anchored`,
      'start it with ^ and end it with $, or any SAN containing a match is admitted',
    );
  if (!compiles(re)) throw usage(`--subject-regexp: "${re}" is not a valid regular expression`);
  return { issuer: keepIssuer, subjectRegExp: re };
}
