/**
 * The GitHub Action: inputs → pipeline → reports (the output stage) → upload, summary, annotations, comment →
 * outputs → exit by the decision. All logic lives in the library; this file only wires it to the runner.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { EXIT, formatError, oneLine, ShipgateError, toShipgateError } from '../core/errors';
import { addSecret, Logger, logger, setLogger, type LogSink } from '../core/logger';
import { countBySeverity, type ScanResult } from '../core/result';
import type { PipelineOptions } from '../pipeline/types';
import type { PushOutcome, PushRequest } from '../pipeline/push';
import { notSignedLine, type ScanToSign, type SignedImage } from '../pipeline/scan-sign';
import { signableRegistryImage, type SignOptions, type SignOutcome } from '../pipeline/sign';
import type { RegistryRef } from '../oci/ref';
import {
  appendJobSummary,
  createClient,
  inertLines,
  omittedNote,
  planAnnotations,
  readGitHubContext,
  uploadSarif,
  upsertPrComment,
  type GitHubContext,
} from '../platform/github';
import { blockingReasonsLine, decisionLines } from '../report/decision';
import { defaultCategory } from '../report/sarif';
import { sbomKind } from '../report/sbom-formats';
import { renderReport, writeReports, type ReportOptions, type ReportRequest } from '../report/write';
import type { Log } from 'sarif';
import { getInputs, toPipelineOptions, type ActionInputs } from './inputs';
import { actionsVulnCache } from './vuln-cache';

/** The scan the action runs; index.ts passes the real pipeline (and the push and signing steps). */
export interface Engine {
  runPipeline(options: PipelineOptions): Promise<ScanResult>;
  scanGatePush?(request: PushRequest): Promise<PushOutcome>;
  /** Opens the image to be signed once: a multi-platform index with every platform scanned. */
  scanToSign?(options: PipelineOptions): Promise<ScanToSign>;
  signScanned?(ref: RegistryRef, scanned: ScanToSign, options: SignOptions): Promise<SignedImage>;
  /** The push request's signing step (and whole multi-platform push), calling back with what it signed. */
  signingPush?(
    options: SignOptions,
    onSigned: (signed: SignedImage) => void,
  ): Pick<PushRequest, 'steps' | 'allPlatforms'>;
}

/** Runs the scan; with `push`, as shipgate push (verified job, approved image, signed before the tag). */
async function scan(
  engine: Engine,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
): Promise<{ result: ScanResult; pushed?: string; signed?: SignedImage }> {
  const options = toPipelineOptions(inputs);
  if (inputs.cache && !inputs.vulnDb) {
    const vulnCache = actionsVulnCache({ env });
    if (vulnCache) options.vulnCache = vulnCache;
  }
  if (!inputs.push) {
    if (!inputs.signing) return { result: await engine.runPipeline(options) };
    // Checked before the scan: an image that is not in a registry must not cost a whole scan.
    const ref = signableRegistryImage(inputs.image, 'input sign');
    if (!engine.scanToSign || !engine.signScanned)
      throw new ShipgateError('INTERNAL', 'this build of the action cannot sign');
    const scanned = await engine.scanToSign(options);
    if (!scanned.result.decision?.approved) {
      logger().warn(notSignedLine(scanned.result));
      return { result: scanned.result };
    }
    return { result: scanned.result, signed: await engine.signScanned(ref, scanned, inputs.signing) };
  }
  if (!engine.scanGatePush || (inputs.signing && !engine.signingPush))
    throw new ShipgateError('INTERNAL', 'this build of the action cannot push or sign');
  let signed: SignedImage | undefined;
  let scanned: ScanResult | undefined;
  try {
    const out = await engine.scanGatePush({
      ...(inputs.signing ? engine.signingPush!(inputs.signing, (s) => (signed = s)) : {}),
      pipeline: options,
      destination: inputs.push,
      env,
      onScanned: (r) => (scanned = r),
      ...(inputs.oidcProject ? { project: inputs.oidcProject } : {}),
      ...(inputs.oidcIssuer ? { issuer: inputs.oidcIssuer } : {}),
    });
    return { result: out.result, pushed: out.reference, ...(signed ? { signed } : {}) };
  } catch (e) {
    // An image the policy refused was not pushed: its scan is reported like any refused scan. Any other
    // failure (the job's identity, the registry, signing) is an error, approved or not.
    if (scanned?.decision && !scanned.decision.approved) return { result: scanned };
    throw e;
  }
}

/** Each signature in the order it was made: every platform's, then the index's (or the one image's). */
function signatures(signed: SignedImage | undefined): SignOutcome[] {
  return signed ? [...signed.platforms, signed.image] : [];
}

