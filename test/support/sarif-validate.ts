/**
 * Validates a SARIF log the two ways GitHub-bound SARIF must pass: the SARIF 2.1.0 JSON schema (ajv) and
 * Microsoft's sarif-multitool with GitHub's rule kinds. The multitool exits 0 even when it finds errors, so
 * its output is parsed line by line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The schemastore copy of the OASIS SARIF 2.1.0 schema (draft-07, so ajv's default class). */
const SARIF_SCHEMA_PATH = join(import.meta.dirname, 'sarif-schema-2.1.0.json');

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  return validator;
}

function multitoolPath(): string {
  const pkg = require.resolve('@microsoft/sarif-multitool-linux/package.json');
  return join(dirname(pkg), 'Sarif.Multitool');
}

export interface SarifValidation {
  schemaErrors: string[];
  multitoolErrors: string[];
  multitoolWarnings: string[];
}

/**
 * The multitool fetches every distinct helpUri; offline each one costs a network timeout, so thousands of
 * vulnerability rules (one anchor each on the same page) take hours. It gets a copy whose helpUris lack the
 * fragment: the same documents, fetched once. The schema check still sees the original.
 */
function withoutHelpUriFragments(log: Log): Log {
  const copy = structuredClone(log);
  for (const run of copy.runs)
    for (const rule of run.tool.driver.rules ?? [])
      if (rule.helpUri) rule.helpUri = rule.helpUri.replace(/#.*$/, '');
  return copy;
}

const LINE = /:\s(error|warning)\s([A-Z]+\d+):\s(.*)$/;

/** Runs both validators; an empty schemaErrors and multitoolErrors means GitHub will accept the structure. */
export async function validateSarif(
  log: Log,
  options: { multitool?: boolean } = {},
): Promise<SarifValidation> {
  const validate = schemaValidator();
  const schemaErrors = validate(log)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
  if (options.multitool === false) return { schemaErrors, multitoolErrors: [], multitoolWarnings: [] };

  const dir = mkdtempSync(join(tmpdir(), 'sarif-validate-'));
  const file = join(dir, 'log.sarif');
  try {
    const json = JSON.stringify(withoutHelpUriFragments(log));
    writeFileSync(file, json);
    // The multitool skips files over 10 MB unless told otherwise (GitHub's limit is on the gzipped size).
    const sizeKb = String(Math.ceil(Buffer.byteLength(json) / 1024) + 1024);
    const args = ['validate', file, '--rule-kind', 'Sarif;Gh;Ghas', '--max-file-size-in-kb', sizeKb];
    let stdout = '';
    let stderr = '';
    try {
      ({ stdout, stderr } = await run(multitoolPath(), args, {
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      }));
    } catch (e) {
      // A non-zero exit is a tool failure (not a finding): keep its output as errors.
      const err = e as { stdout?: string; stderr?: string; message: string };
      stdout = err.stdout ?? '';
      stderr = `${err.stderr ?? ''}\nerror: multitool failed: ${err.message}`;
    }
    const multitoolErrors: string[] = [];
    const multitoolWarnings: string[] = [];
    for (const raw of `${stdout}\n${stderr}`.split('\n')) {
      const line = raw.replace(file, 'log.sarif').trim();
      const m = LINE.exec(line);
      if (m?.[1] === 'error') multitoolErrors.push(line);
      else if (m?.[1] === 'warning') multitoolWarnings.push(line);
      else if (/\berror\b/i.test(line) && !/^Analysis completed/.test(line)) multitoolErrors.push(line);
    }
    return { schemaErrors, multitoolErrors, multitoolWarnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
