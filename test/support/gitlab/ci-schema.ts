/**
 * GitLab's `.gitlab-ci.yml` JSON schema (gitlab-org/gitlab `app/assets/javascripts/editor/schema/ci.json`),
 * as shipped inside the npm package gitlab-ci-local. The package bundles it into `dist/index.js` as an object
 * literal (`var X = {$schema: ..., $id: "https://gitlab.com/.gitlab-ci.yml", ...}`); this reads that literal
 * out of the bundle and evaluates it in an empty context. The runtime patches gitlab-ci-local applies on
 * top (in its src/schema.ts) are not applied: this is GitLab's schema as published.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

export const GITLAB_CI_LOCAL_BIN = require.resolve('gitlab-ci-local/dist/index.js');

const MARKER = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';

/** The end index (inclusive) of the balanced object literal starting at `start`, skipping string contents. */
function literalEnd(src: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error('unbalanced schema literal in the gitlab-ci-local bundle');
}

let cached: Record<string, unknown> | undefined;

function gitlabCiSchema(): Record<string, unknown> {
  if (cached) return cached;
  const src = readFileSync(GITLAB_CI_LOCAL_BIN, 'utf8');
  const start = src.indexOf(MARKER);
  if (start < 0) throw new Error('the .gitlab-ci.yml schema was not found in the gitlab-ci-local bundle');
  const literal = src.slice(start, literalEnd(src, start) + 1);
  // A plain data literal (strings, numbers, !0/!1): evaluated without access to anything.
  const value = vm.runInNewContext(`(${literal})`, Object.create(null), { timeout: 5000 }) as unknown;
  cached = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  return cached;
}

let validator: ValidateFunction | undefined;

export function validateGitlabCi(): ValidateFunction {
  if (!validator) {
    // strict off: the schema uses the editor keyword "markdownDescription".
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(gitlabCiSchema());
  }
  return validator;
}
