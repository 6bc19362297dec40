/**
 * The action's inputs, read from the environment the way the runner passes them (INPUT_<NAME> with the
 * name upper-cased, spaces as underscores, hyphens kept). Pure: takes the environment, returns values.
 */
import { isAbsolute, resolve } from 'node:path';
import { isScanner, SCANNERS, type Scanner } from '../analyzers/registry';
import { EXIT, parseExitCode, ShipgateError } from '../core/errors';
import { parseSeverity, parseSeverityList, type Severity } from '../core/severity';
import { parseDuration } from '../pipeline/deadline';
import type { PipelineOptions } from '../pipeline/types';
import { MALWARE_MODES, type MalwareMode } from '../policy/defaults';
import { addSecret } from '../core/logger';
import { normalizeIssuer } from '../platform/issuer';
import { DEFAULT_ATTESTATIONS, type SignOptions } from '../pipeline/sign';
import type { PredicateName, SigningConfig } from '../sign/index';

/** Every input the action reads; action.yml declares exactly these (a test checks both ways). */
export const INPUT_NAMES = [
  'dockerfile',
  'image',
  'config',
  'fail-on',
  'severity',
  'exit-code',
  'trivyignores',
  'upload-sarif',
  'wait-for-processing',
  'category',
  'sarif-file',
  'json-file',
  'sbom',
  'sbom-format',
  'summary',
  'annotations',
  'pr-comment',
  'token',
  'platform',
  'vuln-db',
  'offline',
  'cache',
  'ignore-unfixed',
  'vex',
  'scanners',
  'malware-mode',
  'clamav-db',
  'timeout',
  'working-directory',
  'push',
  'sign',
  'attest',
  'signing-key',
  'signing-key-passphrase',
  'fulcio-url',
  'rekor-url',
  'tsa-url',
  'legacy-signatures',
  'oidc-project',
  'oidc-issuer',
] as const;

type InputName = (typeof INPUT_NAMES)[number];

/** action.yml's default for the timeout input, for a runner that does not pass defaults. */
const DEFAULT_TIMEOUT = '15m';

const SBOM_FORMATS = ['cyclonedx-json', 'spdx-json'] as const;

export interface ActionInputs {
  dockerfiles: string[];
  image?: string;
  config?: string;
  failOn?: Severity | 'none';
  /** Severities to report (trivy's severity); the others are hidden and do not block. */
  severities?: Severity[];
  /** The step's exit code when the policy refuses the image (default 1). */
  exitCode: number;
  /** Trivy ignore files to apply besides the repository root's. */
  trivyignores: string[];
  uploadSarif: boolean;
  waitForProcessing: boolean;
  category?: string;
  sarifFile: string;
  jsonFile: string;
  sbom?: string;
  sbomFormat: (typeof SBOM_FORMATS)[number];
  summary: boolean;
  annotations: boolean;
  prComment: boolean;
  token: string;
  platform?: string;
  vulnDb?: string;
  offline: boolean;
  /** Restore and save the vulnerability data with GitHub's cache service. */
  cache: boolean;
  ignoreUnfixed: boolean;
  vex: string[];
  scanners?: Scanner[];
  malwareMode?: MalwareMode;
  clamavDb?: string;
  /** Deadline for the whole scan in milliseconds; 0 for none (the CLI's --timeout). */
  timeoutMs: number;
  /** Absolute working directory: relative paths in inputs resolve against it. */
  workingDirectory: string;
  /** The checkout (GITHUB_WORKSPACE): report paths are relative to it. */
  repoRoot: string;
  /** Push the approved image here (shipgate push), from this verified GitHub Actions job. */
  push?: string;
  /** `--oidc-project` of the push guard: the repository the job's ID token must name. */
  oidcProject?: string;
  /** `--oidc-issuer` of the push guard (GitHub Enterprise Server: https://HOST/_services/token). */
  oidcIssuer?: string;
  /** Sign and attest the approved digest (the pushed one with `push`, else the scanned registry image). */
  sign: boolean;
  signing?: SignOptions;
}

const ATTESTATION_CHOICES: readonly PredicateName[] = DEFAULT_ATTESTATIONS;

