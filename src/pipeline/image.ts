/** The image half of the pipeline: open, one walk with every analyzer, then match and map findings. */
import { addAbortSignal } from 'node:stream';
import type { Finding, RuleMeta } from '../core/finding';
import { logger } from '../core/logger';
import type { Package } from '../core/package';
import type { DockerfileTarget, ImageTarget } from '../core/result';
import { matchHistoryToInstruction } from '../dockerfile/index';
import { formatPlatform, openImage, walkImage, type Analyzer, type OpenedImage } from '../image/index';
import { collectInventory, inventoryAnalyzers } from '../inventory/index';
import type { Policy } from '../policy/defaults';
import { secretsAnalyzer } from '../secrets/index';
import { checkImageConfig, configAnalyzer, IMG_RULE_META } from '../config/index';
import { malwareAnalyzer, MAL_RULE_META } from '../malware/index';
import {
  applyVex,
  loadVexDocuments,
  matchVulnerabilities,
  openVulnDatabase,
  vulnerabilityRule,
} from '../vuln/index';
import { policyVexFiles } from '../policy/overrides';
import type { PipelineOptions } from './types';

export interface ImageScan {
  target: ImageTarget;
  packages: Package[];
  findings: Finding[];
  rules: RuleMeta[];
  warnings: string[];
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
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

export async function scanImage(
  opts: PipelineOptions,
  scanners: Set<string>,
  policy: Policy,
  signal?: AbortSignal,
): Promise<ImageScan> {
  const log = logger();
  const image = abortable(
    await log.step(`opening ${opts.image}`, () =>
      openImage(opts.image!, opts.platform ? { platform: opts.platform } : {}),
    ),
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
    const analyzers: Analyzer[] = [...inventoryAnalyzers()];
    const secrets = scanners.has('secret') ? secretsAnalyzer() : undefined;
    const config = scanners.has('config') ? configAnalyzer({ filesystemOnly: true }) : undefined;
    const malware = scanners.has('malware') ? malwareAnalyzer() : undefined;
    for (const a of [secrets, config, malware]) if (a) analyzers.push(a);
    const resultOf = (a: Analyzer | undefined): Finding[] =>
      a ? ((walk.results[analyzers.indexOf(a)] as Finding[] | undefined) ?? []) : [];

    const walk = await walkImage(image, analyzers, {
      onLayer: (l) =>
        log.info(`layer ${l.index + 1}/${info.layers.length} ${l.digest.slice(7, 19)} (${mb(l.size)})`),
    });
    const inventory = collectInventory(walk.results);
    log.info(
      `${inventory.packages.length} packages${inventory.os ? ` on ${inventory.os.prettyName ?? inventory.os.id}` : ''}`,
    );
    const findings: Finding[] = [];
    const rules: RuleMeta[] = [];
    findings.push(...resultOf(secrets), ...resultOf(malware));
    if (config) {
      // An end-of-life OS is reported once: by the vulnerability part when it runs (SG-OS-001), else here.
      const os = inventory.os && !scanners.has('vuln') ? { os: inventory.os } : {};
      findings.push(...checkImageConfig(info, os), ...resultOf(config));
      rules.push(...IMG_RULE_META);
    }
    if (malware) rules.push(...MAL_RULE_META);

    if (scanners.has('vuln')) {
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
    return { target, packages: inventory.packages, findings, rules, warnings: walk.warnings };
  } finally {
    await image.close();
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
