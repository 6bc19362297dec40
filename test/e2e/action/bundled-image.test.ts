/**
 * The bundled action on a real image archive: a secret baked into a layer blocks whatever the threshold,
 * the SBOM and digest outputs are written, and the SARIF upload carries the image findings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FakeGitHub } from '../../support/fake-github';
import { buildImage } from '../../support/images';
import { describeWithTools } from '../../support/tools';
import { runAction, SHA, useBundledAction } from '../../support/action';

// An AWS example-style key id that matches the rule's shape (not a real credential).
const KEY_ID = ['AKIA', 'Q3EGRYKX7B2N5WLM'].join('');

describeWithTools('bundled action on an image', ['umoci', 'skopeo'], () => {
  useBundledAction();
  let gh: FakeGitHub | undefined;
  afterAll(async () => gh?.stop());

  it('blocks on a secret in a layer, writes SBOM, digest and counts, uploads the image findings', async () => {
    const image = await buildImage('action-secret', {
      base: 'scratch',
      layers: [
        {
          createdBy: 'COPY app /app',
          files: {
            '/app/server.js': 'console.log("hi")\n',
            '/app/.env': `AWS_ACCESS_KEY_ID=${KEY_ID}\nAWS_SECRET_ACCESS_KEY=Zq8vN2xL5mR7tY1wK4pB9cD3fG6hJ0sA2eU8iO5a\n`,
          },
        },
      ],
      config: { User: '1000', Cmd: ['/app/server'] },
    });
    gh = await new FakeGitHub({ validate: false, pendingPolls: 0 }).start();
    const r = await runAction({
      inputs: {
        image: `oci-archive:${image.ociArchive}`,
        scanners: 'secret,config',
        offline: 'true',
        'fail-on': 'none',
        sbom: 'out/sbom.cdx.json',
        token: gh.token,
      },
      event: 'push',
      payload: {},
      fake: gh,
    });
    expect(r.code, r.stdout).toBe(1);
    const reasons = JSON.parse(r.outputs.reasons!) as { code: string; blocking: boolean; message: string }[];
    expect(reasons.filter((x) => x.blocking).map((x) => x.code)).toContain('secret');
    expect(reasons.find((x) => x.code === 'secret')!.message).toMatch(
      /^secret found: SG-SEC-\d+ in layer 0 \(\/app\/\.env\)$/,
    );
    // Only the runner's mask command (which the runner consumes and never shows) may carry the value.
    const shown = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain(KEY_ID);
    expect(r.summary).not.toContain(KEY_ID);
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.outputs['sbom-file']).toBe('out/sbom.cdx.json');
    const sbom = JSON.parse(readFileSync(join(r.ws, 'out', 'sbom.cdx.json'), 'utf8')) as {
      bomFormat?: string;
    };
    expect(sbom.bomFormat).toBe('CycloneDX');
    const json = JSON.parse(readFileSync(join(r.ws, 'shipgate.json'), 'utf8')) as {
      findings: { kind: string; suppressed?: unknown; severity: string }[];
    };
    const active = json.findings.filter((f) => !f.suppressed);
    expect(Number(r.outputs.findings)).toBe(active.length);
    expect(Number(r.outputs.critical)).toBe(active.filter((f) => f.severity === 'critical').length);
    expect(gh.uploads).toHaveLength(1);
    expect(gh.uploads[0]!.body).toMatchObject({ ref: 'refs/heads/main', commit_sha: SHA });
    const uploaded = gh.uploads[0]!.sarif!.runs.flatMap((run) => run.results ?? []);
    expect(uploaded.some((res) => /^SG-SEC-/.test(res.ruleId ?? ''))).toBe(true);
    expect(JSON.stringify(gh.uploads[0]!.sarif)).not.toContain(KEY_ID);
  });
});
