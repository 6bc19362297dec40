import { availableParallelism } from 'node:os';
import { EXIT, ShipgateError } from '../../core/errors';
import { Logger, logger, setLogger } from '../../core/logger';
import {
  checkSameService,
  loadConfig,
  loadSigningKey,
  primarySink,
  registryAuthJsonSchema,
  startPrimary,
  startRegistryAuth,
  workerId,
  workerLink,
  type RegistryAuthConfig,
  type RegistryAuthServer,
} from '../../registry-auth/index';
import { bool, parseCommand, str } from '../args';
import { batchedSink } from '../log-sinks';
import { tuneForService } from '../v8-tuning';

const HELP = `Usage: shipgate registry-auth --config FILE [--workers N] [--check]
       shipgate registry-auth --schema

Serves registry tokens (Docker/distribution token authentication): push only for CI jobs whose OIDC ID
token verifies and matches a rule of the config; everyone else gets at most pull. One JSON audit line per
token request on stderr. Endpoints: /token, /healthz, /metrics. Stops gracefully on SIGTERM.

Options:
  -c, --config FILE   the service's configuration (YAML; see docs/registry-auth.md)
      --workers N     worker processes sharing the port, 1 to 64 (default: the available cores); the audit
                      lines of all are written by one process, /metrics adds theirs up
      --check         validate the config and the signing key, print the effective rules, do not serve
      --schema        print the config's JSON Schema
`;

const MAX_WORKERS = 64;

function workers(text: string | undefined): number {
  if (text === undefined) return Math.min(availableParallelism(), MAX_WORKERS);
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_WORKERS)
    throw new ShipgateError(
      'USAGE',
      `registry-auth: --workers: "${text}" is not a number from 1 to ${MAX_WORKERS}`,
    );
  return n;
}

/** Resolves on SIGTERM or SIGINT (or `also`), after logging which. */
function stopped(also?: (stop: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const stop = (why: string) => {
      if (done) return;
      done = true;
      logger().info(`registry-auth: ${why}, finishing requests in flight`);
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    also?.(() => stop('stop asked by the primary'));
  });
}

function describe(config: RegistryAuthConfig, kid: string, alg: string): string {
  const lines = [
    `service ${config.service}, issuer ${config.issuer}, listen ${config.listen}`,
    `signing key ${alg}, kid ${kid}; tokens valid ${config.tokenLifetime} s`,
    `default pull: ${config.defaultPull}; catalog: ${config.catalog}`,
    ...config.trustedIssuers.map(
      (t) => `trusted issuer ${t.name} (${t.kind}): ${t.url}, audience ${t.audience}`,
    ),
    ...config.rules.map((r) => {
      const claims = Object.entries(r.claims)
        .map(([k, v]) => `${k}=${v.join('|')}`)
        .join(' ');
      return `rule ${r.name}: ${r.actions.join(',')} on ${r.repositories.join(', ')} for ${r.issuer} when ${claims || 'any token'}`;
    }),
  ];
  if (config.rules.length === 0) lines.push('no rules: nothing beyond the default pull is granted');
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(
    'registry-auth',
    argv,
    {
      config: { type: 'string', short: 'c' },
      workers: { type: 'string' },
      check: { type: 'boolean' },
      schema: { type: 'boolean' },
    },
    HELP,
  );
  if (!p) return EXIT.OK;
  if (bool(p, 'schema')) {
    process.stdout.write(`${JSON.stringify(registryAuthJsonSchema(), null, 2)}\n`);
    return EXIT.OK;
  }
  const file = str(p, 'config');
  if (!file)
    throw new ShipgateError('USAGE', 'registry-auth: --config FILE is required', {
      hint: 'run "shipgate registry-auth --help"',
    });
  const count = workers(str(p, 'workers'));
  const config = loadConfig(file);
  const key = loadSigningKey(config.key, config.certificate);
  if (bool(p, 'check')) {
    process.stdout.write(describe(config, key.kid, key.alg));
    return EXIT.OK;
  }
  tuneForService();
  const worker = workerId();
  if (worker !== undefined) {
    // The primary writes this worker's lines: one writer for the audit trail.
    setLogger(new Logger([primarySink()], logger().level));
    checkSameService(config, key);
    const started: { server?: RegistryAuthServer } = {};
    const link = workerLink(() => started.server?.metrics);
    const stop = stopped((s) => link.onStop(s));
    const server = await startRegistryAuth({ config, key, worker, metricsText: () => link.metricsText() });
    started.server = server;
    await stop;
    await server.close();
    link.disconnect();
    return EXIT.OK;
  }
  // A service, not a job log: plain lines, each burst's audit lines in one write.
  const sink = batchedSink(process.stderr);
  setLogger(new Logger([sink], logger().level), [sink]);
  if (count > 1) {
    // Listening for the signals from the start: a SIGTERM while the workers start stops them once started.
    const stop = stopped();
    const primary = await startPrimary(count, { config, key });
    await stop;
    await primary.close();
    return EXIT.OK;
  }
  const stop = stopped();
  const server = await startRegistryAuth({ config, key });
  await stop;
  await server.close();
  return EXIT.OK;
}
