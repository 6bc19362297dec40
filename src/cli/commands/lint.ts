import { existsSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { EXIT, ShipgateError } from '../../core/errors';
import { runPipeline } from '../../pipeline/run';
import { findRepoRoot } from '../../pipeline/paths';
import { list, oneOf, str } from '../args';
import { PSS_VALUES } from '../../core/options';
import { helpSection, parseTableCommand } from '../option-table';
import { checkOutputFlags, writeOutputs } from '../output';
import { failOnFlag } from '../policy-flags';

const HELP = `Usage: shipgate lint [Dockerfile | MANIFEST | DIR | -]... [options]

Lints Dockerfiles (default ./Dockerfile) and Kubernetes manifests, and applies the policy's gate to the
findings. Arguments ending in .yaml or .yml, folders (their .yaml/.yml files) and - (standard input, e.g.
helm template output) are manifests; anything else is a Dockerfile.

Targets:
${helpSection('lint', 'Targets')}

Policy:
${helpSection('lint', 'Policy')}

Output:
${helpSection('lint', 'Output')}

Environment:
  SHIPGATE_LINT_WORKERS=N  worker threads for many Dockerfiles (default: one per two cores beyond two, at
                           most three, none below 48 files); 0 lints on one thread. The report is the same.
`;

/**
 * A lint run is short: its hot functions run thousands of times, not millions. V8 hands a function to
 * TurboFan after 3,000 calls by default, and those compiles run on threads of their own that, on a two-core
 * runner, take the core the lint itself needs (about a quarter of all CPU time linting the 300 fixture
 * files). Optimising later keeps the functions in V8's quicker tiers a while longer for less CPU time in
 * all. The flag only moves when code is optimised; what is linted and reported is the same.
 */
const LINT_TURBOFAN_INVOCATIONS = 12_000;

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
  const p = parseTableCommand('lint', argv, HELP);
  if (!p) return EXIT.OK;
  setFlagsFromString(`--invocation-count-for-turbofan=${LINT_TURBOFAN_INVOCATIONS}`);
  checkOutputFlags(p);
  const manifests = [...list(p, 'manifests')];
  let files: string[] = [];
  for (const arg of p.positionals) (isManifestPath(arg) ? manifests : files).push(arg);
  const pss = str(p, 'pss') ? oneOf(p, 'pss', PSS_VALUES, 'privileged') : undefined;
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
