/**
 * `registry-auth --workers N`: N worker processes (node:cluster) share the listening socket, each running
 * the same server with the same configuration and signing key, read from the same files. The primary only
 * supervises: it writes every worker's log lines (so the audit trail is one JSON line per decision, from one
 * writer, whatever the number of workers), adds up their counters for /metrics, replaces a worker that dies,
 * and stops them all on SIGTERM. A burst of token requests is then answered on every core instead of one.
 */
import cluster, { type Worker } from 'node:cluster';
import { createHash } from 'node:crypto';
import { ShipgateError } from '../core/errors';
import { logger, type LogLevel, type LogSink } from '../core/logger';
import type { RegistryAuthConfig } from './config';
import { Metrics, type MetricsSnapshot } from './metrics';
import type { SigningKey } from './signing-key';

/** How long /metrics waits for every worker's counters. */
const METRICS_TIMEOUT_MS = 2_000;
/** How long the workers get to finish the requests in flight on shutdown (the server's own grace is 10 s). */
const STOP_GRACE_MS = 12_000;
/** A worker that dies is replaced after this pause, so a crash loop does not spin. */
const RESTART_DELAY_MS = 1_000;

/** The messages between the primary and its workers. */
type Message =
  | { shipgate: 'log'; lines: [LogLevel, string][] }
  | { shipgate: 'metrics?'; id: number }
  | { shipgate: 'metrics'; id: number; text?: string; error?: string }
  | { shipgate: 'snapshot?'; id: number }
  | { shipgate: 'snapshot'; id: number; snapshot: MetricsSnapshot }
  | { shipgate: 'stop' };

function isMessage(m: unknown): m is Message {
  return typeof m === 'object' && m !== null && typeof (m as { shipgate?: unknown }).shipgate === 'string';
}

/** Where the primary tells its workers what it loaded. */
const FINGERPRINT_ENV = 'SHIPGATE_REGISTRY_AUTH_FINGERPRINT';

/** The configuration and signing key a process loaded, as one hash. */
function fingerprint(config: RegistryAuthConfig, key: SigningKey): string {
  return createHash('sha256')
    .update(JSON.stringify(config))
    .update(`\u0000${key.alg}\u0000${key.kid}\u0000${key.x5c.join(',')}`)
    .digest('hex');
}

/**
 * In a worker: refuses to serve with another configuration or key than the primary loaded at start (the files
 * changed since, and this worker replaces one that died): every worker signs with the same key.
 */
export function checkSameService(config: RegistryAuthConfig, key: SigningKey): void {
  const expected = process.env[FINGERPRINT_ENV];
  if (expected !== undefined && expected !== fingerprint(config, key))
    throw new ShipgateError(
      'CONFIG_INVALID',
      'registry-auth: the configuration or signing key changed since the service started; this worker does not serve',
      { hint: 'restart the service to serve the new configuration and key with every worker' },
    );
}

/** This process's worker number when it is a worker of `--workers`, else undefined. */
export const workerId = (): number | undefined => cluster.worker?.id;

/**
 * In a worker: the log sink that hands its lines to the primary, which writes them. The lines of one turn of
 * the event loop (a burst's audit lines) go in one message, in order.
 */
export function primarySink(): LogSink {
  let queued: [LogLevel, string][] = [];
  const flush = () => {
    const lines = queued;
    queued = [];
    process.send?.({ shipgate: 'log', lines } satisfies Message);
  };
  return {
    write(level, line) {
      if (queued.length === 0) setImmediate(flush);
      queued.push([level, line]);
    },
  };
}

export interface WorkerLink {
  /** /metrics: every worker's counters added up by the primary. */
  metricsText(): Promise<string>;
  /** Calls `stop` when the primary asks this worker to stop. */
  onStop(stop: () => void): void;
  /** Lets the worker process end once its server is closed. */
  disconnect(): void;
}

/** In a worker: answers the primary's requests for this worker's counters, and asks for everyone's. */
export function workerLink(metrics: () => Metrics | undefined): WorkerLink {
  let next = 0;
  const waiting = new Map<number, (m: Extract<Message, { shipgate: 'metrics' }>) => void>();
  const stops: (() => void)[] = [];
  process.on('message', (m: unknown) => {
    if (!isMessage(m)) return;
    if (m.shipgate === 'snapshot?')
      process.send?.({
        shipgate: 'snapshot',
        id: m.id,
        snapshot: (metrics() ?? new Metrics()).snapshot(),
      } satisfies Message);
    else if (m.shipgate === 'metrics') waiting.get(m.id)?.(m);
    else if (m.shipgate === 'stop') for (const stop of stops) stop();
  });
  return {
    metricsText: () =>
      new Promise((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the primary did not answer'));
        }, METRICS_TIMEOUT_MS);
        waiting.set(id, (m) => {
          clearTimeout(timer);
          waiting.delete(id);
          if (m.text !== undefined) resolve(m.text);
          else reject(new Error(m.error ?? 'no metrics'));
        });
        process.send?.({ shipgate: 'metrics?', id } satisfies Message);
      }),
    onStop: (stop) => stops.push(stop),
    disconnect: () => cluster.worker?.disconnect(),
  };
}

