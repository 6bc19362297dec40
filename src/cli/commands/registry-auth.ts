import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import {
  loadConfig,
  loadSigningKey,
  registryAuthJsonSchema,
  startRegistryAuth,
  type RegistryAuthConfig,
} from '../../registry-auth/index';
import { bool, parseCommand, str } from '../args';

const HELP = `Usage: shipgate registry-auth --config FILE [--check]
       shipgate registry-auth --schema

Serves registry tokens (Docker/distribution token authentication): push only for CI jobs whose OIDC ID
token verifies and matches a rule of the config; everyone else gets at most pull. One JSON audit line per
token request on stderr. Endpoints: /token, /healthz, /metrics. Stops gracefully on SIGTERM.

Options:
  -c, --config FILE   the service's configuration (YAML; see docs/registry-auth.md)
      --check         validate the config and the signing key, print the effective rules, do not serve
      --schema        print the config's JSON Schema
`;

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
    { config: { type: 'string', short: 'c' }, check: { type: 'boolean' }, schema: { type: 'boolean' } },
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
  const config = loadConfig(file);
  const key = loadSigningKey(config.key, config.certificate);
  if (bool(p, 'check')) {
    process.stdout.write(describe(config, key.kid, key.alg));
    return EXIT.OK;
  }
  const server = await startRegistryAuth({ config, key });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger().info(`registry-auth: ${signal}, finishing requests in flight`);
      void server.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return EXIT.OK;
}
