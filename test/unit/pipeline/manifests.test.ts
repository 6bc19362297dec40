/** Manifests through the one pipeline: the gate, SARIF and GitLab code quality with the YAML lines and columns. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline/run';
import { readManifests } from '../../../src/pipeline/manifests';
import { buildCodeQualityReport } from '../../../src/report/gitlab/code-quality';
import { toSarif } from '../../../src/report/sarif/sarif';
import { ShipgateError } from '../../../src/core/errors';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: nginx:1.27
`;

describe('manifests in the pipeline', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-manifests-'));
    mkdirSync(join(dir, 'k8s', 'base'), { recursive: true });
    mkdirSync(join(dir, 'k8s', 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'k8s', 'base', 'deploy.yaml'), DEPLOY);
    writeFileSync(join(dir, 'k8s', 'svc.yml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\n');
    writeFileSync(join(dir, 'k8s', 'README.md'), '# not yaml\n');
    writeFileSync(join(dir, 'k8s', 'node_modules', 'x.yaml'), 'kind: Pod\n: broken [\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads folders recursively (YAML files only, node_modules skipped) and stdin', async () => {
    const inputs = await readManifests([join(dir, 'k8s'), '-'], dir, Readable.from([Buffer.from(DEPLOY)]));
    expect(inputs.map((i) => i.path)).toEqual(['k8s/base/deploy.yaml', 'k8s/svc.yml', '-']);
    await expect(readManifests([join(dir, 'nope')], dir)).rejects.toSatisfy(
      (e: unknown) => e instanceof ShipgateError && e.code === 'NOT_FOUND',
    );
  });

  it('gates on manifest findings and reports them on the YAML lines', async () => {
    const result = await runPipeline({
      dockerfiles: [],
      manifests: [join(dir, 'k8s')],
      repoRoot: dir,
      scanners: [],
    });
    expect(result.parts).toEqual(['manifest']);
    expect(result.decision?.approved).toBe(false);
    expect(result.decision?.reasons.map((r) => r.message)).toContain(
      '1 high Kubernetes manifest finding at or above the threshold high',
    );
    const host = result.findings.find((f) => f.ruleId === 'SG-K8S-009')!;
    expect(host.location).toMatchObject({
      path: 'k8s/base/deploy.yaml',
      startLine: 8,
      startColumn: 7,
      endColumn: 24,
    });

    const sarif = toSarif(result, { repoRoot: dir });
    const run = sarif.runs.find((r) => r.automationDetails?.id?.startsWith('shipgate/manifest/'))!;
    expect(run.tool.driver.rules?.map((r) => r.id)).toContain('SG-K8S-001');
    const res = run.results?.find((r) => r.ruleId === 'SG-K8S-009');
    expect(res?.locations?.[0]?.physicalLocation?.region).toMatchObject({
      startLine: 8,
      startColumn: 7,
      endColumn: 24,
    });
    expect(res?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('k8s/base/deploy.yaml');

    const cq = buildCodeQualityReport(result);
    const issue = cq.issues.find((i) => i.check_name === 'SG-K8S-009');
    expect(issue?.location).toEqual({ path: 'k8s/base/deploy.yaml', lines: { begin: 8 } });
  });

  it('checks the Pod Security Standards at the level given', async () => {
    const result = await runPipeline({
      dockerfiles: [],
      manifests: [join(dir, 'k8s', 'base', 'deploy.yaml')],
      repoRoot: dir,
      scanners: [],
      pss: 'baseline',
    });
    expect(result.findings.filter((f) => f.ruleId.startsWith('SG-K8S-1')).map((f) => f.ruleId)).toEqual([
      'SG-K8S-102',
    ]);
    // SARIF lists the rules that ran: the baseline controls, not the restricted ones.
    const ids = result.rules.map((r) => r.id);
    expect(ids).toContain('SG-K8S-111');
    expect(ids).not.toContain('SG-K8S-121');
    const plain = await runPipeline({
      dockerfiles: [],
      manifests: [join(dir, 'k8s')],
      repoRoot: dir,
      scanners: [],
    });
    expect(plain.rules.filter((r) => /^SG-K8S-1\d\d$/.test(r.id))).toEqual([]);
  });
});
