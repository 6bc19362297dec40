/** The output flags every reporting command takes, mapped onto the output stage's requests. */
import type { ScanResult } from '../core/result';
import { writeReports, type ReportRequest } from '../report/write';
import type { Parsed } from './args';
import { bool, oneOf, str } from './args';

const FORMATS = ['text', 'json', 'sarif'] as const;

/** The output flags of `shipgate lint`; `shipgate scan` adds the image-only ones (IMAGE_OUTPUT_OPTIONS). */
export const LINT_OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  sarif: { type: 'string' },
  json: { type: 'string' },
  summary: { type: 'string' },
  category: { type: 'string' },
  'no-color': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
} as const;

export const OUTPUT_OPTIONS = { ...LINT_OUTPUT_OPTIONS, 'list-packages': { type: 'boolean' } } as const;

export const LINT_OUTPUT_HELP = `Output:
  -f, --format FMT        text (default), json or sarif, written to stdout or --output
  -o, --output FILE       write the main format to FILE instead of stdout
      --sarif FILE        also write SARIF 2.1.0 (trimmed to GitHub's limits)
      --json FILE         also write the JSON report
      --summary FILE      also write the markdown summary (decision, counts, top findings)
      --category NAME     SARIF category (automationDetails.id) for this scan
      --no-color          no ANSI colours (also NO_COLOR=1)
      --show-suppressed   list suppressed findings in text output`;

export const OUTPUT_HELP = `${LINT_OUTPUT_HELP}
      --list-packages     list the image's packages (the inventory) in text output`;

function useColor(p: Parsed, toFile: boolean): boolean {
  if (bool(p, 'no-color') || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !toFile && Boolean(process.stdout.isTTY);
}

/** Checks the output flags before any work starts, so a typo fails at once. */
export function checkOutputFlags(p: Parsed): void {
  oneOf(p, 'format', FORMATS, 'text');
}

/** Writes the main format (stdout or --output), the extra reports the flags ask for, then `more`. */
export async function writeOutputs(
  result: ScanResult,
  p: Parsed,
  repoRoot: string,
  more: readonly ReportRequest[] = [],
): Promise<void> {
  const output = str(p, 'output');
  const requests: ReportRequest[] = [
    { format: oneOf(p, 'format', FORMATS, 'text'), ...(output ? { path: output } : {}) },
  ];
  for (const format of ['sarif', 'json', 'summary'] as const) {
    const path = str(p, format);
    if (path) requests.push({ format, path });
  }
  const category = str(p, 'category');
  await writeReports(result, [...requests, ...more], {
    repoRoot,
    ...(category ? { category } : {}),
    text: {
      color: useColor(p, Boolean(output)),
      showSuppressed: bool(p, 'show-suppressed'),
      listPackages: bool(p, 'list-packages'),
    },
  });
}
