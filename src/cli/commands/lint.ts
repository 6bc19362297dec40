import { existsSync, statSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { runPipeline } from '../../pipeline/run';
import { findRepoRoot } from '../../pipeline/paths';
import { list, oneOf, str } from '../args';
import { PSS_VALUES } from '../../core/options';
import { helpSection, parseTableCommand } from '../option-table';
import { checkOutputFlags, writeOutputs } from '../output';
import { failOnFlag } from '../policy-flags';
import { tuneForLint } from '../v8-tuning';

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
  tuneForLint();
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
