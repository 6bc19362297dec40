/** The output flags every reporting command takes, mapped onto the output stage's requests. */
import type { ScanResult } from '../core/result';
import { userCategory } from '../report/sarif/category';
import { writeReports, type ReportRequest } from '../report/write';
import type { Parsed } from './args';
import { bool, oneOf, str } from './args';
import { FORMAT_VALUES } from '../core/options';

function useColor(p: Parsed, toFile: boolean): boolean {
  if (bool(p, 'no-color') || process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !toFile && Boolean(process.stdout.isTTY);
}

/** Checks the output flags before any work starts, so a typo fails at once. */
export function checkOutputFlags(p: Parsed): void {
  oneOf(p, 'format', FORMAT_VALUES, 'text');
  userCategory(str(p, 'category'), '--category');
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
    { format: oneOf(p, 'format', FORMAT_VALUES, 'text'), ...(output ? { path: output } : {}) },
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
