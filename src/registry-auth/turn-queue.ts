/**
 * Runs request handlers a batch at a time, one batch per turn of the event loop, in arrival order.
 *
 * libuv (since 1.45, so in every supported Node.js) accepts one connection per turn of the loop. A server that
 * answers every ready request in the turn that reads it makes each turn as long as a round of its keep-alive
 * clients: under a burst, a new connection then waits for hundreds of milliseconds in the kernel's accept queue
 * before its first request is read. Here a turn runs at most `batch` handlers, and none while connections are
 * still being accepted (so the loop turns quickly and takes them all in), for at most `maxAcceptMs` at a time:
 * a flood of connections slows answers down but never stops them.
 */
export interface TurnQueueOptions {
  /** Handlers run per turn of the loop: a new connection waits at most this many answers to be accepted. */
  batch?: number;
  /** The longest the loop turns without answering while connections keep arriving. */
  maxAcceptMs?: number;
  /** Clock in ms (default `performance.now`). */
  now?: () => number;
  /** Runs a function in the next turn of the loop (default `setImmediate`). */
  nextTurn?: (fn: () => void) => void;
}

export class TurnQueue {
  private readonly batch: number;
  private readonly maxAcceptMs: number;
  private readonly now: () => number;
  private readonly nextTurn: (fn: () => void) => void;
  private jobs: ((() => void) | undefined)[] = [];
  private head = 0;
  private scheduled = false;
  private accepted = false;
  /** When the current run of turns that only accept began. */
  private acceptingSince: number | undefined;

  constructor(options: TurnQueueOptions = {}) {
    this.batch = Math.max(1, options.batch ?? 32);
    this.maxAcceptMs = options.maxAcceptMs ?? 20;
    this.now = options.now ?? (() => performance.now());
    this.nextTurn = options.nextTurn ?? ((fn) => setImmediate(fn));
  }

  /** Handlers waiting for their turn. */
  get size(): number {
    return this.jobs.length - this.head;
  }

  /** Call from the server's `connection` event: a connection was accepted in this turn. */
  connectionAccepted(): void {
    this.accepted = true;
  }

  /** Queues a handler; `run` must not throw. */
  push(run: () => void): void {
    this.jobs.push(run);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // An immediate runs after this turn's I/O; one set from within it runs in the next turn, after the loop
    // has polled (and accepted) again.
    this.nextTurn(this.drain);
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    let acceptOnly = false;
    if (this.accepted) {
      const now = this.now();
      this.acceptingSince ??= now;
      acceptOnly = now - this.acceptingSince < this.maxAcceptMs;
    }
    if (!acceptOnly) this.acceptingSince = undefined;
    this.accepted = false;
    for (let n = acceptOnly ? 0 : this.batch; n > 0 && this.head < this.jobs.length; n--) {
      const run = this.jobs[this.head]!;
      // Released at once: a handler's request and response are not held until the queue empties.
      this.jobs[this.head++] = undefined;
      run();
    }
    if (this.head === this.jobs.length) {
      this.jobs = [];
      this.head = 0;
    } else {
      if (this.head > 1024) {
        this.jobs = this.jobs.slice(this.head);
        this.head = 0;
      }
      this.schedule();
    }
  };
}
