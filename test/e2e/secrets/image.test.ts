/**
 * End to end: real images built with umoci, read through the real walker, secrets planted in several
 * layers (present, deleted later, overwritten later), in Env, Labels, Cmd and the build history, plus a
 * Dockerfile and a build context. Every planted value must be found and none may appear in any output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import { Logger, MemorySink, clearSecrets, setLogger } from '../../../src/core/logger';
import type { ScanResult } from '../../../src/core/result';
import { openImage, walkImage } from '../../../src/image';
import { buildCodeQualityReport } from '../../../src/report/gitlab';
import { toSarif } from '../../../src/report/sarif';
import { SECRET_RULE_META } from '../../../src/secrets/rules';
import { scanBuildContext, scanDockerfileText, secretsAnalyzer } from '../../../src/secrets';
import { IMAGE_TOOLS, debianImage } from '../../support/images';
import { buildTestImage, type BuildSpec } from '../../support/oci-build';
import { describeWithTools } from '../../support/tools';
import { seeded } from '../../support/secret-samples';

const r = seeded('shipgate-secrets-e2e');
const AWS_ID = `AKIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
const GH_PAT = `ghp_${r(36)}`;
const NPM_AUTH = r(36);
const PEM_BODY = Array.from({ length: 8 }, () =>
  r(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
).join('\n');
const OLD_DB_PASSWORD = r(20);
const STRIPE = `sk_live_${r(24)}`;
const SLACK_HOOK = `https://hooks.slack.com/services/T${r(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B${r(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/${r(24)}`;
const CMD_DB_PASSWORD = r(18);
const ARG_NPM_TOKEN = `npm_${r(36)}`;
const PLANTED = [
  AWS_ID,
  GH_PAT,
  NPM_AUTH,
  PEM_BODY,
  OLD_DB_PASSWORD,
  STRIPE,
  SLACK_HOOK,
  CMD_DB_PASSWORD,
  ARG_NPM_TOKEN,
];

const NPM_CI = `RUN |1 NPM_TOKEN=${ARG_NPM_TOKEN} /bin/sh -c npm ci # buildkit`;

function spec(): BuildSpec {
  return {
    base: 'debian',
    config: [
      '--config.env',
      `STRIPE_API_KEY=${STRIPE}`,
      '--config.label',
      `org.example.notify=${SLACK_HOOK}`,
      '--config.cmd',
      '/app/run',
      '--config.cmd',
      '--db',
      '--config.cmd',
      `mysql://root:${CMD_DB_PASSWORD}@db/app`,
    ],
    layers: [
      {
        createdBy: 'COPY . /app # buildkit',
        files: {
          '/app/config/.env': `AWS_ACCESS_KEY_ID=${AWS_ID}\nGITHUB_TOKEN=${GH_PAT}\n`,
          '/root/.npmrc': `//registry.npmjs.org/:_authToken=${NPM_AUTH}\n`,
          '/app/id_rsa': `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\n`,
          '/app/settings.yaml': `database:\n  url: postgres://app:${OLD_DB_PASSWORD}@db:5432/app\n`,
        },
      },
      { createdBy: NPM_CI, files: { '/app/node_modules/.keep': '' } },
      { createdBy: 'RUN rm /app/id_rsa # buildkit', delete: ['/app/id_rsa'] },
      {
        createdBy: 'COPY settings.yaml /app/settings.yaml # buildkit',
        files: { '/app/settings.yaml': 'database:\n  url: postgres://app:${DB_PASSWORD}@db:5432/app\n' },
      },
    ],
  };
}

describeWithTools('secrets in a real multi-layer image', IMAGE_TOOLS, () => {
  let findings: Finding[] = [];
  const sink = new MemorySink();
  let work = '';

  beforeAll(async () => {
    setLogger(new Logger([sink], 'debug'), [sink]);
    const ref = await buildTestImage('secrets-e2e', spec());
    const opened = await openImage(ref);
    try {
      const res = await walkImage(opened, [secretsAnalyzer()]);
      findings = res.results[0] as Finding[];
    } finally {
      await opened.close();
    }
    work = mkdtempSync(join(tmpdir(), 'shipgate-sec-e2e-'));
  }, 600_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    clearSecrets();
  });

  const byRule = (id: string) => findings.filter((f) => f.ruleId === id);

  it('finds the secrets of files that are still present', () => {
    const aws = byRule('SG-SEC-001');
    expect(aws).toHaveLength(1);
    expect(aws[0]!.image).toMatchObject({
      path: '/app/config/.env',
      layerIndex: 1,
      createdBy: 'COPY . /app # buildkit',
    });
    expect(aws[0]!.image?.deleted).toBeUndefined();
    expect(byRule('SG-SEC-003')[0]!.image?.path).toBe('/app/config/.env');
    expect(byRule('SG-SEC-020')[0]!.image?.path).toBe('/root/.npmrc');
  });

  it('reports a deleted file as still extractable from its layer', () => {
    const key = byRule('SG-SEC-023');
    expect(key).toHaveLength(1);
    expect(key[0]!.image).toMatchObject({ path: '/app/id_rsa', layerIndex: 1, deleted: true });
    expect(key[0]!.message).toMatch(
      /present in layer 1 \(COPY \. \/app # buildkit\), deleted later — still extractable/,
    );
  });

  it('reports an overwritten version and not the clean final one', () => {
    const db = byRule('SG-SEC-027').filter((f) => f.image?.path);
    expect(db).toHaveLength(1);
    expect(db[0]!.image).toMatchObject({ path: '/app/settings.yaml', layerIndex: 1, deleted: true });
    expect(db[0]!.message).toContain('overwritten later');
  });

  it('finds secrets in Env, Labels, Cmd and the build history', () => {
    expect(findings.find((f) => f.ruleId === 'SG-SEC-014')?.message).toContain(
      'environment variable STRIPE_API_KEY',
    );
    expect(findings.find((f) => f.ruleId === 'SG-SEC-013')?.message).toContain('label org.example.notify');
    expect(findings.find((f) => f.ruleId === 'SG-SEC-027' && !f.image?.path)?.message).toContain('Cmd');
    const hist = findings.find((f) => f.ruleId === 'SG-SEC-019');
    expect(hist?.message).toContain('build history');
    expect(hist?.image?.layerIndex).toBe(2);
    // The createdBy shown with the finding is masked.
    expect(hist?.image?.createdBy).toBe('RUN |1 NPM_TOKEN=*** /bin/sh -c npm ci # buildkit');
  });

  it('finds nothing else: the Debian base layer has no secrets', () => {
    const paths = findings.filter((f) => f.image?.path).map((f) => f.image!.path);
    for (const p of paths) expect(p).toMatch(/^\/(?:app|root)\//);
    expect(findings).toHaveLength(9);
  });

  it('scans the Dockerfile and the build context it copies, honouring .dockerignore', async () => {
    const ctx = join(work, 'ctx');
    mkdirSync(join(ctx, 'config'), { recursive: true });
    mkdirSync(join(ctx, 'secrets'), { recursive: true });
    const dockerfile = `FROM debian:bookworm\nENV GITHUB_TOKEN=${GH_PAT}\nCOPY config/ /app/config/\nCOPY app.sh /app/\n`;
    writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
    writeFileSync(join(ctx, '.dockerignore'), 'secrets\nconfig/*.local\n');
    writeFileSync(join(ctx, 'config', 'prod.env'), `AWS_ACCESS_KEY_ID=${AWS_ID}\n`);
    writeFileSync(join(ctx, 'config', 'dev.local'), `STRIPE=${STRIPE}\n`); // ignored by .dockerignore
    writeFileSync(join(ctx, 'secrets', 'token'), `${GH_PAT}\n`); // ignored
    writeFileSync(join(ctx, 'notes.txt'), `npm token ${ARG_NPM_TOKEN}\n`); // not copied
    writeFileSync(join(ctx, 'app.sh'), '#!/bin/sh\nexec /app/run\n');

    const df = scanDockerfileText('ctx/Dockerfile', dockerfile);
    expect(df).toHaveLength(1);
    expect(df[0]).toMatchObject({
      ruleId: 'SG-SEC-003',
      location: { path: 'ctx/Dockerfile', startLine: 2, startColumn: 18 },
    });
    expect(df[0]!.location!.snippet).toMatch(/^ENV GITHUB_TOKEN=ghp_\*+/);

    const fromCtx = await scanBuildContext(ctx, join(ctx, 'Dockerfile'), { repoRoot: work });
    expect(fromCtx.map((f) => [f.ruleId, f.location?.path])).toEqual([['SG-SEC-001', 'ctx/config/prod.env']]);
    expect(fromCtx[0]!.properties?.copiedBy).toBe('ctx/Dockerfile:3 COPY config/');

    // Without a Dockerfile the whole context counts (still minus .dockerignore).
    const whole = await scanBuildContext(ctx, undefined, { repoRoot: work });
    expect(whole.map((f) => f.location?.path).sort()).toEqual([
      'ctx/Dockerfile',
      'ctx/config/prod.env',
      'ctx/notes.txt',
    ]);
    findings.push(...df, ...fromCtx, ...whole);
  });

  it('never leaks a planted value: findings JSON, SARIF, GitLab report and logs', () => {
    const result: ScanResult = {
      tool: { name: 'shipgate', version: '0.0.0' },
      startedAt: new Date(0).toISOString(),
      finishedAt: new Date(0).toISOString(),
      dockerfiles: [],
      image: { ref: 'oci:test', layers: [] },
      packages: [],
      findings,
      rules: SECRET_RULE_META,
      warnings: [],
    };
    const outputs = [
      JSON.stringify(findings),
      JSON.stringify(toSarif(result, { repoRoot: work })),
      JSON.stringify(buildCodeQualityReport(result)),
      sink.text(),
    ];
    expect(findings.length).toBeGreaterThan(9);
    for (const out of outputs) {
      for (const v of PLANTED) {
        // Any 12-character piece of a value would be a leak (the redacted form shows at most 8).
        for (let i = 0; i + 12 <= v.length; i += 6) expect(out.includes(v.slice(i, i + 12))).toBe(false);
      }
    }
  });
});

describeWithTools('no false positives on the Debian minbase image', IMAGE_TOOLS, () => {
  it('reports no secret in any layer, config or history', async () => {
    const img = await debianImage();
    const opened = await openImage(`oci:${img.ociLayout}:${img.tag}`);
    try {
      const res = await walkImage(opened, [secretsAnalyzer()]);
      const found = res.results[0] as Finding[];
      expect(found.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
      expect(res.stats.filesRead).toBeGreaterThan(1000);
    } finally {
      await opened.close();
      clearSecrets();
    }
  }, 300_000);
});
