/** The CLI side of the option table (core/options.ts): a command's parser options and its --help lines. */
import { commandOptions, nameAt, type HelpSection, type OptionDef, type TableCommand } from '../core/options';
import { parseCommand, type OptionSpec, type Parsed } from './args';

const HELP_WIDTH = 110;
/** Column where a flag's description starts. */
const DESC_COLUMN = 26;

function specOf(o: OptionDef, short?: string): OptionSpec[string] {
  return {
    type: o.type === 'boolean' ? 'boolean' : 'string',
    ...(short ? { short } : {}),
    ...(o.type === 'list' ? { multiple: true } : {}),
  };
}

/** parseArgs options of a command's table flags (and their aliases), optionally of one help section. */
export function tableSpec(command: TableCommand, section?: HelpSection): OptionSpec {
  const spec: OptionSpec = {};
  for (const o of commandOptions(command)) {
    if (section && o.cli!.section !== section) continue;
    spec[nameAt(o, 'cli')] = specOf(o, o.cli!.short);
    for (const alias of o.cli!.aliases ?? []) spec[alias] = specOf(o);
  }
  return spec;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The --help lines of one option: flag, then its description at DESC_COLUMN (on the next line if long). */
function helpLines(o: OptionDef): string[] {
  const cli = o.cli!;
  const arg = cli.arg ? ` ${cli.arg}` : '';
  const flag = `  ${cli.short ? `-${cli.short}, ` : '    '}--${nameAt(o, 'cli')}${arg}`;
  const aliases = (cli.aliases ?? []).map((a) => `--${a}`).join(', ');
  const text = aliases ? `${cli.help} (also ${aliases})` : cli.help;
  const pad = ' '.repeat(DESC_COLUMN);
  const desc = wrap(text, HELP_WIDTH - DESC_COLUMN);
  const out =
    flag.length <= DESC_COLUMN - 2
      ? [`${flag.padEnd(DESC_COLUMN)}${desc[0]}`, ...desc.slice(1).map((l) => pad + l)]
      : [flag, ...desc.map((l) => pad + l)];
  return out;
}

/** The --help lines of a command's flags in one section, in table order. */
export function helpSection(command: TableCommand, section: HelpSection): string {
  return commandOptions(command)
    .filter((o) => o.cli!.section === section)
    .flatMap(helpLines)
    .join('\n');
}

/**
 * parseCommand with a command's table flags plus `extra` ones; each alias's values are folded into its
 * flag's, so the rest of the command reads one name.
 */
export function parseTableCommand(
  command: TableCommand,
  argv: string[],
  help: string,
  extra: OptionSpec = {},
): Parsed | undefined {
  const p = parseCommand(command, argv, { ...tableSpec(command), ...extra }, help);
  if (!p) return p;
  for (const o of commandOptions(command)) {
    const name = nameAt(o, 'cli');
    for (const alias of o.cli!.aliases ?? []) {
      const v = p.values[alias];
      if (v === undefined) continue;
      const own = p.values[name];
      p.values[name] =
        Array.isArray(v) && (Array.isArray(own) || own === undefined) ? [...(own ?? []), ...v] : v;
      delete p.values[alias];
    }
  }
  return p;
}