/** The job summary's section on what was pushed and signed. */
function signedSummary(pushed: string | undefined, signed: SignedImage | undefined): string {
  const lines: string[] = [];
  if (pushed) lines.push(`### Pushed\n\n\`${pushed}\`\n`);
  if (signed) {
    const { image } = signed;
    lines.push(
      `### Signed${image.forced ? ' (forced)' : ''}\n`,
      signed.platforms.length
        ? `\`${image.reference}\` (${image.signer}), the index of ${signed.platforms.length} platforms, each signed too:\n`
        : `\`${image.reference}\` (${image.signer})\n`,
      '| image | statement | stored as |',
      '| --- | --- | --- |',
      ...signatures(signed).flatMap((s) =>
        s.artifacts.map(
          (a) =>
            `| ${s.platform ?? (signed.platforms.length ? 'index' : 'image')} \`${s.digest}\` | \`${a.predicateType}\` | ${a.placements.map((p) => `${p.kind} \`${p.tag ?? p.digest}\``).join('<br>')} |`,
        ),
      ),
      '',
    );
  }
  return lines.join('\n');
}

/**
 * Routes the one logger to the runner: info to the log, debug to step debug, masks to ::add-mask::, each phase
 * in a ::group:: section; progress comes as a line every few seconds (the log is not a terminal).
 */
const actionsSink: LogSink = {
  write(level, line) {
    if (level === 'debug') core.debug(line);
    else {
      const text = level === 'error' ? `Error: ${line}` : level === 'warn' ? `Warning: ${line}` : line;
      for (const l of inertLines(text)) core.info(l);
    }
  },
  secret(value) {
    core.setSecret(value);
  },
  group(title) {
    core.startGroup(title);
  },
  endGroup() {
    core.endGroup();
  },
};

/** Under GitHub's 65,536-character limit for a comment, with room for the marker. */
const PR_COMMENT_BYTES = 60_000;

/** Runs the action; returns the exit code (also set on process.exitCode). */
export async function run(engine: Engine, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  setLogger(new Logger([actionsSink], env.RUNNER_DEBUG === '1' ? 'debug' : 'info'), [actionsSink]);
  try {
    const code = await runInner(engine, env);
    process.exitCode = code;
    return code;
  } catch (e) {
    const err = toShipgateError(e);
    core.setFailed(oneLine(formatError(err)));
    process.exitCode = err.exitCode;
    return err.exitCode;
  }
}

async function runInner(engine: Engine, env: NodeJS.ProcessEnv): Promise<number> {
  const inputs = getInputs(env);
  addSecret(inputs.token);
  const ctx = env.GITHUB_REPOSITORY ? readGitHubContext(env) : undefined;

  const { result, pushed, signed } = await scan(engine, inputs, env);
  const decision = result.decision;
  if (!decision) throw toShipgateError(new Error('the pipeline returned no decision'));
  for (const line of decisionLines(decision)) logger().info(line);
  // GitHub shows 10 warning annotations per step: shipgate's own warnings are grouped, and the finding
  // annotations get the slots that are left.
  const warnings = new WarningBudget();
  warnings.emit('shipgate', result.warnings);

  const at = (p: string) => (isAbsolute(p) ? p : resolve(inputs.workingDirectory, p));
  const category = inputs.category;
  const sarifPath = at(inputs.sarifFile);
  const jsonPath = at(inputs.jsonFile);
  const requests: ReportRequest[] = [
    { format: 'sarif', path: sarifPath },
    { format: 'json', path: jsonPath },
  ];
  let sbomPath: string | undefined;
  if (inputs.sbom) {
    if (!result.image) warnings.emit('shipgate: sbom', ['no image was scanned, so no SBOM was written']);
    else {
      sbomPath = at(inputs.sbom);
      requests.push({ format: sbomKind(inputs.sbomFormat), path: sbomPath });
    }
  }
  const reportOptions: ReportOptions = {
    repoRoot: inputs.repoRoot,
    ...(category ? { category } : {}),
    ...(ctx ? { summary: { linkBase: `${ctx.serverUrl}/${ctx.repository}/blob/${ctx.sha}/` } } : {}),
  };
  const written = await writeReports(result, requests, reportOptions);
  warnings.emit('shipgate: code scanning', written.sarifWarnings);
  const sarif = written.sarif!;

  if (inputs.summary) {
    appendJobSummary(await renderReport(result, 'summary', reportOptions), env);
    if (pushed || signed) appendJobSummary(signedSummary(pushed, signed), env);
  }

  let remoteError: ShipgateError | undefined;
  if (inputs.uploadSarif) remoteError = await upload(inputs, ctx, sarif, result, env, warnings);
  if (inputs.prComment && ctx?.pullRequest && inputs.token) {
    try {
      const client = createClient(inputs.token, { baseUrl: ctx.apiUrl });
      const marker =
        category ??
        defaultCategory(
          result,
          result.image ? 'vulnerability' : inputs.dockerfiles.length ? 'dockerfile' : 'manifest',
          inputs.repoRoot,
        );
      // GitHub caps a comment at 65,536 characters; the job summary may be far longer.
      const comment = await renderReport(result, 'summary', {
        ...reportOptions,
        summary: { ...reportOptions.summary, maxBytes: PR_COMMENT_BYTES },
      });
      const c = await upsertPrComment(client, ctx, marker, comment);
      if (c.warning) warnings.emit('shipgate: pr-comment', [c.warning]);
      else core.info(`pull request comment ${c.action}${c.url ? `: ${c.url}` : ''}`);
    } catch (e) {
      remoteError ??= toShipgateError(e);
    }
  }

  if (inputs.annotations) annotate(result, warnings.left());

  const counts = countBySeverity(result.findings);
  const active = result.findings.filter((f) => !f.suppressed).length;
  const rel = (p: string) => relative(inputs.workingDirectory, p) || p;
  core.setOutput('approved', String(decision.approved));
  core.setOutput('sarif-file', rel(sarifPath));
  core.setOutput('json-file', rel(jsonPath));
  core.setOutput('sbom-file', sbomPath ? rel(sbomPath) : '');
  // The digest a deployment names: the index of a multi-platform image, as docker/build-push-action gives it.
  core.setOutput('digest', result.index?.digest ?? result.image?.digest ?? '');
  core.setOutput(
    'platforms',
    JSON.stringify(
      (result.index?.platforms ?? []).map((p) => ({
        platform: p.platform,
        digest: p.digest,
        approved: p.decision.approved,
      })),
    ),
  );
  core.setOutput('pushed', pushed ?? '');
  core.setOutput('signed-digest', signed?.image.digest ?? '');
  core.setOutput(
    'attestations',
    JSON.stringify(
      signatures(signed).flatMap((s) =>
        s.artifacts.map((a) => ({
          digest: s.digest,
          ...(s.platform ? { platform: s.platform } : {}),
          predicateType: a.predicateType,
          placements: a.placements,
        })),
      ),
    ),
  );
  core.setOutput('findings', String(active));
  for (const s of ['critical', 'high', 'medium', 'low'] as const) core.setOutput(s, String(counts[s]));
  core.setOutput(
    'reasons',
    JSON.stringify(decision.reasons.map((r) => ({ code: r.code, blocking: r.blocking, message: r.message }))),
  );

  if (!decision.approved) {
    const line = oneLine(`shipgate: not approved: ${blockingReasonsLine(decision)}`);
    // exit-code 0 (trivy's default) reports the refusal without failing the step.
    if (inputs.exitCode === EXIT.OK) core.warning(line);
    else core.setFailed(line);
    if (remoteError) core.error(oneLine(formatError(remoteError)));
    return inputs.exitCode;
  }
  if (remoteError) {
    core.setFailed(oneLine(formatError(remoteError)));
    return remoteError.exitCode;
  }
  core.info('shipgate: approved');
  return EXIT.OK;
}

/** Emits shipgate's own warnings, one annotation per topic, and counts the slots used. */
class WarningBudget {
  private used = 0;
  emit(title: string, lines: string[]): void {
    if (!lines.length) return;
    core.warning(lines.join('\n'), { title });
    this.used++;
  }
  left(): number {
    return Math.max(0, 10 - this.used);
  }
}

function annotate(result: ScanResult, warningSlots: number): void {
  const plan = planAnnotations(result.findings, result.rules, { errors: 10, warnings: warningSlots });
  for (const a of plan.annotations) {
    const props: core.AnnotationProperties = { title: a.title, file: a.file, startLine: a.startLine };
    if (a.endLine) props.endLine = a.endLine;
    if (a.startColumn) props.startColumn = a.startColumn;
    if (a.endColumn) props.endColumn = a.endColumn;
    if (a.level === 'error') core.error(a.message, props);
    else core.warning(a.message, props);
  }
  const note = omittedNote(plan);
  if (note) core.info(note);
}

async function upload(
  inputs: ActionInputs,
  ctx: GitHubContext | undefined,
  sarif: Log,
  result: ScanResult,
  env: NodeJS.ProcessEnv,
  warnings: WarningBudget,
): Promise<ShipgateError | undefined> {
  if (!ctx) {
    core.info('upload-sarif: not running in GitHub Actions (GITHUB_REPOSITORY unset); not uploading');
    return undefined;
  }
  if (!inputs.token) {
    warnings.emit('shipgate: code scanning', [
      'upload-sarif: no token; set the input token (default: github.token)',
    ]);
    return undefined;
  }
  try {
    const client = createClient(inputs.token, { baseUrl: ctx.apiUrl });
    const out = await uploadSarif(client, ctx, sarif, {
      startedAt: result.startedAt,
      wait: inputs.waitForProcessing,
      ...(env.SHIPGATE_UPLOAD_POLL_MS ? { pollIntervalMs: Number(env.SHIPGATE_UPLOAD_POLL_MS) } : {}),
    });
    warnings.emit('shipgate: code scanning', out.warnings);
    if (out.sarifId) core.setOutput('sarif-id', out.sarifId);
    return undefined;
  } catch (e) {
    return toShipgateError(e);
  }
}