/** The signing inputs, read when `sign` is true. */
function signingInputs(env: NodeJS.ProcessEnv, repoRoot: string, workingDirectory: string): SignOptions {
  const names = listInput(env, 'attest').map((n) => n.toLowerCase());
  for (const n of names)
    if (n !== 'none' && !(ATTESTATION_CHOICES as readonly string[]).includes(n))
      throw new ShipgateError('USAGE', `input attest: unknown attestation "${n}"`, {
        hint: `use a comma list of ${ATTESTATION_CHOICES.join(', ')}, or none`,
      });
  const signing: SigningConfig = {};
  const key = rawInput(env, 'signing-key');
  if (key) signing.key = isAbsolute(key) ? key : resolve(workingDirectory, key);
  const passphrase = rawInput(env, 'signing-key-passphrase');
  if (passphrase) {
    addSecret(passphrase);
    // The key loader reads the passphrase from a variable named by the configuration.
    env.SHIPGATE_SIGNING_KEY_PASSPHRASE = passphrase;
    signing.keyPassphraseEnv = 'SHIPGATE_SIGNING_KEY_PASSPHRASE';
  }
  for (const [field, name] of [
    ['fulcioUrl', 'fulcio-url'],
    ['rekorUrl', 'rekor-url'],
    ['tsaUrl', 'tsa-url'],
  ] as const) {
    const v = rawInput(env, name);
    if (v) signing[field] = v;
  }
  return {
    signing,
    attestations:
      names.length === 0
        ? [...DEFAULT_ATTESTATIONS]
        : names.includes('none')
          ? []
          : (names as PredicateName[]),
    legacy: boolInput(env, 'legacy-signatures', true),
    repoRoot,
    env,
  };
}

/** The raw value of an input, trimmed; undefined when empty. */
function rawInput(env: NodeJS.ProcessEnv, name: InputName): string | undefined {
  const v = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return v ? v : undefined;
}

