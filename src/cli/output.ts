/** Writes the reports a command was asked for: the main format on stdout (or --output) plus extra files. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { ShipgateError } from '../core/errors';
import { logger, mask } from '../core/logger';
import type { ScanResult } from '../core/result';
import { toJson } from '../report/json';
import { limitForGitHub, toSarif } from '../report/sarif/index';
import { toMarkdownSummary } from '../report/summary';
import { toText } from '../report/text';
import type { Parsed } from './args';
import { bool, oneOf, str } from './args';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  sarif: { type: 'string' },
  json: { type: 'string' },
  summary: { type: 'string' },
  category: { type: 'string' },
  'no-color': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
  'list-packages': { type: 'boolean' },
} as const;

export const OUTPUT_HELP = `Output:
  -f, --format FMT        text (default), json or sarif, written to stdout or --output
  -o, --output FILE       write the main format to FILE instead of stdout
      --sarif FILE        also write SARIF 2.1.0 (trimmed to GitHub's limits)
      --json FILE         also write the JSON report
      --summary FILE      also write the markdown summary (decision, counts, top findings)
      --category NAME     SARIF category (automationDetails.id) for this scan
      --no-color          no ANSI colours (also NO_COLOR=1)
      --show-suppressed   list suppressed findings in text output
      --list-packages     list the image's packages (the inventory) in text output`;

export function useColor(p: Parsed, toFile: boolean): boolean {
  if (bool(p, 'no-color') || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !toFile && Boolean(process.stdout.isTTY);
}

export async function writeFileSafe(path: string, text: string): Promise<string> {
  const abs = resolve(path);
  try {
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ShipgateError('INPUT', `cannot write ${path} (${code})`, {
      hint: 'check the path and its permissions',
    });
  }
  return abs;
}

function repoReader(repoRoot: string): (path: string) => string | undefined {
  return (path) => {
    try {
      return readFileSync(resolve(repoRoot, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}

export function sarifText(result: ScanResult, repoRoot: string, category: string | undefined): string {
  const log = toSarif(result, {
    repoRoot,
    readFile: repoReader(repoRoot),
    ...(category ? { category } : {}),
  });
  const limited = limitForGitHub(log);
  for (const w of limited.warnings) logger().warn(w);
  return `${JSON.stringify(limited.log, null, 2)}\n`;
}

export function render(
  result: ScanResult,
  format: Format,
  p: Parsed,
  repoRoot: string,
  toFile: boolean,
): string {
  switch (format) {
    case 'json':
      return toJson(result);
    case 'sarif':
      return sarifText(result, repoRoot, str(p, 'category'));
    case 'text':
      return toText(result, {
        color: useColor(p, toFile),
        readFile: repoReader(repoRoot),
        showSuppressed: bool(p, 'show-suppressed'),
        listPackages: bool(p, 'list-packages'),
      });
  }
}

/** Checks the output flags before any work starts, so a typo fails at once. */
export function checkOutputFlags(p: Parsed): void {
  oneOf(p, 'format', FORMATS, 'text');
}

/** Writes everything the output flags ask for. Report text is masked as a last line of defence. */
export async function writeOutputs(result: ScanResult, p: Parsed, repoRoot: string): Promise<void> {
  const format = oneOf(p, 'format', FORMATS, 'text');
  const output = str(p, 'output');
  const main = mask(render(result, format, p, repoRoot, Boolean(output)));
  if (output) {
    await writeFileSafe(output, main);
    logger().info(`wrote ${format} report to ${output}`);
  } else process.stdout.write(main);
  const extra: [string, () => string][] = [
    ['sarif', () => sarifText(result, repoRoot, str(p, 'category'))],
    ['json', () => toJson(result)],
    ['summary', () => toMarkdownSummary(result, {})],
  ];
  for (const [flag, make] of extra) {
    const path = str(p, flag);
    if (!path) continue;
    await writeFileSafe(path, mask(make()));
    logger().info(`wrote ${flag} to ${path}`);
  }
}
