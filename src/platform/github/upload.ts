/**
 * Uploads SARIF to GitHub code scanning (REST "Upload an analysis as SARIF data") and waits for it to be
 * processed. The log is first fitted into GitHub's limits; missing permissions and disabled code
 * scanning are warnings, not failures, so a fork pull request still gets its summary and gate.
 */
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { limitForGitHub, type SarifLimits } from '../../report/sarif';
import { describeFailure, gitHubError, type GitHubClient, type HttpFailure } from './client';
import { uploadTargetProblems, type GitHubContext } from './context';

export interface UploadOptions {
  /** When the analysis started (ISO 8601). */
  startedAt?: string;
  /** Wait until GitHub has processed the upload (default true). */
  wait?: boolean;
  /** Delay between status checks (default 3 s) and how many checks at most (default 20). */
  pollIntervalMs?: number;
  maxPolls?: number;
  /** Overrides of GitHub's SARIF limits (for GitHub Enterprise Server instances configured differently). */
  limits?: Partial<SarifLimits>;
}

type UploadStatus = 'complete' | 'pending' | 'skipped';

export interface UploadOutcome {
  status: UploadStatus;
  sarifId?: string;
  /** The API URL of the upload status. */
  url?: string;
  /** Lines to show as warnings: trimming, skipped uploads and why. */
  warnings: string[];
  /** The log as uploaded (after trimming). */
  uploaded?: Log;
  gzipBytes?: number;
}

interface SarifReceipt {
  id?: string;
  url?: string;
}

interface SarifStatus {
  processing_status?: 'pending' | 'complete' | 'failed';
  analyses_url?: string | null;
  errors?: string[] | null;
}

export async function uploadSarif(
  client: GitHubClient,
  ctx: GitHubContext,
  log: Log,
  options: UploadOptions = {},
): Promise<UploadOutcome> {
  const out = logger();
  const problems = uploadTargetProblems(ctx);
  if (problems.length)
    throw new ShipgateError('INPUT', `cannot upload SARIF: ${problems.join('; ')}`, {
      hint: 'run in a GitHub Actions workflow triggered by push, pull_request, merge_group or workflow_dispatch',
    });

  const limited = limitForGitHub(log, options.limits);
  const warnings = [...limited.warnings];
  for (const w of limited.warnings) out.warn(w);
  const gz = gzipSync(Buffer.from(JSON.stringify(limited.log)));

  const body: Record<string, string | boolean> = {
    commit_sha: ctx.sha,
    ref: ctx.ref,
    sarif: gz.toString('base64'),
    checkout_uri: pathToFileURL(ctx.workspace).href,
    tool_name: 'shipgate',
  };
  if (options.startedAt) body.started_at = options.startedAt.replace(/\.\d+Z$/, 'Z');

  let receipt: SarifReceipt;
  try {
    const res = await client.call('code scanning upload', () =>
      client.octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
        owner: ctx.owner,
        repo: ctx.repo,
        ...body,
      } as never),
    );
    receipt = res.data as SarifReceipt;
  } catch (e) {
    const skipped = skipReason(e as HttpFailure, ctx);
    if (skipped) {
      out.warn(skipped);
      return { status: 'skipped', warnings: [...warnings, skipped] };
    }
    throw gitHubError('code scanning upload', e, uploadHint(e as HttpFailure));
  }
  const id = receipt.id;
  out.info(`SARIF uploaded to ${ctx.ref} at ${ctx.sha.slice(0, 12)} (id ${id ?? 'unknown'})`);
  const base: UploadOutcome = {
    status: 'pending',
    warnings,
    uploaded: limited.log,
    gzipBytes: gz.length,
    ...(id ? { sarifId: id } : {}),
    ...(receipt.url ? { url: receipt.url } : {}),
  };
  if (options.wait === false || !id) return base;
  return waitForProcessing(client, ctx, id, base, options);
}

async function waitForProcessing(
  client: GitHubClient,
  ctx: GitHubContext,
  id: string,
  base: UploadOutcome,
  options: UploadOptions,
): Promise<UploadOutcome> {
  const interval = options.pollIntervalMs ?? 3000;
  const maxPolls = options.maxPolls ?? 20;
  for (let i = 0; i < maxPolls; i++) {
    await new Promise((r) => setTimeout(r, interval));
    let status: SarifStatus;
    try {
      const res = await client.call('code scanning upload status', () =>
        client.octokit.request('GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}', {
          owner: ctx.owner,
          repo: ctx.repo,
          sarif_id: id,
        }),
      );
      status = res.data as SarifStatus;
    } catch (e) {
      // Right after an upload the status can be missing for a moment.
      if ((e as HttpFailure).status === 404 && i < maxPolls - 1) continue;
      throw gitHubError('code scanning upload status', e);
    }
    if (status.processing_status === 'complete') {
      logger().info('code scanning finished processing the upload');
      return { ...base, status: 'complete' };
    }
    if (status.processing_status === 'failed') {
      const errors = (status.errors ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
      throw new ShipgateError(
        'GITHUB_API',
        `code scanning rejected the SARIF upload ${id}: ${errors.length ? errors.join('; ') : 'processing failed without details'}`,
      );
    }
  }
  const w = `code scanning is still processing upload ${id} after ${Math.round((interval * maxPolls) / 1000)} s; results will appear when it finishes`;
  logger().warn(w);
  return { ...base, warnings: [...base.warnings, w] };
}

/** Failures that mean "this run cannot upload" rather than "something broke": a warning, then carry on. */
function skipReason(f: HttpFailure, ctx: GitHubContext): string | undefined {
  const detail = describeFailure(f);
  if (f.status === 403) {
    if (ctx.isFork)
      return `SARIF not uploaded: pull requests from forks get a read-only token that cannot write code scanning results (${detail}). The findings are in the job summary and the SARIF file.`;
    return `SARIF not uploaded: the token cannot write code scanning results (${detail}). Give the job \`permissions: security-events: write\` (and \`contents: read\`), or use a token with the security_events scope.`;
  }
  if (f.status === 404)
    return `SARIF not uploaded: code scanning is not enabled for this repository, or the token cannot see it (${detail}). Enable code scanning (Settings → Code security), or set upload-sarif: false.`;
  return undefined;
}

function uploadHint(f: HttpFailure): string | undefined {
  if (f.status === 413)
    return 'the SARIF file is too large even after trimming; scan fewer targets per upload';
  if (f.status === 400 || f.status === 422)
    return 'GitHub rejected the request; check the SARIF file and the ref/commit of the run';
  return undefined;
}
