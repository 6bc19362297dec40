import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { getInputs, INPUT_NAMES, toPipelineOptions } from '../../../src/action/inputs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

/** Every string literal `name` in core.setOutput('name', ...) calls of the action's sources. */
function outputsSetInCode(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'src', 'action'))) {
    const text = readFileSync(join(ROOT, 'src', 'action', file), 'utf8');
    for (const m of text.matchAll(/setOutput\(\s*'([a-z-]+)'/g)) names.add(m[1]!);
    if (/for \(const s of \['critical', 'high', 'medium', 'low'\] as const\) core\.setOutput\(s,/.test(text))
      for (const s of ['critical', 'high', 'medium', 'low']) names.add(s);
  }
  return names;
}

describe('action.yml', () => {
  it('is valid against the schemastore github-action schema', () => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'test', 'fixtures', 'action', 'schemastore-github-action.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(action), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code reads, each documented', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    const src = readFileSync(join(ROOT, 'src', 'action', 'inputs.ts'), 'utf8');
    const read = new Set(
      [...src.matchAll(/(?:rawInput|listInput|boolInput|enumInput)\(env, '([a-z-]+)'/g)].map((m) => m[1]!),
    );
    for (const m of src.matchAll(/\['\w+', '([a-z-]+)'\]/g)) read.add(m[1]!);
    expect([...read].sort()).toEqual([...INPUT_NAMES].sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length, name).toBeGreaterThan(20);
      expect(input.default, `${name} has a default`).toBeDefined();
    }
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...outputsSetInCode()].sort());
  });

  it('the defaults in action.yml are what getInputs assumes when an input is empty', () => {
    // The runner passes every input with its default; the parsed values must equal the ones for an empty input.
    const withDefaults: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: '/ws', INPUT_DOCKERFILE: 'Dockerfile' };
    for (const [name, input] of Object.entries(action.inputs))
      if (name !== 'dockerfile' && name !== 'token')
        withDefaults[`INPUT_${name.toUpperCase()}`] = input.default;
    const bare = getInputs({ GITHUB_WORKSPACE: '/ws', INPUT_DOCKERFILE: 'Dockerfile' });
    expect(getInputs(withDefaults)).toEqual(bare);
    expect(bare).toMatchObject({
      uploadSarif: true,
      summary: true,
      annotations: true,
      prComment: false,
      sarifFile: 'shipgate.sarif',
      workingDirectory: '/ws',
    });
  });

  it('maps the timeout input onto the scan deadline, like the CLI --timeout', () => {
    const env = { GITHUB_WORKSPACE: '/ws', INPUT_DOCKERFILE: 'Dockerfile' };
    expect(toPipelineOptions(getInputs(env)).timeoutMs).toBe(15 * 60 * 1000);
    expect(toPipelineOptions(getInputs({ ...env, INPUT_TIMEOUT: '1h30m' })).timeoutMs).toBe(90 * 60 * 1000);
    expect(toPipelineOptions(getInputs({ ...env, INPUT_TIMEOUT: '90' })).timeoutMs).toBe(90 * 1000);
    expect(toPipelineOptions(getInputs({ ...env, INPUT_TIMEOUT: '0' }))).not.toHaveProperty('timeoutMs');
    expect(() => getInputs({ ...env, INPUT_TIMEOUT: '5 minutes' })).toThrow(
      'input timeout: invalid duration "5 minutes"',
    );
  });

  it('documents every input and output in docs/github-action.md', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'github-action.md'), 'utf8');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      expect(docs, name).toContain(`\`${name}\``);
  });
});
