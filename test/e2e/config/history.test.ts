/**
 * History lint end to end: a real image built by buildah from a Dockerfile (one layer per step, the classic
 * `#(nop)` and `|1 ARG=value` history forms), scanned by the bundled CLI with and without that Dockerfile. The
 * oracle is the Dockerfile lint of the same Dockerfile: without it the image alone must report the same rules on
 * the same instructions; with it the history must add nothing the Dockerfile already reports.
 */
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Log, Result } from 'sarif';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding';
import { HISTORY_RULES, lintDockerfile, matchHistoryToInstruction } from '../../../src/dockerfile/index';
import { ensureBundle, runCli, type CliRun } from '../../support/bundle';
import { cachedFixture } from '../../support/cache';
import { run } from '../../support/debian';
import { validateSarif } from '../../support/sarif-validate';
import { describeWithTools } from '../../support/tools';
import { BUILDAH_DOCKERFILE, TOKEN } from '../../support/history-samples';

/** A root filesystem with just the host's dash (and its libraries) as /bin/sh, so buildah can run RUN steps. */
async function shellRootfs(root: string): Promise<void> {
  const libs = (await run('ldd', ['/bin/dash']))
    .split('\n')
    .map((l) => /(\/\S+)\s+\(0x/.exec(l)?.[1])
    .filter((p): p is string => !!p);
  const copy = (from: string, to: string, mode = 0o644) => {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    copyFileSync(from, join(root, to));
    chmodSync(join(root, to), mode);
  };
  copy('/bin/dash', '/bin/sh', 0o755);
  for (const l of libs) copy(l, l, 0o755);
}

/** Builds BUILDAH_DOCKERFILE with buildah (vfs storage of its own, chroot isolation) into an OCI layout. */
async function buildahImage(): Promise<string> {
  const dir = await cachedFixture(
    `image-history-buildah-${Buffer.from(BUILDAH_DOCKERFILE).toString('base64url').slice(-12)}`,
    async (tmp) => {
      const ctx = join(tmp, 'ctx');
      await shellRootfs(join(ctx, 'rootfs'));
      mkdirSync(join(ctx, 'conf'), { recursive: true });
      writeFileSync(join(ctx, 'conf', 'app.conf'), 'a=1\n');
      writeFileSync(join(ctx, 'Dockerfile'), BUILDAH_DOCKERFILE);
      const storage = ['--root', join(tmp, 'st', 'root'), '--runroot', join(tmp, 'st', 'run')];
      const buildah = [...storage, '--storage-driver', 'vfs'];
      await run('buildah', [
        ...buildah,
        'bud',
        '--layers',
        '--isolation',
        'chroot',
        '--build-arg',
        `NPM_TOKEN=${TOKEN}`,
        '-t',
        'localhost/history-test',
        ctx,
      ]);
      await run('buildah', [...buildah, 'push', 'localhost/history-test', `oci:${join(tmp, 'oci')}:latest`]);
      rmSync(join(tmp, 'st'), { recursive: true, force: true });
      rmSync(ctx, { recursive: true, force: true });
    },
  );
  return `oci:${join(dir, 'oci')}:latest`;
}

interface Report {
  findings: Finding[];
}

describeWithTools('history lint on a buildah image', ['buildah', 'ldd'], () => {
  let image: string;
  let work: string;
  const scans: Record<string, CliRun> = {};
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(work, name), 'utf8')) as T;
  const fromHistory = (r: Report) => r.findings.filter((f) => f.properties?.source === 'history');

  async function scan(name: string, extra: string[], cwd = work): Promise<void> {
    scans[name] = await runCli(
      [
        'scan',
        '--image',
        image,
        '--scanners',
        'config',
        '--json',
        join(work, `${name}.json`),
        '--sarif',
        join(work, `${name}.sarif`),
        '--gitlab-reports',
        join(work, `${name}-gl`),
        ...extra,
      ],
      cwd,
      { ...process.env, NO_COLOR: '1' },
    );
  }

  beforeAll(async () => {
    await ensureBundle();
    image = await buildahImage();
    work = mkdtempSync(join(tmpdir(), 'shipgate-history-'));
    writeFileSync(join(work, 'Dockerfile'), BUILDAH_DOCKERFILE);
    // An application image on top of it: its Dockerfile owns the last three steps, the rest is its base image.
    writeFileSync(
      join(work, 'Dockerfile.app'),
      'FROM localhost/history-test\nENV PIP_X=1\nRUN apt-get dist-upgrade -y || true\nCMD ["/bin/sh"]\n',
    );
    const ignoring = join(work, 'ignoring');
    mkdirSync(ignoring);
    writeFileSync(
      join(ignoring, 'shipgate.yaml'),
      'version: 1\nignores:\n  - id: SG-DF-027\n    reason: the sudo step is a stub\n',
    );
    const off = join(work, 'off');
    mkdirSync(off);
    writeFileSync(join(off, 'shipgate.yaml'), 'version: 1\ndockerfile:\n  history: false\n');
    await scan('image', []);
    await scan('both', ['--dockerfile', 'Dockerfile']);
    await scan('app', ['--dockerfile', 'Dockerfile.app']);
    await scan('ignoring', [], ignoring);
    await scan('off', [], off);
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('reports, from the image alone, the rules the Dockerfile lint reports, on the same instructions', async () => {
    const { findings, target } = await lintDockerfile({ path: 'Dockerfile', content: BUILDAH_DOCKERFILE });
    const expected = findings
      .filter((f) => f.ruleId in HISTORY_RULES)
      .map((f) => `${f.location?.startLine} ${f.ruleId}`);
    const got = fromHistory(read<Report>('image.json')).map(
      (f) => `${matchHistoryToInstruction(f.image?.createdBy ?? '', target)?.line} ${f.ruleId}`,
    );
    expect(expected.length).toBeGreaterThan(3);
    // Plus the build argument's value, recorded in front of each RUN that ran with it.
    expect(new Set(got)).toEqual(
      new Set([...expected, '4 SG-DF-006', '5 SG-DF-006', '7 SG-DF-006', '9 SG-DF-006']),
    );
    expect(scans.image!.code, scans.image!.stderr).toBe(1);
  });

  it('puts each finding at its layer, as a config finding that says it came from the history', () => {
    const report = read<Report & { image: { layers: { index: number; createdBy?: string }[] } }>(
      'image.json',
    );
    const history = fromHistory(report);
    // The layer the image's own list says the sudo step made (the ARG before it made none).
    const layer = report.image.layers.find((l) => l.createdBy?.includes('sudo true'));
    const sudo = history.find((f) => f.ruleId === 'SG-DF-027');
    expect(sudo?.kind).toBe('config');
    expect(sudo?.message).toMatch(/image history, step 4\)\.$/);
    expect(sudo?.image?.createdBy).toContain('sudo true');
    expect(layer).toBeDefined();
    expect(sudo?.image?.layerIndex).toBe(layer?.index);
    expect(sudo?.image?.layerDigest).toMatch(/^sha256:/);
    expect(sudo?.location).toBeUndefined();
    const sarif = read<Log>('image.sarif');
    const config = sarif.runs.find((r) => r.tool.driver.properties?.part === 'config');
    const result = config?.results?.find((r: Result) => r.ruleId === 'SG-DF-027');
    expect(result?.properties?.layerIndex).toBe(layer?.index);
    expect((result?.properties?.details as { source?: string } | undefined)?.source).toBe('history');
    expect(
      config?.tool.driver.rules?.some((r) => r.id === 'SG-DF-027' && r.helpUri?.includes('dockerfile.md')),
    ).toBe(true);
  });

  it('writes SARIF that passes GitHub validation', async () => {
    for (const name of ['image', 'both', 'app']) {
      const v = await validateSarif(read<Log>(`${name}.sarif`));
      expect(v.schemaErrors, name).toEqual([]);
      expect(v.multitoolErrors, name).toEqual([]);
    }
  }, 120_000);

  it('masks the build argument wherever it is written', () => {
    for (const name of ['image', 'both', 'app'])
      for (const file of [`${name}.json`, `${name}.sarif`, `${name}-gl/gl-code-quality-report.json`])
        expect(readFileSync(join(work, file), 'utf8'), file).not.toContain(TOKEN);
    expect(scans.image!.stdout + scans.image!.stderr).not.toContain(TOKEN);
  });

  it('adds nothing the Dockerfile already reports when both are scanned', () => {
    const report = read<Report>('both.json');
    const own = report.findings.filter((f) => f.kind === 'dockerfile');
    const history = fromHistory(report);
    for (const f of history)
      expect(
        own.some((d) => d.ruleId === f.ruleId && d.location?.startLine === f.location?.startLine),
        `${f.ruleId} ${f.location?.startLine}`,
      ).toBe(false);
    // What stays is what only the history shows: the build argument's value in front of each RUN.
    expect(history.map((f) => `${f.location?.startLine} ${f.ruleId}`).sort()).toEqual([
      '4 SG-DF-006',
      '5 SG-DF-006',
      '7 SG-DF-006',
      '9 SG-DF-006',
    ]);
    const sarif = read<Log>('both.sarif');
    const result = sarif.runs
      .flatMap((r) => r.results ?? [])
      .find(
        (r) =>
          r.ruleId === 'SG-DF-006' &&
          (r.properties?.details as { source?: string } | undefined)?.source === 'history',
      );
    expect(result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('Dockerfile');
    expect(result?.locations?.[0]?.physicalLocation?.region?.startLine).toBeGreaterThanOrEqual(4);
    const quality = JSON.parse(
      readFileSync(join(work, 'both-gl', 'gl-code-quality-report.json'), 'utf8'),
    ) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    const lines = quality
      .filter((q) => q.check_name === 'SG-DF-006')
      .map((q) => q.location.lines.begin)
      .sort((a, b) => a - b);
    // The Dockerfile's own ARG finding and the four RUN lines the history adds.
    expect(lines).toEqual([3, 4, 5, 7, 9]);
  });

  it("marks the base image's entries and keeps them at most low", () => {
    const history = fromHistory(read<Report>('app.json'));
    const base = history.filter((f) => f.properties?.inBaseImage === true);
    const own = history.filter((f) => f.properties?.inBaseImage === undefined);
    expect(base.map((f) => f.properties?.step).every((s) => typeof s === 'number' && s <= 6)).toBe(true);
    expect(base.some((f) => f.ruleId === 'SG-DF-027')).toBe(true);
    for (const f of base) expect(['low', 'info']).toContain(f.severity);
    // The dist-upgrade is the application's own step: reported at its rule's severity, on its line, once.
    expect(own.filter((f) => f.ruleId === 'SG-DF-015')).toEqual([]);
    const app = read<Report>('app.json').findings.filter((f) => f.ruleId === 'SG-DF-015');
    expect(app.map((f) => `${f.kind} ${f.location?.startLine} ${f.severity}`)).toEqual([
      'dockerfile 3 medium',
    ]);
  });

  it('is silenced by an ignore of the rule id, and turned off by dockerfile.history: false', () => {
    const ignored = fromHistory(read<Report>('ignoring.json')).filter((f) => f.ruleId === 'SG-DF-027');
    expect(ignored.length).toBe(1);
    expect(ignored[0]?.suppressed?.kind).toBe('policy');
    expect(fromHistory(read<Report>('off.json'))).toEqual([]);
    expect(read<Report>('off.json').findings.length).toBeGreaterThan(0);
  });
});
