/** A pull request comment that is updated in place: found by a hidden marker, edited, else created. */
import { logger } from '../../core/logger';
import { describeFailure, gitHubError, type GitHubClient, type HttpFailure } from './client';
import type { GitHubContext } from './context';

/** GitHub rejects comment bodies over 65536 characters. */
const MAX_COMMENT_CHARS = 65_000;

export function commentMarker(category: string): string {
  return `<!-- shipgate:${category.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

export interface CommentOutcome {
  action: 'created' | 'updated' | 'skipped';
  id?: number;
  url?: string;
  warning?: string;
}

interface IssueComment {
  id: number;
  body?: string | null;
  html_url?: string;
}

export async function upsertPrComment(
  client: GitHubClient,
  ctx: GitHubContext,
  category: string,
  markdown: string,
): Promise<CommentOutcome> {
  const pr = ctx.pullRequest;
  if (!pr) return { action: 'skipped', warning: 'pr-comment: not a pull request event, no comment written' };
  const marker = commentMarker(category);
  let body = `${marker}\n${markdown}`;
  if (body.length > MAX_COMMENT_CHARS)
    body = `${body.slice(0, MAX_COMMENT_CHARS - 80)}\n\n… (cut to fit GitHub's comment size; see the job summary)`;
  const { octokit } = client;
  try {
    const comments = (await client.call('list pull request comments', () =>
      octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: ctx.owner,
        repo: ctx.repo,
        issue_number: pr.number,
        per_page: 100,
      }),
    )) as IssueComment[];
    const previous = comments.find((c) => c.body?.includes(marker));
    if (previous) {
      const res = await client.call('update pull request comment', () =>
        octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          owner: ctx.owner,
          repo: ctx.repo,
          comment_id: previous.id,
          body,
        }),
      );
      const data = res.data as IssueComment;
      return { action: 'updated', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
    }
    const res = await client.call('create pull request comment', () =>
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: ctx.owner,
        repo: ctx.repo,
        issue_number: pr.number,
        body,
      }),
    );
    const data = res.data as IssueComment;
    return { action: 'created', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
  } catch (e) {
    const f = e as HttpFailure;
    if (f.status === 403 || f.status === 404) {
      const warning = `pr-comment: cannot write the pull request comment (${describeFailure(f)})${
        ctx.isFork
          ? ': pull requests from forks get a read-only token'
          : '; give the job `permissions: pull-requests: write`'
      }`;
      logger().warn(warning);
      return { action: 'skipped', warning };
    }
    throw gitHubError('pull request comment', e);
  }
}
