import { allRules } from '../../analyzers/registry';
import { EXIT } from '../../core/errors';
import { ruleHelpUri } from '../../core/finding';
import { oneOf, parseCommand } from '../args';

const HELP = `Usage: shipgate rules [--format text|json] [--kind dockerfile|manifest|secret|config|malware|vulnerability]

Lists every rule with its id, severity, title and the equivalent checks of other tools.
`;

export async function run(argv: string[]): Promise<number> {
  const p = parseCommand(
    'rules',
    argv,
    { format: { type: 'string', short: 'f' }, kind: { type: 'string' } },
    HELP,
  );
  if (!p) return EXIT.OK;
  const format = oneOf(p, 'format', ['text', 'json'] as const, 'text');
  const kind = oneOf(
    p,
    'kind',
    ['all', 'dockerfile', 'manifest', 'secret', 'config', 'malware', 'vulnerability'] as const,
    'all',
  );
  const rules = (await allRules()).filter((r) => kind === 'all' || r.kind === kind);
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        rules.map((r) => ({ ...r, helpUri: ruleHelpUri(r) })),
        null,
        2,
      )}\n`,
    );
    return EXIT.OK;
  }
  for (const r of rules) {
    const eq = Object.entries(r.equivalents ?? {})
      .flatMap(([tool, ids]) => (ids ?? []).map((id) => `${tool}:${id}`))
      .join(' ');
    process.stdout.write(`${r.id.padEnd(11)} ${r.severity.padEnd(8)} ${r.title}${eq ? `  [${eq}]` : ''}\n`);
  }
  return EXIT.OK;
}
