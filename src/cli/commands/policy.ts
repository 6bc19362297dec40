import { EXIT, ShipgateError } from '../../core/errors';
import { findRepoRoot } from '../../pipeline/paths';
import { loadPolicy, policyJsonSchema } from '../../policy/index';
import { parse } from '../args';

const HELP = `Usage: shipgate policy check [FILE]    validate a policy file (default: shipgate.yaml at the repository root)
       shipgate policy schema          print the policy file's JSON Schema (for editor completion)
`;

export async function run(argv: string[]): Promise<number> {
  const p = parse('policy', argv, { help: { type: 'boolean', short: 'h' } });
  const [sub, file] = p.positionals;
  if (p.values.help || !sub) {
    process.stdout.write(HELP);
    return p.values.help ? EXIT.OK : EXIT.INPUT_ERROR;
  }
  if (sub === 'schema') {
    process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
    return EXIT.OK;
  }
  if (sub === 'check') {
    const policy = loadPolicy(findRepoRoot(), file);
    process.stdout.write(`${policy.source}: valid (fail on ${policy.gate['fail-on']} or above)\n`);
    return EXIT.OK;
  }
  throw new ShipgateError('USAGE', `policy: unknown subcommand "${sub}"`, {
    hint: 'use "check" or "schema"',
  });
}
