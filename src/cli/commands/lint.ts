import { existsSync, statSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { runPipeline } from '../../pipeline/run';
import { findRepoRoot } from '../../pipeline/paths';
import { list, oneOf, parseCommand, str } from '../args';
import { checkOutputFlags, LINT_OUTPUT_HELP, LINT_OUTPUT_OPTIONS, writeOutputs } from '../output';
import { failOnFlag, POLICY_OPTIONS } from '../policy-flags';

const HELP = `Usage: shipgate lint [Dockerfile | MANIFEST | DIR | -]... [options]

Lints Dockerfiles (default ./Dockerfile) and Kubernetes manifests, and applies the policy's gate to the
findings. Arguments ending in .yaml or .yml, folders (their .yaml/.yml files) and - (standard input, e.g.
helm template output) are manifests; anything else is a Dockerfile.

Options:
      --manifests PATH    Kubernetes manifests: a YAML file, a folder or - (repeatable)
      --pss LEVEL         also check the Pod Security Standards: baseline, restricted or privileged (none)
      --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --fail-on SEV       fail at this severity or above: critical, high, medium, low, info, none
${LINT_OUTPUT_HELP}
`;

const PSS_LEVELS = ['privileged', 'baseline', 'restricted'] as const;

/** A YAML file, a folder or `-` (stdin) is a manifest argument; anything else is a Dockerfile. */
function isManifestPath(arg: string): boolean {
  if (arg === '-' || /\.ya?ml$/i.test(arg)) return true;
  try {
    return statSync(arg).isDirectory();
  } catch {
    return false;
  }
}

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(
    'lint',
    argv,
    {
      ...LINT_OUTPUT_OPTIONS,
      ...POLICY_OPTIONS,
      manifests: { type: 'string', multiple: true },
      pss: { type: 'string' },
    },
    HELP,
  );
  if (!p) return EXIT.OK;
  checkOutputFlags(p);
  const manifests = [...list(p, 'manifests')];
  let files: string[] = [];
  for (const arg of p.positionals) (isManifestPath(arg) ? manifests : files).push(arg);
  const pss = str(p, 'pss') ? oneOf(p, 'pss', PSS_LEVELS, 'privileged') : undefined;
  if (files.length === 0 && manifests.length === 0) {
    if (!existsSync('Dockerfile')) {
      throw new ShipgateError('USAGE', 'no Dockerfile given and ./Dockerfile does not exist', {
        hint: 'run "shipgate lint path/to/Dockerfile"',
      });
    }
    files = ['Dockerfile'];
  }
  const failOn = failOnFlag(p);
  const repoRoot = findRepoRoot();
  const config = str(p, 'config');
  const result = await runPipeline({
    dockerfiles: files,
    ...(manifests.length ? { manifests } : {}),
    ...(pss ? { pss } : {}),
    repoRoot,
    scanners: [],
    ...(config ? { configPath: config } : {}),
    ...(failOn ? { failOn } : {}),
  });
  await writeOutputs(result, p, repoRoot);
  return result.decision?.approved === false ? EXIT.POLICY_FAILED : EXIT.OK;
}
