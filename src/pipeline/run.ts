/**
 * The one pipeline every front door runs: lint the Dockerfiles, scan the image, apply the policy, decide.
 * Front doors only map their inputs onto PipelineOptions and write the reports.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyzerRules, ANALYZERS, SCANNERS, scannerPart } from '../analyzers/registry';
import { ShipgateError } from '../core/errors';
import type { Finding, RuleMeta } from '../core/finding';
import { logger } from '../core/logger';
import type { AnalyzerStatus, DockerfileTarget, ScanResult } from '../core/result';
import type { OpenedImage } from '../image/index';
import { sortFindings } from '../core/order';
import { VERSION } from '../core/version';
import {
  dockerfileRules,
  historyRules,
  lintDockerfilesParallel,
  loadHadolintConfig,
} from '../dockerfile/index';
import type { ScannedImage } from '../manifests/index';
import { applyPolicy } from '../policy/apply';
import { decide } from '../policy/decide';
import { defaultPolicy, findPolicyFile, type Policy } from '../policy/defaults';
import { dockerfileLintOptions } from '../policy/dockerfile-options';
import { readIgnoreFiles } from '../policy/ignore-files';
import { withExtraIgnores, withPipelineOptions } from '../policy/overrides';
import { filterBySeverity, hiddenMessage, type SeverityFilter } from '../policy/severity-filter';
import { normalizePeerId, trivyIgnoresToPolicy, type MappedRule } from '../policy/trivyignore';
import { withDeadline } from './deadline';
import { repoRelative } from './paths';
import type { PipelineOptions } from './types';

const MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;

/** Reads a Dockerfile the user named, with one-line errors for the usual mistakes. */
async function readDockerfile(path: string): Promise<string> {
  const abs = resolve(path);
  let size: number;
  try {
    const s = await stat(abs);
    if (s.isDirectory()) {
      throw new ShipgateError('INPUT', `${path} is a directory`, {
        hint: 'give the Dockerfile itself, e.g. ./Dockerfile',
      });
    }
    size = s.size;
  } catch (e) {
    if (e instanceof ShipgateError) throw e;
    throw new ShipgateError('NOT_FOUND', `Dockerfile ${path} does not exist`, {
      hint: 'check the path (it is relative to the working directory)',
    });
  }
  if (size > MAX_DOCKERFILE_BYTES) {
    throw new ShipgateError('INPUT', `${path} is ${size} bytes, too large for a Dockerfile`);
  }
  return readBounded(abs, path, size);
}

/** Reads at most MAX_DOCKERFILE_BYTES: a pipe or device (/dev/zero) reports no size but may never end. */
async function readBounded(abs: string, path: string, size: number): Promise<string> {
  const file = await open(abs, 'r');
  try {
    // One read for a regular file (its size is known); a pipe or device grows the buffer up to the limit.
    let buf = Buffer.allocUnsafe(size > 0 ? size + 1 : 64 * 1024);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > MAX_DOCKERFILE_BYTES)
          throw new ShipgateError(
            'INPUT',
            `${path} is larger than ${MAX_DOCKERFILE_BYTES} bytes, too large for a Dockerfile`,
            { hint: 'give the Dockerfile itself, a regular text file' },
          );
        const grown = Buffer.allocUnsafe(Math.min(MAX_DOCKERFILE_BYTES + 1, buf.length * 2));
        buf.copy(grown, 0, 0, total);
        buf = grown;
      }
      const { bytesRead } = await file.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buf.toString('utf8', 0, total);
  } finally {
    await file.close();
  }
}

/** The policy file's policy, or the default one; the schema validator loads only when there is a file. */
async function readPolicy(repoRoot: string, configPath: string | undefined): Promise<Policy> {
  if (!configPath && !findPolicyFile(repoRoot)) return defaultPolicy();
  const { loadPolicy } = await import('../policy/load');
  return loadPolicy(repoRoot, configPath);
}

/** The policy with the entries of trivy ignore files appended, trivy's check ids mapped onto shipgate's rules. */
async function withTrivyIgnores(policy: Policy, repoRoot: string, named: readonly string[]): Promise<Policy> {
  const files = readIgnoreFiles(repoRoot, named);
  if (!files.some((f) => f.entries.length)) return policy;
  const { allRules } = await import('../analyzers/registry');
  const byPeer = new Map<string, MappedRule[]>();
  for (const r of await allRules()) {
    // A related check's id means the same finding to whoever wrote the ignore, as in `# hadolint ignore=`.
    const peers = [
      ...(r.equivalents?.trivy ?? []),
      ...(r.related?.checks.trivy ?? []),
      ...(r.kind === 'secret' ? (r.equivalents?.gitleaks ?? []) : []),
    ];
    for (const key of new Set(peers.map(normalizePeerId)))
      byPeer.set(key, [...(byPeer.get(key) ?? []), { id: r.id, kind: r.kind }]);
  }
  let out = policy;
  for (const f of files) out = withExtraIgnores(out, trivyIgnoresToPolicy(f.entries, byPeer, f.source));
  return out;
}

