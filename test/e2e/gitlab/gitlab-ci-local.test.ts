/**
 * Runs the sample pipeline (examples/gitlab/.gitlab-ci.yml) with gitlab-ci-local's shell executor: the
 * component include resolves to templates/scan.yml of the commit, and the job runs the repository's bundled
 * CLI (dist/cli.js) through the `shipgate-command` input.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { IMAGE_TOOLS, buildImage, serialHeavySuite } from '../../support/images';
import { CLI, ensureBundle } from '../../support/bundle';
import { ROOT, describeWith, missingTools } from '../../support/tools';
import { GITLAB_CI_LOCAL_BIN } from '../../support/gitlab/ci-schema';
import { render } from '../../support/gitlab/render';
import { errorsOf, validateCodeQuality, validateContainerScanning } from '../../support/gitlab/schemas';

const run = promisify(execFile);

const SAMPLE = 'examples/gitlab/.gitlab-ci.yml';
const JOB = 'node-bad-scan';
const POLYFILL = join(import.meta.dirname, '..', '..', 'support', 'gitlab', 'set-methods.mjs');

/** What `node dist/cli.js scan --help` prints ('' when the bundle has no scan command yet). */
/** A throwaway clone of the component project: templates, the sample pipeline and the examples, committed. */
function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipgate-gitlab-ci-local-'));
  for (const p of ['templates', 'examples/gitlab', 'examples/node-bad', 'examples/shipgate.yaml'])
    cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'component');
  // gitlab-ci-local takes the project path (acme/shipgate) and server from the origin remote.
  git('remote', 'add', 'origin', 'git@gitlab.example.com:acme/shipgate.git');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  /** stdout and stderr together. */
  output: string;
}

