/** The action's manifests and pss inputs: the same pipeline call as the CLI's --manifests and --pss, the same SARIF. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { getInputs, toPipelineOptions } from '../../../src/action/inputs';
import { run } from '../../../src/action/main';
import { main } from '../../../src/cli/main';
import { runPipeline } from '../../../src/pipeline/run';
import { FIXTURES } from '../../support/tools';

const BASE = { GITHUB_WORKSPACE: '/ws' };

describe('action inputs manifests and pss', () => {
  it('map onto the pipeline options, paths against working-directory', () => {
    const inputs = getInputs({
      ...BASE,
      INPUT_MANIFESTS: 'k8s\ndeploy/app.yaml, /abs/more.yaml',
      INPUT_PSS: 'restricted',
      'INPUT_WORKING-DIRECTORY': 'svc',
    });
    expect(toPipelineOptions(inputs)).toMatchObject({
      manifests: ['/ws/svc/k8s', '/ws/svc/deploy/app.yaml', '/abs/more.yaml'],
      pss: 'restricted',
      dockerfiles: [],
    });
  });

  it('are enough on their own, and empty leaves the policy in charge', () => {
    const o = toPipelineOptions(getInputs({ ...BASE, INPUT_MANIFESTS: 'k8s', INPUT_PSS: '' }));
    expect(o.manifests).toEqual(['/ws/k8s']);
    expect(o).not.toHaveProperty('pss');
    expect(o).not.toHaveProperty('image');
    expect(toPipelineOptions(getInputs({ ...BASE, INPUT_IMAGE: 'alpine:3' }))).not.toHaveProperty(
      'manifests',
    );
  });

  it('refuse a level the CLI would refuse', () => {
    expect(() => getInputs({ ...BASE, INPUT_MANIFESTS: 'k8s', INPUT_PSS: 'strict' })).toThrow(
      /^input pss: invalid value "strict"$/,
    );
    expect(() => getInputs(BASE)).toThrow(/nothing to scan: set the input dockerfile, image or manifests/);
  });
});

describe('a manifest-only action step', () => {
  const ws = mkdtempSync(join(tmpdir(), 'shipgate-action-manifests-'));
  mkdirSync(join(ws, '.git'));
  mkdirSync(join(ws, 'k8s'));
  copyFileSync(
    join(FIXTURES, 'manifests', 'shipgate', 'insecure-deployment.yaml'),
    join(ws, 'k8s', 'deployment.yaml'),
  );
  writeFileSync(join(ws, 'outputs'), '');
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  /** ruleId and location of every result, in order. */
  const results = (path: string) =>
    (JSON.parse(readFileSync(path, 'utf8')) as Log).runs.flatMap((r) =>
      (r.results ?? []).map((x) => ({
        rule: x.ruleId,
        uri: x.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
        line: x.locations?.[0]?.physicalLocation?.region?.startLine,
      })),
    );

  it('writes the same SARIF results as the CLI given the same manifests and level', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    const cwd = process.cwd();
    let actionCode: number;
    let cliCode: number;
    try {
      actionCode = await run(
        { runPipeline },
        {
          GITHUB_WORKSPACE: ws,
          GITHUB_OUTPUT: join(ws, 'outputs'),
          INPUT_MANIFESTS: 'k8s',
          INPUT_PSS: 'restricted',
          'INPUT_SARIF-FILE': 'action.sarif',
          'INPUT_UPLOAD-SARIF': 'false',
          INPUT_SUMMARY: 'false',
          INPUT_ANNOTATIONS: 'false',
        },
      );
      process.chdir(ws);
      cliCode = await main([
        'lint',
        '--manifests',
        'k8s',
        '--pss',
        'restricted',
        '--sarif',
        'cli.sarif',
        '-q',
      ]);
    } finally {
      process.chdir(cwd);
      process.stdout.write = write;
      process.exitCode = 0;
    }
    const fromAction = results(join(ws, 'action.sarif'));
    expect(fromAction.length).toBeGreaterThan(0);
    expect(fromAction.every((r) => r.uri === 'k8s/deployment.yaml')).toBe(true);
    expect(fromAction.some((r) => /^SG-K8S-1\d\d$/.test(r.rule ?? ''))).toBe(true);
    expect(fromAction).toEqual(results(join(ws, 'cli.sarif')));
    expect(actionCode).toBe(cliCode);
    expect(actionCode).toBe(1);
  });
});
