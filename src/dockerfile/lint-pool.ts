/**
 * Lints many Dockerfiles on several cores: worker threads (lint-worker.ts) and this thread take batches of
 * files from one queue until it is empty, and the results come back in input order, exactly as
 * `lintDockerfiles` gives them on one thread. A few files, one core, or a run from the sources (where the
 * worker script is not built) lint on this thread alone.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { ShipgateError, toShipgateError, type ErrorCode } from '../core/errors';
import { lintDockerfiles, type DockerfileLintOptions } from './lint';

type LintInput = { path: string; content: string };
type LintResult = Awaited<ReturnType<typeof lintDockerfiles>>[number];

export interface BatchRequest {
  batch: number;
  inputs: LintInput[];
}

type BatchError = { code: ErrorCode; message: string; hint?: string };

export type BatchReply =
  { ready: true } | { batch: number; results: LintResult[] } | { batch: number; error: BatchError };

/** A batch's failure as plain data, the same whichever thread linted it. */
export function batchError(e: unknown): BatchError {
  const err = toShipgateError(e);
  return { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
}

/** Below this many files per thread, starting a worker (loading the linter again) costs more than it saves. */
export const FILES_PER_WORKER = 24;
const MAX_WORKERS = 3;
/** Batches per thread: small enough to balance a late-starting worker, large enough to batch ShellCheck. */
const BATCHES_PER_THREAD = 4;

/**
 * How many worker threads to start for `files` files: SHIPGATE_LINT_WORKERS when set (0 turns them off),
 * else one per two cores beyond the first two, at most one per FILES_PER_WORKER files beyond the first
 * thread's share. A linting thread keeps about one and a half cores busy (V8 compiles and collects garbage
 * on threads of its own), so on two cores a worker only competes with the main thread: measured, it cost a
 * third more CPU time for no gain in wall time.
 */
export function workerCount(
  files: number,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  const set = env.SHIPGATE_LINT_WORKERS;
  if (set !== undefined && set !== '') {
    if (!/^\d+$/.test(set))
      throw new ShipgateError('USAGE', `SHIPGATE_LINT_WORKERS=${set} is not a number`, {
        hint: 'set a whole number of worker threads (0 lints on one thread)',
      });
    return Math.min(Number(set), Math.max(0, files - 1));
  }
  return Math.max(
    0,
    Math.min(Math.floor(cores / 2) - 1, MAX_WORKERS, Math.floor(files / FILES_PER_WORKER) - 1),
  );
}

/** The built worker script beside this module, if there is one. */
function workerScript(): string | undefined {
  const path = fileURLToPath(new URL('./lint-worker.js', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Lints `inputs` like `lintDockerfiles`, on as many threads as `workerCount` allows. */
export async function lintDockerfilesParallel(
  inputs: readonly LintInput[],
  options: DockerfileLintOptions = {},
  script: string | undefined = workerScript(),
): Promise<LintResult[]> {
  const workers = script ? workerCount(inputs.length) : 0;
  if (workers === 0) return lintDockerfiles(inputs, options);

  const size = Math.max(1, Math.ceil(inputs.length / ((workers + 1) * BATCHES_PER_THREAD)));
  const batches: LintInput[][] = [];
  for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size));
  const replies: (Exclude<BatchReply, { ready: true }> | undefined)[] = batches.map(() => undefined);
  let next = 0;
  const take = (): number | undefined => (next < batches.length ? next++ : undefined);

  const onWorker = (worker: Worker): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const send = (): void => {
        const batch = take();
        if (batch === undefined) resolve();
        else worker.postMessage({ batch, inputs: batches[batch]! } satisfies BatchRequest);
      };
      worker.on('message', (reply: BatchReply) => {
        if (!('ready' in reply)) replies[reply.batch] = reply;
        send();
      });
      worker.once('error', (e) =>
        reject(new ShipgateError('INTERNAL', `a lint worker thread failed: ${e.message}`, { cause: e })),
      );
      worker.once('exit', (code) =>
        reject(new ShipgateError('INTERNAL', `a lint worker thread stopped early (exit code ${code})`)),
      );
    });

  // Loaded here: most lints run on this thread alone.
  const { Worker } = await import('node:worker_threads');
  const pool = Array.from({ length: workers }, () => new Worker(script!, { workerData: options }));
  try {
    const here = (async () => {
      for (let batch = take(); batch !== undefined; batch = take()) {
        try {
          replies[batch] = { batch, results: await lintDockerfiles(batches[batch]!, options) };
        } catch (e) {
          // Kept, not thrown: the first failing batch in input order decides the error, as on one thread.
          replies[batch] = { batch, error: batchError(e) };
        }
        // Lets the workers' replies in, so they get their next batch without waiting for this thread.
        await new Promise<void>((r) => setImmediate(r));
      }
    })();
    await Promise.all([here, ...pool.map(onWorker)]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }

  const results: LintResult[] = [];
  for (const reply of replies) {
    if (!reply) throw new ShipgateError('INTERNAL', 'a batch of Dockerfiles was never linted');
    if ('error' in reply)
      throw new ShipgateError(reply.error.code, reply.error.message, {
        ...(reply.error.hint ? { hint: reply.error.hint } : {}),
      });
    results.push(...reply.results);
  }
  return results;
}
