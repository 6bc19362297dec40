/** Writes every GitLab report for one scan into a folder, ready for `artifacts:reports`, each file masked. */
import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import type { ScanResult } from '../../core/result';
import { writeReportFile } from '../output-file';
import { buildCodeQualityReport } from './code-quality';
import { dotenvVariables, formatDotenv } from './dotenv';
import { buildContainerScanningReport } from './security';

export { buildCodeQualityReport } from './code-quality';
export { dotenvVariables, formatDotenv } from './dotenv';
export { buildContainerScanningReport } from './security';
const GITLAB_REPORT_FILES = {
  containerScanning: 'gl-container-scanning-report.json',
  codeQuality: 'gl-code-quality-report.json',
  cyclonedx: 'gl-sbom.cdx.json',
  dotenv: 'shipgate.env',
} as const;

export interface GitlabReportOptions {
  /** Repository root the Dockerfile paths are relative to (for remediation patches). Default: the working directory. */
  repoRoot?: string;
  /** The image's name on the default branch (GitLab's CS_DEFAULT_BRANCH_IMAGE). */
  defaultBranchImage?: string;
  /** Serialises the CycloneDX SBOM (JSON text or object); without it no SBOM is written. */
  cyclonedx?: (result: ScanResult) => string | object | Promise<string | object>;
  /** Marks the security reports' scan as failed (the scan could not finish). */
  failed?: boolean;
}

export interface GitlabReportFiles {
  containerScanning: string;
  codeQuality: string;
  cyclonedx?: string;
  dotenv: string;
  /** Code Quality findings that had no repository place to attach to. */
  codeQualitySkipped: number;
}

async function dockerfileTexts(result: ScanResult, root: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const d of result.dockerfiles) {
    try {
      texts.set(d.path, await readFile(isAbsolute(d.path) ? d.path : join(root, d.path), 'utf8'));
    } catch {
      // Remediations are optional: a Dockerfile that cannot be read just gets none.
      logger().debug(`gitlab: cannot read ${d.path}; no remediation patches for it`);
    }
  }
  return texts;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes the container scanning, Code Quality, CycloneDX (optional) and dotenv reports. */
export async function writeGitlabReports(
  result: ScanResult,
  dir: string,
  options: GitlabReportOptions = {},
): Promise<GitlabReportFiles> {
  const root = resolve(options.repoRoot ?? process.cwd());
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new ShipgateError('INPUT', `cannot create the GitLab reports folder ${dir}`, {
      hint: 'pass a writable folder to --gitlab-reports',
      cause: e,
    });
  }
  const securityOptions = {
    dockerfileTexts: await dockerfileTexts(result, root),
    ...(options.defaultBranchImage ? { defaultBranchImage: options.defaultBranchImage } : {}),
    ...(options.failed ? { failed: true } : {}),
  };
  const codeQuality = buildCodeQualityReport(result);
  const files: GitlabReportFiles = {
    containerScanning: join(dir, GITLAB_REPORT_FILES.containerScanning),
    codeQuality: join(dir, GITLAB_REPORT_FILES.codeQuality),
    dotenv: join(dir, GITLAB_REPORT_FILES.dotenv),
    codeQualitySkipped: codeQuality.skipped,
  };
  await writeReportFile(files.containerScanning, json(buildContainerScanningReport(result, securityOptions)));
  await writeReportFile(files.codeQuality, json(codeQuality.issues));
  await writeReportFile(files.dotenv, formatDotenv(dotenvVariables(result)));
  if (options.cyclonedx) {
    const sbom = await options.cyclonedx(result);
    files.cyclonedx = join(dir, GITLAB_REPORT_FILES.cyclonedx);
    await writeReportFile(files.cyclonedx, typeof sbom === 'string' ? sbom : json(sbom));
  }
  if (codeQuality.skipped > 0)
    logger().info(
      `gitlab: ${codeQuality.skipped} finding(s) have no Dockerfile line to attach to and are not in the Code Quality report`,
    );
  return files;
}
