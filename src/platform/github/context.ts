/**
 * The GitHub Actions run context, read from the environment and the event payload file. Pure apart from
 * reading the payload file and the checked-out commit, which callers can pass in.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ShipgateError } from '../../core/errors';

interface PullRequestInfo {
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  baseSha?: string;
  /** owner/name of the head repository; differs from the base for a fork. */
  headRepo?: string;
  mergeCommitSha?: string;
}

export interface GitHubContext {
  eventName: string;
  owner: string;
  repo: string;
  /** owner/name */
  repository: string;
  /** REST API base URL (GITHUB_API_URL; GHES: https://host/api/v3). */
  apiUrl: string;
  serverUrl: string;
  workspace: string;
  runId?: string;
  /** The ref code scanning results are filed under (refs/heads/…, refs/pull/N/merge or /head, refs/tags/…). */
  ref: string;
  /** The 40-hex commit the results belong to. */
  sha: string;
  pullRequest?: PullRequestInfo;
  /** A pull request from a fork: the token is read-only and secrets are absent. */
  isFork: boolean;
  /** The upload ref/sha pair was derived from a head checkout (refs/pull/N/head). */
  headCheckout: boolean;
}

interface EventPayload {
  pull_request?: {
    number?: number;
    merge_commit_sha?: string | null;
    head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
    base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
  };
  merge_group?: { head_sha?: string; head_ref?: string };
  repository?: { full_name?: string };
}

export interface ContextOptions {
  /** The payload (default: read from GITHUB_EVENT_PATH). */
  payload?: EventPayload;
  /** The commit checked out in the workspace (default: `git rev-parse HEAD` there, when git works). */
  workspaceHead?: string | null;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * Reads the run context.
 *
 * Which ref and commit to upload under (docs.github.com, "Events that trigger workflows" → pull_request:
 * "GITHUB_SHA for this event is the last merge commit of the pull request merge branch", GITHUB_REF is
 * refs/pull/<n>/merge; REST "Upload an analysis as SARIF data": `ref` may be refs/pull/<n>/merge or
 * refs/pull/<n>/head, `commit_sha` is the commit the analysis relates to). The pair must describe the code
 * that was scanned, as github/codeql-action does (src/git-utils.ts getRef/getCommitOid):
 * - pull_request: refs/pull/N/merge with GITHUB_SHA (the merge commit) — the default checkout;
 *   when the workspace has the PR head checked out instead, refs/pull/N/head with the head SHA.
 * - pull_request_target: GITHUB_REF/GITHUB_SHA are the base branch; when the workspace has the PR head
 *   (or the merge commit) checked out, refs/pull/N/head (or /merge) with that SHA.
 * - push, merge_group, workflow_dispatch, schedule, release: GITHUB_REF with GITHUB_SHA.
 */
export function readGitHubContext(
  env: NodeJS.ProcessEnv = process.env,
  options: ContextOptions = {},
): GitHubContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  if (!owner || !repo)
    throw new ShipgateError('INPUT', 'GITHUB_REPOSITORY is not set: not running in GitHub Actions?', {
      hint: 'run the action in a GitHub Actions workflow, or set GITHUB_REPOSITORY=owner/name',
    });
  const payload = options.payload ?? readPayload(env.GITHUB_EVENT_PATH);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  let ref = env.GITHUB_REF ?? '';
  let sha = (env.GITHUB_SHA ?? '').toLowerCase();

  const pr = payload.pull_request;
  let pullRequest: PullRequestInfo | undefined;
  let isFork = false;
  let headCheckout = false;
  if (
    pr &&
    typeof pr.number === 'number' &&
    (eventName === 'pull_request' || eventName === 'pull_request_target')
  ) {
    pullRequest = {
      number: pr.number,
      headSha: (pr.head?.sha ?? '').toLowerCase(),
      headRef: pr.head?.ref ?? '',
      baseRef: pr.base?.ref ?? '',
      ...(pr.base?.sha ? { baseSha: pr.base.sha.toLowerCase() } : {}),
      ...(pr.head?.repo?.full_name ? { headRepo: pr.head.repo.full_name } : {}),
      ...(pr.merge_commit_sha ? { mergeCommitSha: pr.merge_commit_sha.toLowerCase() } : {}),
    };
    const baseRepo = pr.base?.repo?.full_name ?? repository;
    // A deleted fork has head.repo null: still a fork.
    isFork =
      pr.head?.repo === null ||
      (!!pullRequest.headRepo && pullRequest.headRepo.toLowerCase() !== baseRepo.toLowerCase());
    const head = options.workspaceHead === undefined ? gitHead(workspace) : options.workspaceHead;
    const n = pullRequest.number;
    if (eventName === 'pull_request') {
      if (!ref.startsWith('refs/pull/')) ref = `refs/pull/${n}/merge`;
      if (head && head === pullRequest.headSha && head !== sha) {
        ref = `refs/pull/${n}/head`;
        sha = head;
        headCheckout = true;
      }
    } else if (head && head === pullRequest.headSha) {
      ref = `refs/pull/${n}/head`;
      sha = head;
      headCheckout = true;
    } else if (head && head === pullRequest.mergeCommitSha) {
      ref = `refs/pull/${n}/merge`;
      sha = head;
    }
  }
  if (!sha && eventName === 'merge_group' && payload.merge_group?.head_sha)
    sha = payload.merge_group.head_sha.toLowerCase();

  return {
    eventName,
    owner,
    repo,
    repository,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    workspace,
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
    ref,
    sha,
    ...(pullRequest ? { pullRequest } : {}),
    isFork,
    headCheckout,
  };
}

/** Problems that make a code scanning upload impossible, as one line each (empty when fine). */
export function uploadTargetProblems(ctx: GitHubContext): string[] {
  const out: string[] = [];
  if (!SHA.test(ctx.sha)) out.push(`commit SHA "${ctx.sha}" is not a 40-character hex SHA (GITHUB_SHA)`);
  if (!/^refs\/(heads|tags)\/.+|^refs\/pull\/\d+\/(merge|head)$/.test(ctx.ref))
    out.push(`ref "${ctx.ref}" is not refs/heads/…, refs/tags/… or refs/pull/<n>/merge|head (GITHUB_REF)`);
  return out;
}

function readPayload(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return data && typeof data === 'object' ? (data as EventPayload) : {};
  } catch (e) {
    throw new ShipgateError('INPUT', `cannot read the event payload ${path}: ${(e as Error).message}`);
  }
}

function gitHead(workspace: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return SHA.test(out) ? out : null;
  } catch {
    return null;
  }
}
