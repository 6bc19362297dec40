import { EXIT, ShipgateError, formatError, toShipgateError } from '../core/errors';
import { Logger, setLogger, type LogLevel, type LogSink } from '../core/logger';
import { COMMIT, VERSION } from '../core/version';
import { cliSink } from './log-sinks';

interface Command {
  summary: string;
  load: () => Promise<{ run(argv: string[]): Promise<number> }>;
  /** Work to start before the command's code loads, in parallel with it. */
  warm?: () => void;
}

const COMMANDS: Record<string, Command> = {
  scan: {
    summary: 'lint Dockerfiles and manifests, scan an image, apply the policy and decide',
    load: () => import('./commands/scan'),
  },
  lint: {
    summary: 'lint Dockerfiles and Kubernetes manifests (no image)',
    load: () => import('./commands/lint'),
    // The bash parser starts loading, so its asynchronous steps overlap the loading of the lint code. A failure
    // shows when a RUN is parsed.
    warm: () => {
      import('../dockerfile/wasm').then((m) => m.bashParser()).catch(() => undefined);
    },
  },
  sbom: { summary: 'write an SBOM (CycloneDX or SPDX) of an image', load: () => import('./commands/sbom') },
  rules: { summary: 'list every rule with its metadata', load: () => import('./commands/rules') },
  policy: {
    summary: 'validate a policy file, print its JSON Schema, or generate admission policies',
    load: () => import('./commands/policy'),
  },
  push: {
    summary: 'push an approved image to a registry, only from a GitHub Actions or GitLab CI job',
    load: () => import('./commands/push'),
  },
  sign: {
    summary: 'scan a registry image and, if approved, sign and attest its digest (sigstore)',
    load: () => import('./commands/sign'),
  },
  attest: {
    summary: 'sign a statement of your own predicate about an image digest and attach it',
    load: () => import('./commands/attest'),
  },
  verify: {
    summary: "verify an image's signatures and shipgate approval for its digest",
    load: () => import('./commands/verify'),
  },
  'sign-blob': {
    summary: 'sign files (release assets): a sigstore bundle with their provenance next to each',
    load: () => import('./commands/sign-blob'),
  },
  'verify-blob': {
    summary: 'verify a file against its sigstore bundle: digest, signer, predicate type, age',
    load: () => import('./commands/verify-blob'),
  },
  audit: {
    summary: 'find the images in a registry that are not signed and approved as verify expects',
    load: () => import('./commands/audit'),
  },
  'registry-auth': {
    summary: 'serve registry tokens that grant push only to verified CI jobs',
    load: () => import('./commands/registry-auth'),
  },
};

const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((n) => n.length));

const USAGE = `shipgate ${VERSION}: supply-chain gate for container images

Usage: shipgate <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(NAME_WIDTH)}  ${c.summary}`)
  .join('\n')}

Global options:
  -h, --help       help for shipgate or a command
  -V, --version    print the version and the commit it was built from
  -q, --quiet      only warnings and errors on stderr (no progress, no log sections)
  -v, --verbose    debug output on stderr

Environment:
  SHIPGATE_CACHE_DIR  cache folder (default $XDG_CACHE_HOME/shipgate, else ~/.cache/shipgate): vulnerability
                      data, sigstore's trust metadata, and Node's compiled code for a faster start
                      (NODE_DISABLE_COMPILE_CACHE=1 turns that part off)

Exit codes: 0 approved, 1 policy failed, 2 usage or input error, 3 internal error, 4 remote service error
or timeout.
Docs: https://github.com/shipgate/shipgate#readme
`;

let sink: LogSink | undefined;

/** Strips the global logging flags, configures the logger, and returns the remaining arguments. */
async function configureLogging(argv: string[]): Promise<string[]> {
  let level: LogLevel = process.env.SHIPGATE_LOG_LEVEL === 'debug' ? 'debug' : 'info';
  const rest: string[] = [];
  for (const a of argv) {
    if (a === '-q' || a === '--quiet') level = 'warn';
    else if (a === '-v' || a === '--verbose' || a === '--debug') level = 'debug';
    else rest.push(a);
  }
  sink = await cliSink();
  setLogger(new Logger([sink], level), [sink]);
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = await configureLogging(argv);
    const [first, ...rest] = args;
    if (first === '--version' || first === '-V' || first === 'version') {
      process.stdout.write(`shipgate ${VERSION} (commit ${COMMIT})\n`);
      return EXIT.OK;
    }
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && rest[0] && COMMANDS[rest[0]])
        return (await COMMANDS[rest[0]]!.load()).run(['--help']);
      process.stdout.write(USAGE);
      return first === undefined ? EXIT.INPUT_ERROR : EXIT.OK;
    }
    const cmd = COMMANDS[first];
    if (!cmd) {
      throw new ShipgateError('USAGE', `unknown command "${first}"`, {
        hint: `commands: ${Object.keys(COMMANDS).join(', ')}; run "shipgate --help"`,
      });
    }
    if (!rest.includes('--help') && !rest.includes('-h')) cmd.warm?.();
    try {
      return await (await cmd.load()).run(rest);
    } finally {
      // A bar left by work an error cut short would keep drawing (and the process alive).
      sink?.close?.();
    }
  } catch (e) {
    const err = toShipgateError(e);
    process.stderr.write(`${formatError(err)}\n`);
    // Work the deadline cut short may still hold the event loop open (a stalled socket): do not wait for it.
    if (err.code === 'TIMEOUT') setTimeout(() => process.exit(err.exitCode), 1000).unref();
    if (err.code === 'INTERNAL' && process.env.SHIPGATE_LOG_LEVEL === 'debug' && err.cause instanceof Error) {
      process.stderr.write(`${err.cause.stack ?? ''}\n`);
    }
    return err.exitCode;
  }
}
