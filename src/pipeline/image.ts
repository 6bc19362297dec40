/** The image half of the pipeline: open, one walk with every registered analyzer, then match and map findings. */
import { createAnalyzers, type Scanner } from '../analyzers/registry';
import { oneLine } from '../core/errors';
import { addAbortSignal } from 'node:stream';
import type { Finding, RuleMeta } from '../core/finding';
import { logger } from '../core/logger';
import type { Package } from '../core/package';
import type { AnalyzerStatus, DockerfileTarget, ExploitDataStatus, ImageTarget } from '../core/result';
import { matchHistoryToInstruction, ownHistoryEntries } from '../dockerfile/index';
import { severityRank } from '../core/severity';
import {
  formatPlatform,
  openImage,
  walkImage,
  type Analyzer,
  type AnalyzerOutput,
  type OpenedImage,
} from '../image/index';
import { collectInventory } from '../inventory/index';
import type { Policy } from '../policy/defaults';
import {
  applyVex,
  defaultCacheDir,
  enrichVulnerabilities,
  findingCves,
  loadExploitData,
  loadVexDocuments,
  matchVulnerabilities,
  neededEcosystems,
  openVulnDatabase,
  vulnerabilityRule,
} from '../vuln/index';
import {
  policyClamavDatabase,
  policyExploitData,
  policyImageLimits,
  policyVexFiles,
} from '../policy/overrides';
import type { PipelineOptions } from './types';

export interface ImageScan {
  target: ImageTarget;
  packages: Package[];
  findings: Finding[];
  rules: RuleMeta[];
  /** What each analyzer did; a failed or incomplete one is for the policy to judge. */
  analyzers: AnalyzerStatus[];
  warnings: string[];
  /** The configuration's `User` ("" when unset), for the manifest cross-checks. */
  user: string;
  /** What the configuration says the process runs and writes, for the manifest cross-checks. */
  process: { workingDir: string; volumes: string[]; command: string[] };
  /** The EPSS / KEV data the policy asked for. */
  exploitData?: ExploitDataStatus;
  /** Each history entry's `created_by` ("" when absent), for telling the base image's entries apart. */
  history: string[];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Runs a best-effort step: a failure becomes a warning of the scan. */
async function guarded(warnings: string[], what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const line = oneLine(`${what} failed: ${(e as Error).message}`);
    logger().warn(line);
    warnings.push(line);
  }
}

/** Layer streams end with the signal's reason when it aborts (the scan's deadline). */
function abortable(image: OpenedImage, signal: AbortSignal | undefined): OpenedImage {
  if (!signal) return image;
  return {
    ...image,
    async openLayer(index) {
      signal.throwIfAborted();
      return addAbortSignal(signal, await image.openLayer(index));
    },
  };
}

