/** Validators for what GitLab reads: the official security report schemas and the Code Quality format. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT } from '../tools';

const SCHEMAS = join(ROOT, 'test', 'fixtures', 'schemas');

function ajv(): Ajv {
  // strict off: the official schemas carry annotation keywords ("self", "examples") ajv does not know.
  const a = new Ajv({ allErrors: true, strict: false });
  addFormats(a);
  return a;
}

function load(file: string): object {
  return JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as object;
}

export const validateContainerScanning: ValidateFunction = ajv().compile(
  load('gitlab-v15.2.4-container-scanning-report-format.json'),
);

/**
 * GitLab's Code Quality report format, written from https://docs.gitlab.com/ci/testing/code_quality/
 * ("Code Quality report format"): the required fields and the allowed severities.
 */
export const validateCodeQuality: ValidateFunction = ajv().compile({
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
});

export function errorsOf(v: ValidateFunction): string {
  return JSON.stringify(v.errors, null, 2);
}