/** Newline- or comma-separated list, blanks dropped. */
function listInput(env: NodeJS.ProcessEnv, name: InputName): string[] {
  return (rawInput(env, name) ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** YAML 1.2 core booleans, as @actions/core getBooleanInput accepts them. */
function boolInput(env: NodeJS.ProcessEnv, name: InputName, fallback: boolean): boolean {
  const v = rawInput(env, name);
  if (v === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new ShipgateError('USAGE', `input ${name}: invalid boolean "${v}"`, { hint: 'use true or false' });
}

export function getInputs(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): ActionInputs {
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const wd = rawInput(env, 'working-directory') ?? '.';
  const workingDirectory = isAbsolute(wd) ? wd : resolve(workspace, wd);

  const failOnRaw = rawInput(env, 'fail-on');
  let failOn: Severity | 'none' | undefined;
  if (failOnRaw) {
    try {
      failOn = parseSeverity(failOnRaw, 'fail-on') ?? 'none';
    } catch {
      throw new ShipgateError('USAGE', `input fail-on: invalid value "${failOnRaw}"`, {
        hint: 'use one of critical, high, medium, low, info or none',
      });
    }
  }

  const sbomFormat = rawInput(env, 'sbom-format') ?? 'cyclonedx-json';
  if (!(SBOM_FORMATS as readonly string[]).includes(sbomFormat))
    throw new ShipgateError('USAGE', `input sbom-format: invalid value "${sbomFormat}"`, {
      hint: `use one of ${SBOM_FORMATS.join(', ')}`,
    });

  const scannerList = listInput(env, 'scanners').map((s) => s.toLowerCase());
  for (const s of scannerList)
    if (!isScanner(s))
      throw new ShipgateError('USAGE', `input scanners: unknown scanner "${s}"`, {
        hint: `use a comma-separated list of ${SCANNERS.join(', ')}`,
      });

  const malwareMode = rawInput(env, 'malware-mode');
  if (malwareMode !== undefined && !(MALWARE_MODES as readonly string[]).includes(malwareMode))
    throw new ShipgateError('USAGE', `input malware-mode: invalid value "${malwareMode}"`, {
      hint: `use one of ${MALWARE_MODES.join(', ')}`,
    });

  const dockerfiles = listInput(env, 'dockerfile');
  const image = rawInput(env, 'image');
  if (dockerfiles.length === 0 && !image)
    throw new ShipgateError('USAGE', 'nothing to scan: set the input dockerfile, image, or both', {
      hint: 'e.g. `with: { dockerfile: Dockerfile, image: ghcr.io/org/app:sha }`',
    });

  const severityRaw = rawInput(env, 'severity');
  const exitCodeRaw = rawInput(env, 'exit-code');

  const inputs: ActionInputs = {
    dockerfiles,
    exitCode: exitCodeRaw === undefined ? EXIT.POLICY_FAILED : parseExitCode(exitCodeRaw, 'input exit-code'),
    trivyignores: listInput(env, 'trivyignores'),
    uploadSarif: boolInput(env, 'upload-sarif', true),
    waitForProcessing: boolInput(env, 'wait-for-processing', true),
    sarifFile: rawInput(env, 'sarif-file') ?? 'shipgate.sarif',
    jsonFile: rawInput(env, 'json-file') ?? 'shipgate.json',
    sbomFormat: sbomFormat as ActionInputs['sbomFormat'],
    summary: boolInput(env, 'summary', true),
    annotations: boolInput(env, 'annotations', true),
    prComment: boolInput(env, 'pr-comment', false),
    token: rawInput(env, 'token') ?? '',
    offline: boolInput(env, 'offline', false),
    cache: boolInput(env, 'cache', true),
    ignoreUnfixed: boolInput(env, 'ignore-unfixed', false),
    vex: listInput(env, 'vex'),
    timeoutMs: parseDuration(rawInput(env, 'timeout') ?? DEFAULT_TIMEOUT, 'input timeout'),
    workingDirectory,
    repoRoot: resolve(workspace),
    sign: boolInput(env, 'sign', false),
  };
  if (image) inputs.image = image;
  const push = rawInput(env, 'push');
  if (push) {
    if (!image)
      throw new ShipgateError('USAGE', 'input push: there is no image to push', {
        hint: 'set the input image to the built image, e.g. oci-archive:${{ runner.temp }}/image.tar',
      });
    inputs.push = push;
  }
  const oidcProject = rawInput(env, 'oidc-project');
  if (oidcProject) inputs.oidcProject = oidcProject;
  const oidcIssuer = rawInput(env, 'oidc-issuer');
  if (oidcIssuer) inputs.oidcIssuer = normalizeIssuer(oidcIssuer);
  if (inputs.sign) {
    if (!image)
      throw new ShipgateError('USAGE', 'input sign: there is no image to sign', {
        hint: 'set the input image, and push (or scan a registry image) so the signature has somewhere to go',
      });
    inputs.signing = signingInputs(env, inputs.repoRoot, workingDirectory);
  }
  const optional: [keyof ActionInputs, InputName][] = [
    ['config', 'config'],
    ['category', 'category'],
    ['sbom', 'sbom'],
    ['platform', 'platform'],
    ['vulnDb', 'vuln-db'],
    ['clamavDb', 'clamav-db'],
  ];
  for (const [key, name] of optional) {
    const v = rawInput(env, name);
    if (v) (inputs as unknown as Record<string, unknown>)[key] = v;
  }
  if (failOn) inputs.failOn = failOn;
  if (severityRaw) inputs.severities = parseSeverityList(severityRaw, 'input severity');
  if (scannerList.length) inputs.scanners = scannerList.filter(isScanner);
  if (malwareMode) inputs.malwareMode = malwareMode as MalwareMode;
  return inputs;
}

/** The pipeline options these inputs ask for. */
export function toPipelineOptions(inputs: ActionInputs): PipelineOptions {
  const at = (p: string) => (isAbsolute(p) ? p : resolve(inputs.workingDirectory, p));
  const o: PipelineOptions = {
    dockerfiles: inputs.dockerfiles.map(at),
    repoRoot: inputs.repoRoot,
  };
  if (inputs.image) o.image = inputs.image;
  if (inputs.platform) o.platform = inputs.platform;
  if (inputs.config) o.configPath = at(inputs.config);
  if (inputs.failOn) o.failOn = inputs.failOn;
  if (inputs.severities) o.severities = [...inputs.severities];
  if (inputs.trivyignores.length) o.ignoreFiles = inputs.trivyignores.map(at);
  if (inputs.vulnDb) o.vulnDb = at(inputs.vulnDb);
  if (inputs.offline) o.offline = true;
  if (inputs.ignoreUnfixed) o.ignoreUnfixed = true;
  if (inputs.vex.length) o.vex = inputs.vex.map(at);
  if (inputs.scanners) o.scanners = [...inputs.scanners];
  if (inputs.malwareMode) o.malwareMode = inputs.malwareMode;
  if (inputs.clamavDb) o.clamavDb = at(inputs.clamavDb);
  if (inputs.timeoutMs) o.timeoutMs = inputs.timeoutMs;
  return o;
}