/** Scans `opts.image`, or the already opened `opened`, which then stays open for the caller. */
export async function scanImage(
  opts: PipelineOptions,
  scanners: ReadonlySet<Scanner>,
  policy: Policy,
  opened?: OpenedImage,
  signal?: AbortSignal,
): Promise<ImageScan> {
  const log = logger();
  const image = abortable(
    opened ??
      (await log.step(`opening ${opts.image}`, () =>
        openImage(opts.image!, opts.platform ? { platform: opts.platform } : {}),
      )),
    signal,
  );
  try {
    const info = image.info;
    log.info(
      `image ${info.ref}${info.digest ? `@${info.digest}` : ''} (${formatPlatform(info.platform)}, ${info.layers.length} layers, ${mb(info.size)})`,
    );
    if (info.otherPlatforms?.length) {
      log.info(`other platforms in this image: ${info.otherPlatforms.map(formatPlatform).join(', ')}`);
    }
    const clamavDatabase = policyClamavDatabase(policy);
    const instances = await createAnalyzers({
      scanners,
      ...(clamavDatabase ? { clamavDatabase } : {}),
      limits: policyImageLimits(policy),
      historyLint: policy.dockerfile.history,
    });
    const walkers = instances.flatMap((i) => i.walkers);
    // Progress by stored (compressed) layer sizes, counted as each layer is finished.
    const progress = log.progress(`reading the layers of ${info.ref}`, { total: info.size });
    let previous = 0;
    const walk = await walkImage(image, walkers, {
      onLayer: (l) => {
        progress.add(previous);
        previous = l.size;
        log.info(`layer ${l.index + 1}/${info.layers.length} ${l.digest.slice(7, 19)} (${mb(l.size)})`);
      },
    });
    progress.add(previous);
    progress.done();
    const output = new Map<Analyzer<AnalyzerOutput>, AnalyzerOutput | undefined>(
      walkers.map((w, i) => [w, walk.results[i]]),
    );
    const failed = new Map(walk.failures.map((f) => [walkers[f.index]!, f.error]));
    const warnings = [...walk.warnings];
    const findings: Finding[] = [];
    const rules: RuleMeta[] = [];
    const parts: AnalyzerOutput[] = [];
    const analyzers: AnalyzerStatus[] = [];
    for (const { entry, module, walkers: own } of instances) {
      const outputs = own.map((w) => output.get(w));
      for (const o of outputs) if (o) parts.push(o);
      findings.push(...outputs.flatMap((o) => o?.findings ?? []));
      rules.push(...module.rules);
      const errors = own.flatMap((w) => {
        const error = failed.get(w);
        return error === undefined ? [] : [`${w.name === entry.name ? '' : `${w.name} `}failed ${error}`];
      });
      const incomplete = outputs.flatMap((o) => (o?.incomplete ? [o.incomplete] : []));
      const status: AnalyzerStatus = {
        name: entry.name,
        scanner: entry.scanner,
        version: module.version,
        status: errors.length ? 'failed' : incomplete.length ? 'incomplete' : 'ok',
      };
      const detail = oneLine([...errors, ...incomplete].join('; '));
      if (detail) status.detail = detail;
      if (status.status === 'failed') {
        log.warn(`analyzer ${entry.name} ${detail}`);
        warnings.push(`analyzer ${entry.name} ${detail}`);
      } else if (status.status === 'incomplete')
        warnings.push(`analyzer ${entry.name} incomplete: ${detail}`);
      analyzers.push(status);
    }
    const inventory = collectInventory(parts);
    let exploitData: ExploitDataStatus | undefined;
    log.info(
      `${inventory.packages.length} packages${inventory.os ? ` on ${inventory.os.prettyName ?? inventory.os.id}` : ''}`,
    );

    if (scanners.has('vuln')) {
      const exploit = policyExploitData(policy);
      const cache = opts.vulnDb ? undefined : opts.vulnCache;
      // The downloaded EPSS / KEV files live in the same folder, so they name the cache entry too.
      if (cache)
        await guarded(warnings, 'restoring the vulnerability data cache', () =>
          cache.restore(
            [
              ...neededEcosystems(inventory.packages, inventory.os),
              ...exploit.sources.map((s) => s.toUpperCase()),
            ],
            defaultCacheDir(),
          ),
        );
      const db = await log.step('loading vulnerability data', () =>
        openVulnDatabase(inventory.packages, inventory.os, {
          ...(opts.vulnDb ? { path: opts.vulnDb } : {}),
          ...(opts.offline ? { offline: true } : {}),
        }),
      );
      // Unfixed ones stay in the result; the policy marks them suppressed under ignore-unfixed, so counts still show.
      let vulns = matchVulnerabilities(inventory.packages, inventory.os, db);
      const vexFiles = policyVexFiles(policy);
      if (vexFiles.length) {
        vulns = applyVex(vulns, loadVexDocuments(vexFiles), {
          ...(info.digest ? { imageDigest: info.digest } : {}),
          imageName: info.repository ?? info.ref,
        });
      }
      if (exploit.sources.length) {
        const cves = new Set(vulns.flatMap((v) => (v.vulnerability ? findingCves(v.vulnerability) : [])));
        const data = await log.step('loading exploitation data (EPSS, CISA KEV)', () =>
          loadExploitData(cves, {
            sources: exploit.sources,
            files: exploit.files,
            ...(opts.offline ? { offline: true } : {}),
          }),
        );
        vulns = enrichVulnerabilities(vulns, data);
        exploitData = {
          ...(data.epss
            ? { epss: { date: data.epss.date, ...(data.epss.model ? { model: data.epss.model } : {}) } }
            : {}),
          ...(data.kev ? { kev: data.kev.version ? { version: data.kev.version } : {} } : {}),
          errors: data.errors,
        };
        for (const [source, why] of Object.entries(data.errors))
          warnings.push(`${source === 'kev' ? 'CISA KEV catalogue' : 'EPSS scores'} unavailable: ${why}`);
      }
      if (cache) await guarded(warnings, 'saving the vulnerability data cache', () => cache.save());
      const ids = new Set<string>();
      for (const v of vulns) {
        if (ids.has(v.ruleId)) continue;
        ids.add(v.ruleId);
        rules.push(vulnerabilityRule(v));
      }
      log.info(`${vulns.length} vulnerabilit${vulns.length === 1 ? 'y' : 'ies'} matched`);
      // Image-wide findings (an end-of-life OS) name the image, so they map to the final FROM line.
      const whole = { ref: info.ref, ...(info.digest ? { digest: info.digest } : {}) };
      findings.push(...vulns.map((v) => (v.image ? v : { ...v, image: whole })));
    }

    const target: ImageTarget = {
      ref: info.ref,
      ...(info.repository ? { repository: info.repository } : {}),
      ...(info.tag ? { tag: info.tag } : {}),
      ...(info.digest ? { digest: info.digest } : {}),
      configDigest: info.configDigest,
      platform: formatPlatform(info.platform),
      ...(inventory.os ? { os: inventory.os } : {}),
      layers: info.layers.map((l) => ({
        index: l.index,
        digest: l.digest,
        ...(l.diffId ? { diffId: l.diffId } : {}),
        size: l.size,
        ...(l.createdBy ? { createdBy: l.createdBy } : {}),
      })),
      size: info.size,
    };
    return {
      target,
      packages: inventory.packages,
      findings,
      rules,
      analyzers,
      warnings,
      user: info.config.config?.User ?? '',
      process: {
        workingDir: info.config.config?.WorkingDir ?? '',
        volumes: Object.keys(info.config.config?.Volumes ?? {}),
        command: [...(info.config.config?.Entrypoint ?? []), ...(info.config.config?.Cmd ?? [])],
      },
      ...(exploitData ? { exploitData } : {}),
      history: (info.config.history ?? []).map((h) => h.created_by ?? ''),
    };
  } finally {
    if (!opened) await image.close();
  }
}