export interface Primary {
  /** The address the workers listen on, http://host:port. */
  url: string;
  /** Asks every worker to finish its requests and stop; resolves when all have exited. */
  close(): Promise<void>;
}

function urlOf(address: { address: string | null; port: number; addressType: number | string }): string {
  const host = address.address ?? '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * In the primary: forks `count` workers running this same command and resolves once every one listens. A
 * worker that exits before it listens (a port in use, an unreadable key) fails the start: the others are
 * stopped and a NETWORK error names its exit code (the worker printed its own error line).
 */
export async function startPrimary(
  count: number,
  loaded: { config: RegistryAuthConfig; key: SigningKey },
): Promise<Primary> {
  const log = logger();
  // The workers accept from the shared socket themselves. Round-robin would have the primary hand each new
  // connection to a worker over IPC, one at a time and acknowledged from the worker's busy event loop: the
  // last of a burst of new connections waited up to a second.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const env = { [FINGERPRINT_ENV]: fingerprint(loaded.config, loaded.key) };
  const fork = () => cluster.fork(env);
  let stopping = false;
  let running = false;
  let nextId = 0;
  const snapshots = new Map<number, { want: number; got: MetricsSnapshot[]; done: () => void }>();

  const answerMetrics = (asker: Worker, id: number): void => {
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const key = nextId++;
    const reply = (m: Message) => {
      if (asker.isConnected()) asker.send(m);
    };
    const timer = setTimeout(() => {
      snapshots.delete(key);
      reply({ shipgate: 'metrics', id, error: 'a worker did not send its counters' });
    }, METRICS_TIMEOUT_MS);
    const entry = {
      want: workers.length,
      got: [] as MetricsSnapshot[],
      done: () => {
        clearTimeout(timer);
        snapshots.delete(key);
        reply({ shipgate: 'metrics', id, text: Metrics.merged(entry.got).render() });
      },
    };
    snapshots.set(key, entry);
    for (const w of workers) w.send({ shipgate: 'snapshot?', id: key } satisfies Message);
  };

  const onMessage = (worker: Worker, m: unknown): void => {
    if (!isMessage(m)) return;
    if (m.shipgate === 'log') for (const [level, line] of m.lines) log[level](line);
    else if (m.shipgate === 'metrics?') answerMetrics(worker, m.id);
    else if (m.shipgate === 'snapshot') {
      const entry = snapshots.get(m.id);
      if (!entry) return;
      entry.got.push(m.snapshot);
      if (entry.got.length >= entry.want) entry.done();
    }
  };
  cluster.on('message', onMessage);

  const listening = new Set<number>();
  let url = '';
  const started = new Promise<void>((resolve, reject) => {
    cluster.on('listening', (worker, address) => {
      listening.add(worker.id);
      url = urlOf(address);
      if (listening.size === count) resolve();
    });
    cluster.on('exit', (worker, code, signal) => {
      const how = signal ? `signal ${signal}` : `exit ${code}`;
      if (stopping) return;
      if (!running && !listening.has(worker.id)) {
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill();
        reject(
          new ShipgateError(
            'NETWORK',
            `registry-auth: worker ${worker.id} stopped before it listened (${how})`,
            {
              hint: 'its own error line above says why',
            },
          ),
        );
        return;
      }
      listening.delete(worker.id);
      // Once the service runs, the others keep serving while a replacement is tried again and again.
      log.error(`registry-auth: worker ${worker.id} stopped (${how}); starting another`);
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
  });
  for (let i = 0; i < count; i++) fork();
  await started;
  running = true;
  log.info(`registry-auth: ${count} workers listening on ${url}`);

  return {
    url,
    close: async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      const exited = Promise.all(
        workers.map(
          (w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))),
        ),
      );
      for (const w of workers) if (w.isConnected()) w.send({ shipgate: 'stop' } satisfies Message);
      const timer = setTimeout(() => {
        for (const w of workers) w.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      cluster.off('message', onMessage);
    },
  };
}
