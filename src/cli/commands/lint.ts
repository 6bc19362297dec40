import { existsSync } from 'node:fs';
import { EXIT, ShipgateError } from '../../core/errors';
import { runPipeline } from '../../pipeline/run';
import { findRepoRoot } from '../../pipeline/paths';
import { parseCommand, str } from '../args';
import { checkOutputFlags, LINT_OUTPUT_HELP, LINT_OUTPUT_OPTIONS, writeOutputs } from '../output';
import { failOnFlag, POLICY_OPTIONS } from '../policy-flags';

const HELP = `Usage: shipgate lint [Dockerfile...] [options]

Lints Dockerfiles (default ./Dockerfile) and applies the policy's gate to the findings.

Options:
      --config FILE       policy file (default shipgate.yaml at the repository root, if any)
      --fail-on SEV       fail at this severity or above: critical, high, medium, low, info, none
${LINT_OUTPUT_HELP}
`;

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand('lint', argv, { ...LINT_OUTPUT_OPTIONS, ...POLICY_OPTIONS }, HELP);
  if (!p) return EXIT.OK;
  checkOutputFlags(p);
  let files = p.positionals;
  if (files.length === 0) {
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
    repoRoot,
    scanners: [],
    ...(config ? { configPath: config } : {}),
    ...(failOn ? { failOn } : {}),
  });
  await writeOutputs(result, p, repoRoot);
  return result.decision?.approved === false ? EXIT.POLICY_FAILED : EXIT.OK;
}