/** What a caller already holds and keeps using after the scan. */
export interface PipelineInputs {
  /** The image `opts.image` names, already opened: scanned as is and left open (the push copies from it). */
  image?: OpenedImage;
}

/** Runs the pipeline within opts.timeoutMs (see ./deadline). */
export function runPipeline(opts: PipelineOptions, inputs: PipelineInputs = {}): Promise<ScanResult> {
  return withDeadline(opts.timeoutMs, (signal) => runUntil(opts, inputs, signal));
}

async function runUntil(
  opts: PipelineOptions,
  inputs: PipelineInputs,
  signal: AbortSignal | undefined,
): Promise<ScanResult> {
  const log = logger();
  const startedAt = new Date();
  const scanners = new Set(opts.scanners ?? SCANNERS);
  const manifestPaths = opts.manifests ?? [];
  if (opts.dockerfiles.length === 0 && !opts.image && manifestPaths.length === 0) {
    throw new ShipgateError('USAGE', 'nothing to scan: give a Dockerfile, manifests, an image, or several', {
      hint: 'e.g. shipgate scan --dockerfile Dockerfile --image oci-archive:app.tar',
    });
  }

  // Paths given on the command line are relative to the working directory, not to the policy file.
  const policy = await withTrivyIgnores(
    withPipelineOptions(await readPolicy(opts.repoRoot, opts.configPath), {
      ...(opts.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
      ...(opts.vex ? { vex: opts.vex.map((v) => resolve(v)) } : {}),
      ...(opts.malwareMode ? { malwareMode: opts.malwareMode } : {}),
      ...(opts.clamavDb ? { clamavDb: resolve(opts.clamavDb) } : {}),
    }),
    opts.repoRoot,
    opts.ignoreFiles ?? [],
  );
  log.debug(`policy: ${policy.source}`);
  const hadolint = await loadHadolintConfig(opts.repoRoot);
  const lintOptions = { ...dockerfileLintOptions(policy), ...(hadolint ? { hadolint } : {}) };

  const findings: Finding[] = [];
  const rules = new Map<string, RuleMeta>();
  const addRules = (metas: Iterable<RuleMeta>): void => {
    for (const m of metas) rules.set(m.id, m);
  };
  const warnings: string[] = [];
  const dockerfiles: DockerfileTarget[] = [];
  let shellcheckMissing = false;
  for (const name of Object.keys(policy.analyzers)) {
    if (!ANALYZERS.some((a) => a.name === name))
      warnings.push(
        `${policy.source}: analyzers.${name}: no such analyzer (one of ${ANALYZERS.map((a) => a.name).join(', ')}); the setting does nothing`,
      );
  }

  // The secret rules load only when a scan uses them, so `shipgate lint` starts fast.
  const secrets = scanners.has('secret') ? await import('../secrets/index') : undefined;
  if (secrets) addRules(await analyzerRules(new Set(['secret'])));
  if (opts.dockerfiles.length) addRules(dockerfileRules());
  if (opts.dockerfiles.length)
    await log.group('shipgate: Dockerfile lint', async () => {
      // Read every Dockerfile first (in parallel), then lint: a many-file lint does not wait on I/O per file.
      const texts = await Promise.all(opts.dockerfiles.map((path) => readDockerfile(path)));
      const inputs = opts.dockerfiles.map((path, i) => ({
        path: repoRelative(opts.repoRoot, path),
        content: texts[i]!,
      }));
      const linted = await lintDockerfilesParallel(inputs, lintOptions);
      for (const [i, { path: rel, content }] of inputs.entries()) {
        const { findings: found, target, shellcheck } = linted[i]!;
        log.info(`${rel}: ${found.length} Dockerfile finding${found.length === 1 ? '' : 's'}`);
        addRules(shellcheck.rules);
        if (shellcheck.state === 'missing') shellcheckMissing = true;
        const [first] = shellcheck.skipped;
        if (shellcheck.skipped.length > 5 && first)
          log.info(
            `${rel}: ShellCheck skipped ${shellcheck.skipped.length} RUN instructions, the first at line ${first.line}: ${first.reason}`,
          );
        else
          for (const s of shellcheck.skipped)
            log.info(`${rel}:${s.line}: ShellCheck skipped this RUN: ${s.reason}`);
        findings.push(...found);
        dockerfiles.push(target);
        if (secrets) findings.push(...secrets.scanDockerfileText(rel, content));
      }
    });
  if (shellcheckMissing) {
    // Said once per run, never silently: hadolint users expect SC findings on RUN scripts.
    const message =
      'ShellCheck checks on RUN scripts were skipped: no shellcheck on PATH (install the shellcheck package, or set dockerfile.shellcheck: false in shipgate.yaml to say so)';
    warnings.push(message);
    log.warn(message);
  }
  if (opts.context && secrets) {
    const dockerfile = opts.dockerfiles[0];
    findings.push(
      ...(await secrets.scanBuildContext(
        resolve(opts.context),
        dockerfile ? resolve(dockerfile) : undefined,
        {
          repoRoot: opts.repoRoot,
        },
      )),
    );
  }

  let image: ScanResult['image'];
  let packages: ScanResult['packages'] = [];
  let analyzers: AnalyzerStatus[] | undefined;
  let exploitData: ScanResult['exploitData'];
  let scannedImage: ScannedImage | undefined;
  if (opts.image) {
    // Loaded only when an image is scanned, so `shipgate lint` starts fast.
    const { mapImageFindings, reconcileHistoryFindings, scanImage } = await import('./image');
    const scanned = await log.group(`shipgate: image scan of ${opts.image}`, () =>
      scanImage(opts, scanners, policy, inputs.image, signal),
    );
    image = scanned.target;
    packages = scanned.packages;
    analyzers = scanned.analyzers;
    exploitData = scanned.exploitData;
    warnings.push(...scanned.warnings);
    addRules(scanned.rules);
    const mapped = reconcileHistoryFindings(
      mapImageFindings(scanned.findings, dockerfiles[0]),
      findings,
      dockerfiles[0],
      scanned.history,
    );
    findings.push(...mapped);
    // History lint reports Dockerfile rules: their metadata, for the reports, as when a Dockerfile is linted.
    if (mapped.some((f) => f.properties?.source === 'history')) addRules(historyRules());
    scannedImage = {
      ref: scanned.target.ref,
      ...(scanned.target.repository ? { repository: scanned.target.repository } : {}),
      ...(scanned.target.digest ? { digest: scanned.target.digest } : {}),
      user: scanned.user,
      ...scanned.process,
    };
  }

  // After the image scan: containers of the scanned image are cross-checked against it.
  let manifestsLinted = false;
  if (manifestPaths.length) {
    // Loaded only when manifests are given, so a Dockerfile-only lint starts fast.
    const [{ lintManifests, manifestRules }, { readManifests }, { manifestLintOptions }] = await Promise.all([
      import('../manifests/index'),
      import('./manifests'),
      import('../policy/manifest-options'),
    ]);
    const options = {
      ...manifestLintOptions(policy, opts.pss),
      ...(scannedImage ? { image: scannedImage } : {}),
    };
    addRules(manifestRules(options.pss ?? 'privileged'));
    manifestsLinted = true;
    await log.group('shipgate: Kubernetes manifests', async () => {
      for (const input of await readManifests(manifestPaths, opts.repoRoot)) {
        const { findings: found, objects } = lintManifests(input, options);
        log.info(
          `${input.path}: ${objects} object${objects === 1 ? '' : 's'}, ${found.length} manifest finding${found.length === 1 ? '' : 's'}`,
        );
        findings.push(...found);
      }
    });
  }
  const applied = applyPolicy(findings, policy, startedAt);
  warnings.push(...applied.warnings);
  for (const w of applied.warnings) log.warn(w);

  let reported = applied.findings;
  let severityFilter: SeverityFilter | undefined;
  if (opts.severities) {
    const filtered = filterBySeverity(applied.findings, opts.severities);
    reported = filtered.findings;
    severityFilter = filtered.filter;
    if (reported.length < applied.findings.length) {
      const message = hiddenMessage(filtered.filter);
      warnings.push(message);
      log.warn(message);
    }
  }

  const present = new Set(reported.map((f) => f.ruleId));
  const result: ScanResult = {
    tool: { name: 'shipgate', version: VERSION },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    dockerfiles,
    ...(image ? { image } : {}),
    packages,
    findings: sortFindings(reported),
    // Every Dockerfile and manifest rule that ran (SARIF lists them), plus the metadata of every other rule
    // that fired.
    parts: [
      ...(dockerfiles.length ? (['dockerfile'] as const) : []),
      ...(manifestsLinted ? (['manifest'] as const) : []),
      // Secrets are also looked for in Dockerfiles; the other scanners need an image.
      ...SCANNERS.filter((s) => scanners.has(s) && (image || (s === 'secret' && dockerfiles.length))).map(
        scannerPart,
      ),
    ],
    rules: [...rules.values()].filter(
      (r) => r.kind === 'dockerfile' || r.kind === 'manifest' || present.has(r.id),
    ),
    ...(analyzers ? { analyzers } : {}),
    warnings,
    ...(exploitData ? { exploitData } : {}),
  };
  result.decision = decide(result, policy, {
    now: startedAt,
    ...(opts.failOn ? { failOn: opts.failOn } : {}),
    ...(severityFilter ? { severityFilter } : {}),
  });
  return result;
}