/**
 * Ties image findings to the Dockerfile line that made their layer (through the config history), or to the
 * final stage's FROM line when the layer came from the base image, so reviewers see them on the Dockerfile.
 */
export function mapImageFindings(findings: Finding[], dockerfile: DockerfileTarget | undefined): Finding[] {
  if (!dockerfile) return findings;
  const from = dockerfile.stages[dockerfile.stages.length - 1];
  return findings.map((f) => {
    if (f.location || !f.image) return f;
    const hit = f.image.createdBy ? matchHistoryToInstruction(f.image.createdBy, dockerfile) : undefined;
    if (hit) return { ...f, location: { path: dockerfile.path, startLine: hit.line, endLine: hit.endLine } };
    if (from) return { ...f, location: { path: dockerfile.path, startLine: from.line, endLine: from.line } };
    return f;
  });
}

/**
 * Puts history lint findings next to the Dockerfile's own. A history finding on an instruction where the
 * Dockerfile's rule reported the same rule is dropped: the Dockerfile's finding wins (exact line, its pragmas).
 * Entries before those the final stage's instructions made came from the base image: their findings stay, marked
 * `inBaseImage`, at most low, since the fix is another base image rather than an edit of this Dockerfile.
 */
export function reconcileHistoryFindings(
  imageFindings: Finding[],
  dockerfileFindings: readonly Finding[],
  dockerfile: DockerfileTarget | undefined,
  history: readonly string[],
): Finding[] {
  if (!dockerfile) return imageFindings;
  // Entries before the last ones the final stage's instructions made are the base image's, when those last ones
  // are this Dockerfile's (at least half of them map to its instructions); otherwise nothing is the base image's,
  // so a Dockerfile the image was not built from lowers nothing.
  const start = Math.max(0, history.length - ownHistoryEntries(dockerfile));
  const window = history.slice(start);
  const mapped = window.filter((by) => by !== '' && matchHistoryToInstruction(by, dockerfile)).length;
  const own = mapped * 2 >= window.length ? start : 0;
  const reported = dockerfileFindings.filter(
    (f) => f.kind === 'dockerfile' && f.location?.path === dockerfile.path,
  );
  const out: Finding[] = [];
  for (const f of imageFindings) {
    const step = f.properties?.source === 'history' ? f.properties.step : undefined;
    if (typeof step !== 'number') {
      out.push(f);
      continue;
    }
    if (step - 1 < own) {
      const lowered = severityRank(f.severity) > severityRank('low');
      out.push({
        ...f,
        severity: lowered ? 'low' : f.severity,
        properties: {
          ...f.properties,
          inBaseImage: true,
          ...(lowered ? { originalSeverity: f.severity } : {}),
        },
      });
      continue;
    }
    const at = f.location;
    const duplicate =
      at?.path === dockerfile.path &&
      reported.some((d) => {
        const line = d.location?.startLine ?? 0;
        return d.ruleId === f.ruleId && line >= at.startLine && line <= (at.endLine ?? at.startLine);
      });
    if (!duplicate) out.push(f);
  }
  return out;
}
