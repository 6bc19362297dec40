import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ShipgateError } from '../core/errors';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** parseArgs with user-facing errors: unknown flags and missing values become USAGE errors. */
export function parse(command: string, argv: string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(e);
    throw new ShipgateError('USAGE', `${command}: ${msg.split('\n')[0]}`, {
      hint: `run "shipgate ${command} --help"`,
    });
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function bool(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** Values of a repeatable flag, also split on commas. */
export function list(p: Parsed, name: string): string[] {
  const v = p.values[name];
  const arr = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return arr
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
}

export function oneOf<T extends string>(p: Parsed, name: string, allowed: readonly T[], dflt: T): T {
  const v = str(p, name);
  if (v === undefined) return dflt;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ShipgateError('USAGE', `--${name}: invalid value "${v}"`, {
    hint: `use one of ${allowed.join(', ')}`,
  });
}

/** A command's flags plus -h/--help; undefined when help was asked for (and printed). */
export function parseCommand(
  command: string,
  argv: string[],
  options: OptionSpec,
  help: string,
): Parsed | undefined {
  const p = parse(command, argv, { ...options, help: { type: 'boolean', short: 'h' } });
  if (!p.values.help) return p;
  process.stdout.write(help);
  return undefined;
}