/** Runs gitlab-ci-local in the project with typed inputs (from an inputs file, as YAML). */
async function gitlabCiLocal(
  dir: string,
  inputs: Record<string, unknown>,
  extra: string[] = [],
): Promise<Run> {
  const inputsFile = join(dir, '.gitlab-ci-local-inputs.yml');
  writeFileSync(inputsFile, stringify(inputs));
  // gitlab-ci-local's bundle uses ES2025 Set methods (Node.js 22+); on older Node.js they are preloaded.
  const preload =
    typeof (new Set() as { union?: unknown }).union === 'function' ? [] : ['--import', POLYFILL];
  const args = [
    ...preload,
    GITLAB_CI_LOCAL_BIN,
    '--file',
    SAMPLE,
    '--inputs-file',
    inputsFile,
    '--no-color',
    ...extra,
  ];
  try {
    const r = await run(process.execPath, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    return { code: 0, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

const toolsMissing = missingTools(['git', 'rsync']);

describeWith(
  'gitlab-ci-local renders the component as the test renderer does',
  toolsMissing.length ? `missing ${toolsMissing.join(', ')}` : undefined,
  () => {
    let dir = '';
    beforeAll(() => {
      dir = makeProject();
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('expands the same job from the same inputs', async () => {
      const inputs = {
        'job-prefix': 'node-bad',
        dockerfile: 'examples/node-bad/Dockerfile,examples/node-bad/Dockerfile',
        image: '$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
        'fail-on': 'critical',
        offline: true,
        'allow-failure': true,
        version: '2.0.0-rc.1',
      };
      const r = await gitlabCiLocal(dir, inputs, ['--preview']);
      expect(r.code, r.output).toBe(0);
      const expanded = parse(r.stdout) as Record<string, Record<string, unknown>>;
      const theirs = expanded[JOB]!;
      // The sample's own inputs (context, config) plus the overrides, as gitlab-ci-local merges them.
      const sampleInputs = (
        parse(readFileSync(join(dir, SAMPLE), 'utf8')) as { include: { inputs: Record<string, unknown> }[] }
      ).include[0]!.inputs;
      const ours = render(join(dir, 'templates', 'scan.yml'), { ...sampleInputs, ...inputs })[JOB] as Record<
        string,
        unknown
      >;
      for (const key of [
        'stage',
        'allow_failure',
        'interruptible',
        'variables',
        'script',
        'artifacts',
        'rules',
      ])
        expect(theirs[key], key).toEqual(ours[key]);
      expect(theirs.image).toEqual({ name: ours.image });
      expect((theirs.cache as { key: string }[]).map((c) => c.key)).toEqual(
        (ours.cache as { key: string }[]).map((c) => c.key),
      );
    });
  },
);

describeWith(
  'gitlab-ci-local runs the sample pipeline with the bundled CLI',
  toolsMissing.length ? `missing ${toolsMissing.join(', ')}` : undefined,
  () => {
    let dir = '';
    let image: string | undefined;
    const artifacts = () => join(dir, '.gitlab-ci-local', 'artifacts', JOB, 'gl-reports');
    const json = (file: string): unknown => JSON.parse(readFileSync(join(artifacts(), file), 'utf8'));

    serialHeavySuite();
    beforeAll(async () => {
      // The job runs dist/cli.js: built once per test run, under the lock other suites build it with.
      await ensureBundle();
      dir = makeProject();
      // Scan a real image too when the image fixtures can be built here: Debian with the example app and
      // lodash 4.17.20 (GHSA-35jh-r3h4-6jhm, a real record in test/fixtures/osv) in its node_modules.
      if (missingTools(IMAGE_TOOLS).length === 0) {
        const built = await buildImage('gitlab-node-bad', {
          base: 'debian',
          layers: [
            {
              createdBy: 'COPY . . # buildkit',
              files: {
                '/usr/src/app/package.json': JSON.stringify({
                  name: 'node-bad',
                  dependencies: { lodash: '4.17.20' },
                }),
                '/usr/src/app/node_modules/lodash/package.json': JSON.stringify({
                  name: 'lodash',
                  version: '4.17.20',
                }),
              },
            },
          ],
          config: { WorkingDir: '/usr/src/app', Cmd: ['node', 'server.js'] },
        });
        image = `oci-archive:${built.ociArchive}`;
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const baseInputs = () => ({
      'shipgate-command': `${process.execPath} ${CLI}`,
      'vuln-db': join(ROOT, 'test', 'fixtures', 'osv'),
      offline: true,
      ...(image ? { image } : {}),
    });

    it('fails the job on the policy, with the reasons in the log, and still produces valid reports', async () => {
      const r = await gitlabCiLocal(dir, baseInputs(), ['--force-shell-executor']);
      expect(r.code, r.output).not.toBe(0);
      expect(r.output).toMatch(new RegExp(`FAIL\\s+${JOB}`));

      const log = readFileSync(join(dir, '.gitlab-ci-local', 'output', `${JOB}.log`), 'utf8');
      const report = json('shipgate.json') as {
        decision?: { approved: boolean; reasons: { blocking: boolean; message: string }[] };
      };
      expect(report.decision?.approved).toBe(false);
      const blocking = report.decision!.reasons.filter((x) => x.blocking);
      expect(blocking.length).toBeGreaterThan(0);
      for (const reason of blocking) expect(log).toContain(reason.message);

      const cs = json('gl-container-scanning-report.json');
      expect(validateContainerScanning(cs), errorsOf(validateContainerScanning)).toBe(true);
      expect(existsSync(join(artifacts(), 'gl-dependency-scanning-report.json'))).toBe(false);
      const cq = json('gl-code-quality-report.json') as { location: { path: string } }[];
      expect(validateCodeQuality(cq), errorsOf(validateCodeQuality)).toBe(true);
      expect(cq.some((i) => i.location.path === 'examples/node-bad/Dockerfile')).toBe(true);
      const env = readFileSync(join(artifacts(), 'shipgate.env'), 'utf8');
      expect(env).toMatch(/^SHIPGATE_APPROVED=false$/m);
      if (image) {
        expect(env).toMatch(/^SHIPGATE_DIGEST=sha256:[0-9a-f]{64}$/m);
        // Language packages are in the container scanning report, as GitLab's own container scanning has them.
        const lodash = (
          cs as {
            vulnerabilities: {
              identifiers: { value: string }[];
              details?: { package_path?: { value: string } };
            }[];
          }
        ).vulnerabilities.find((v) => v.identifiers.some((i) => i.value === 'GHSA-35jh-r3h4-6jhm'));
        expect(lodash?.details?.package_path?.value).toBe('/usr/src/app/node_modules/lodash/package.json');
        expect(lodash?.identifiers[0]!.value).toBe('CVE-2021-23337');
        expect((cs as { scan: { type: string } }).scan.type).toBe('container_scanning');
        // The SBOM writer was passed in: GitLab gets a CycloneDX document for its dependency list.
        expect(json('gl-sbom.cdx.json')).toMatchObject({ bomFormat: 'CycloneDX' });
      }
      expect(existsSync(join(artifacts(), 'shipgate.sarif'))).toBe(true);
    });

    it('checks the manifests input with the pss level, into the same reports as the CLI writes', async () => {
      cpSync(
        join(ROOT, 'test', 'fixtures', 'manifests', 'shipgate', 'insecure-deployment.yaml'),
        join(dir, 'deploy', 'k8s', 'deployment.yaml'),
      );
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd: dir });
      git('add', '-A');
      git('commit', '-q', '-m', 'manifests');
      const r = await gitlabCiLocal(dir, { ...baseInputs(), manifests: 'deploy/k8s', pss: 'restricted' }, [
        '--force-shell-executor',
      ]);
      expect(r.code, r.output).not.toBe(0);
      const manifestPath = 'deploy/k8s/deployment.yaml';
      const cq = json('gl-code-quality-report.json') as { check_name: string; location: { path: string } }[];
      expect(validateCodeQuality(cq), errorsOf(validateCodeQuality)).toBe(true);
      const inManifest = cq.filter((i) => i.location.path === manifestPath);
      // SG-K8S-1NN are the Pod Security Standards controls, checked only with a pss level.
      expect(inManifest.some((i) => /^SG-K8S-1\d\d$/.test(i.check_name))).toBe(true);
      const sarif = json('shipgate.sarif') as {
        runs: {
          results?: {
            ruleId: string;
            locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
          }[];
        }[];
      };
      const sarifRules = sarif.runs
        .flatMap((run) => run.results ?? [])
        .filter((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri === manifestPath)
        .map((x) => x.ruleId);
      expect(new Set(sarifRules)).toEqual(new Set(inManifest.map((i) => i.check_name)));
    });

    it('lets the pipeline pass with allow-failure while the job still reports the failed gate', async () => {
      const r = await gitlabCiLocal(dir, { ...baseInputs(), 'allow-failure': true }, [
        '--force-shell-executor',
      ]);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(new RegExp(`WARN\\s+${JOB}`));
      expect(readFileSync(join(artifacts(), 'shipgate.env'), 'utf8')).toMatch(/^SHIPGATE_APPROVED=false$/m);
    });
  },
);

describe('sample project', () => {
  it('keeps the paths the sample pipeline uses', () => {
    for (const p of ['templates/scan.yml', SAMPLE, 'examples/node-bad/Dockerfile', 'examples/shipgate.yaml'])
      expect(existsSync(join(ROOT, p)), p).toBe(true);
  });
});
