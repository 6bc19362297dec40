/**
 * The one output stage: every report a front door writes (SARIF, JSON, SBOM, GitLab reports, the markdown
 * summary, text) is rendered and written here, the same way for the CLI, the GitHub Action and the GitLab job,
 * and every byte goes through one masking pass on its way out.
 *
 * It lives in report/ rather than pipeline/ because all it needs is the report writers and the layers below
 * them (core/, inventory/ for the SBOM writers, secrets/ for the history look-up), so no import points up;
 * pipeline/ stays the orchestration above it, and the front doors only add their own glue (upload,
 * annotations, comments).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Log } from 'sarif';
import { ShipgateError } from '../core/errors';
import { logger, mask } from '../core/logger';
import type { ScanResult } from '../core/result';
import { registerHistorySecrets } from './history-secrets';
import { writeReportFile, writeReportStdout } from './output-file';
import type { SummaryOptions } from './summary';
import type { TextOptions } from './text';

/** Formats rendered as one text (a file or standard output). */
export type TextReportFormat = 'text' | 'json' | 'sarif' | 'summary' | 'cyclonedx' | 'spdx';

export type ReportRequest =
  /** One report; without a path it goes to standard output. */
  | { format: TextReportFormat; path?: string }
  /** The GitLab reports, into a folder. */
  | { format: 'gitlab'; path: string };

export interface ReportOptions {
  /** Repository root: report paths are relative to it, and code frames and line hashes read from it. */
  repoRoot: string;
  /** SARIF category (automationDetails.id); default: one per part, derived from the targets. */
  category?: string;
  /** Terminal output options (default: no colour). */
  text?: Omit<TextOptions, 'readFile'>;
  /** Markdown summary options (file links, byte budget). */
  summary?: SummaryOptions;
}

export interface WrittenReports {
  /** The SARIF log exactly as written (GitHub-limited, masked), when SARIF was asked for: what gets uploaded. */
  sarif?: Log;
  /** What fitting the SARIF log into GitHub's limits dropped, one line each (also logged as warnings). */
  sarifWarnings: string[];
}

const SUCCESS: Record<ReportRequest['format'], string> = {
  text: 'text report',
  json: 'json report',
  sarif: 'sarif report',
  summary: 'summary',
  cyclonedx: 'cyclonedx SBOM',
  spdx: 'spdx SBOM',
  gitlab: 'GitLab reports',
};

function repoReader(repoRoot: string): (path: string) => string | undefined {
  return (path) => {
    try {
      return readFileSync(resolve(repoRoot, path), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** The writers of the formats asked for: each loads only when a request needs it, so a lint writing JSON starts fast. */
interface Writers {
  json?: typeof import('./json');
  sarif?: typeof import('./sarif/index');
  summary?: typeof import('./summary');
  text?: typeof import('./text');
  sbom?: typeof import('./sbom');
  gitlab?: typeof import('./gitlab/index');
}

async function loadWriters(
  requests: readonly { format: TextReportFormat | 'gitlab' }[],
  result: ScanResult,
): Promise<Writers> {
  const formats = new Set(requests.map((r) => r.format));
  const w: Writers = {};
  if (formats.has('json')) w.json = await import('./json');
  if (formats.has('sarif')) w.sarif = await import('./sarif/index');
  if (formats.has('summary')) w.summary = await import('./summary');
  if (formats.has('text')) w.text = await import('./text');
  if (formats.has('gitlab')) w.gitlab = await import('./gitlab/index');
  // The SBOM writers (and the CycloneDX library under them): an SBOM format, or GitLab's reports of an image.
  if (formats.has('cyclonedx') || formats.has('spdx') || (formats.has('gitlab') && result.image))
    w.sbom = await import('./sbom');
  return w;
}

/** A writer that was not loaded for the requests given: a programming error, never a user's. */
function loaded<T>(writer: T | undefined, format: string): T {
  if (!writer) throw new ShipgateError('INTERNAL', `the ${format} writer was not loaded`);
  return writer;
}

/** Renders each format once per call, so a format written twice (stdout and a file) is the same text. */
class Renderer {
  private readonly texts = new Map<TextReportFormat, string>();
  readonly sarifWarnings: string[] = [];
  private readonly readFile: (path: string) => string | undefined;

  constructor(
    private readonly result: ScanResult,
    private readonly options: ReportOptions,
    private readonly writers: Writers,
  ) {
    this.readFile = repoReader(options.repoRoot);
  }

  text(format: TextReportFormat): string {
    let text = this.texts.get(format);
    if (text === undefined) {
      text = this.render(format);
      this.texts.set(format, text);
    }
    return text;
  }

  private render(format: TextReportFormat): string {
    const { result, options, writers } = this;
    switch (format) {
      case 'json':
        return loaded(writers.json, format).toJson(result);
      case 'sarif': {
        const sarif = loaded(writers.sarif, format);
        const log = sarif.toSarif(result, {
          repoRoot: options.repoRoot,
          readFile: this.readFile,
          ...(options.category ? { category: options.category } : {}),
        });
        const limited = sarif.limitForGitHub(log);
        for (const w of limited.warnings) logger().warn(w);
        this.sarifWarnings.push(...limited.warnings);
        return `${JSON.stringify(limited.log, null, 2)}\n`;
      }
      case 'summary':
        return loaded(writers.summary, format).toMarkdownSummary(result, options.summary ?? {});
      case 'text':
        return loaded(writers.text, format).toText(result, {
          color: false,
          ...options.text,
          readFile: this.readFile,
        });
      case 'cyclonedx':
      case 'spdx':
        return loaded(writers.sbom, format).renderSbom(result, format);
    }
  }
}

/** One report as text, masked, without writing it (a job summary or a comment the front door posts). */
export async function renderReport(
  result: ScanResult,
  format: TextReportFormat,
  options: ReportOptions,
): Promise<string> {
  await registerHistorySecrets(result);
  return mask(new Renderer(result, options, await loadWriters([{ format }], result)).text(format));
}

/** Writes every requested report, in order, and logs one line per file written. */
export async function writeReports(
  result: ScanResult,
  requests: readonly ReportRequest[],
  options: ReportOptions,
): Promise<WrittenReports> {
  await registerHistorySecrets(result);
  const writers = await loadWriters(requests, result);
  const renderer = new Renderer(result, options, writers);
  let sarif: Log | undefined;
  for (const req of requests) {
    if (req.format === 'gitlab') {
      // A Dockerfile-only scan has no image to describe, so its GitLab reports come without an SBOM.
      await loaded(writers.gitlab, 'gitlab').writeGitlabReports(result, req.path, {
        repoRoot: options.repoRoot,
        ...(result.image ? { cyclonedx: () => renderer.text('cyclonedx') } : {}),
      });
    } else if (req.path === undefined) {
      writeReportStdout(renderer.text(req.format));
      continue;
    } else {
      const text = renderer.text(req.format);
      await writeReportFile(req.path, text);
      // The same masking the file got, so the log handed back is byte for byte what was written.
      if (req.format === 'sarif') sarif = JSON.parse(mask(text)) as Log;
    }
    logger().info(`wrote ${SUCCESS[req.format]} to ${req.path}`);
  }
  return { ...(sarif ? { sarif } : {}), sarifWarnings: renderer.sarifWarnings };
}
