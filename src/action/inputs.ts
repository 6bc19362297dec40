/**
 * The action's inputs, read from the environment the way the runner passes them (INPUT_<NAME> with the
 * name upper-cased, spaces as underscores, hyphens kept). Pure: takes the environment, returns values.
 */
import { isAbsolute, resolve } from 'node:path';
import { isScanner, SCANNERS, type Scanner } from '../analyzers/registry';
import { EXIT, parseExitCode, ShipgateError } from '../core/errors';
import { parseSeverity, parseSeverityList, type Severity } from '../core/severity';
import { parseDuration } from '../pipeline/deadline';
import { userCategory } from '../report/sarif/category';
import type { PipelineOptions } from '../pipeline/types';
import type { MalwareMode } from '../policy/defaults';
import {
  defaultAt,
  nameAt,
  optionsOf,
  PSS_VALUES,
  SBOM_FORMAT_VALUES,
  type OptionDef,
} from '../core/options';
import { addSecret } from '../core/logger';
import { normalizeIssuer } from '../platform/issuer';
import { DEFAULT_ATTESTATIONS, type SignOptions } from '../pipeline/sign';
import type { PredicateName, SigningConfig } from '../sign/index';

/** Every input the action reads, from the option table; action.yml declares exactly these (a test checks both ways). */
export const INPUT_NAMES: readonly string[] = optionsOf('action').map((o) => nameAt(o, 'action'));

type InputName = string;

const TABLE = new Map(optionsOf('action').map((o) => [nameAt(o, 'action'), o] as const));

function option(name: InputName): OptionDef {
  const o = TABLE.get(name);
  if (!o) throw new ShipgateError('INTERNAL', `input ${name} is not in the option table`);
  return o;
}

/** action.yml's default of an input (from the table), for a runner that does not pass defaults. */
function tableDefault(name: InputName): string {
  return String(defaultAt(option(name), 'action'));
}

export interface ActionInputs {
  dockerfiles: string[];
  /** Kubernetes manifests to lint with the image, like the CLI's --manifests. */
  manifests: string[];
  /** The Pod Security Standards level to check them against; undefined keeps the policy's. */
  pss?: (typeof PSS_VALUES)[number];
  image?: string;
  /** Build context whose files the Dockerfile copies are scanned for secrets. */
  context?: string;
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
  sbomFormat: (typeof SBOM_FORMAT_VALUES)[number];
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
    legacy: boolInput(env, 'legacy-signatures'),
    repoRoot,
    env,
  };
}

/** The raw value of an input, trimmed; undefined when empty. */
function rawInput(env: NodeJS.ProcessEnv, name: InputName): string | undefined {
  const v = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return v ? v : undefined;
}

/** An enum input: one of the table's values (or a spelling it aliases); undefined when empty. */
function enumInput(env: NodeJS.ProcessEnv, name: InputName): string | undefined {
  const o = option(name);
  const v = rawInput(env, name) ?? (tableDefault(name) || undefined);
  if (v === undefined) return undefined;
  const value = o.valueAliases?.[v] ?? v;
  if (!o.values?.includes(value))
    throw new ShipgateError('USAGE', `input ${name}: invalid value "${v}"`, {
      hint: `use one of ${o.values?.join(', ')}`,
    });
  return value;
}

/** Newline- or comma-separated list, blanks dropped. */
function listInput(env: NodeJS.ProcessEnv, name: InputName): string[] {
  return (rawInput(env, name) ?? '')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** YAML 1.2 core booleans, as @actions/core getBooleanInput accepts them; empty is the table's default. */
function boolInput(env: NodeJS.ProcessEnv, name: InputName): boolean {
  const v = rawInput(env, name);
  if (v === undefined) return defaultAt(option(name), 'action') === true;
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

  const sbomFormat = enumInput(env, 'sbom-format') as ActionInputs['sbomFormat'];
  const pss = enumInput(env, 'pss') as ActionInputs['pss'];

  const scannerList = listInput(env, 'scanners').map((s) => s.toLowerCase());
  for (const s of scannerList)
    if (!isScanner(s))
      throw new ShipgateError('USAGE', `input scanners: unknown scanner "${s}"`, {
        hint: `use a comma-separated list of ${SCANNERS.join(', ')}`,
      });

  const malwareMode = enumInput(env, 'malware-mode');

  const dockerfiles = listInput(env, 'dockerfile');
  const manifests = listInput(env, 'manifests');
  const image = rawInput(env, 'image');
  if (dockerfiles.length === 0 && manifests.length === 0 && !image)
    throw new ShipgateError('USAGE', 'nothing to scan: set the input dockerfile, image or manifests', {
      hint: 'e.g. `with: { dockerfile: Dockerfile, image: ghcr.io/org/app:sha }`',
    });

  const severityRaw = rawInput(env, 'severity');
  userCategory(rawInput(env, 'category'), 'input category');
  const exitCodeRaw = rawInput(env, 'exit-code');

  const inputs: ActionInputs = {
    dockerfiles,
    manifests,
    exitCode: exitCodeRaw === undefined ? EXIT.POLICY_FAILED : parseExitCode(exitCodeRaw, 'input exit-code'),
    trivyignores: listInput(env, 'trivyignores'),
    uploadSarif: boolInput(env, 'upload-sarif'),
    waitForProcessing: boolInput(env, 'wait-for-processing'),
    sarifFile: rawInput(env, 'sarif-file') ?? tableDefault('sarif-file'),
    jsonFile: rawInput(env, 'json-file') ?? tableDefault('json-file'),
    sbomFormat,
    summary: boolInput(env, 'summary'),
    annotations: boolInput(env, 'annotations'),
    prComment: boolInput(env, 'pr-comment'),
    token: rawInput(env, 'token') ?? '',
    offline: boolInput(env, 'offline'),
    cache: boolInput(env, 'cache'),
    ignoreUnfixed: boolInput(env, 'ignore-unfixed'),
    vex: listInput(env, 'vex'),
    timeoutMs: parseDuration(rawInput(env, 'timeout') ?? tableDefault('timeout'), 'input timeout'),
    workingDirectory,
    repoRoot: resolve(workspace),
    sign: boolInput(env, 'sign'),
  };
  if (image) inputs.image = image;
  if (pss) inputs.pss = pss;
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
    ['context', 'context'],
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
  if (inputs.manifests.length) o.manifests = inputs.manifests.map(at);
  if (inputs.pss) o.pss = inputs.pss;
  if (inputs.image) o.image = inputs.image;
  if (inputs.context) o.context = at(inputs.context);
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
