/**
 * The scan job's script, run by the shells GitLab runners use (bash, and POSIX sh for images without bash)
 * with the job's variables, against a stand-in command that records the arguments it gets.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getInputs, toPipelineOptions } from '../../../src/action/inputs';
import { scanPipelineOptions } from '../../../src/cli/commands/scan';
import { parseTableCommand } from '../../../src/cli/option-table';
import type { PipelineOptions } from '../../../src/pipeline/types';
import { ROOT, describeWithTools } from '../../support/tools';
import { render } from '../../support/gitlab/render';

const GITLAB_OUTPUT_FLAGS = [
  '--gitlab-reports',
  'gl-reports',
  '--sarif',
  'gl-reports/shipgate.sarif',
  '--json',
  'gl-reports/shipgate.json',
];

const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
};

/** The CLI's pipeline options with its relative paths resolved against the repository root, as the action's are. */
function absolute(o: PipelineOptions, root: string): PipelineOptions {
  const at = (p: string) => resolve(root, p);
  const out: PipelineOptions = { ...o, dockerfiles: o.dockerfiles.map(at) };
  if (o.manifests) out.manifests = o.manifests.map(at);
  if (o.ignoreFiles) out.ignoreFiles = o.ignoreFiles.map(at);
  if (o.vex) out.vex = o.vex.map(at);
  for (const k of ['context', 'configPath', 'vulnDb', 'clamavDb'] as const) if (o[k]) out[k] = at(o[k]);
  return out;
}

interface Job {
  variables: Record<string, string>;
  script: string[];
}

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-gitlab-script-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const recorder = join(tmp, 'record.mjs');
writeFileSync(
  recorder,
  "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.env.ARGS_FILE, JSON.stringify(process.argv.slice(2)));\nprocess.exit(Number(process.env.EXIT_WITH ?? 0));\n",
);

/** Runs the rendered job's script in `shell`; returns the arguments shipgate got and the exit status. */
function runJob(
  shell: string,
  inputs: Record<string, unknown>,
  exitWith = 0,
  env: Record<string, string> = {},
): { args: string[]; status: number } {
  const job = render(join(ROOT, 'templates', 'scan.yml'), {
    'shipgate-command': `${process.execPath} ${recorder}`,
    ...inputs,
  })['shipgate-scan'] as Job;
  const argsFile = join(tmp, `args-${shell}.json`);
  rmSync(argsFile, { force: true });
  let status = 0;
  try {
    execFileSync(shell, ['-c', job.script.join('\n')], {
      cwd: tmp,
      env: {
        PATH: process.env.PATH,
        CI_PROJECT_DIR: tmp,
        ...job.variables,
        ARGS_FILE: argsFile,
        EXIT_WITH: String(exitWith),
        ...env,
      },
      stdio: 'pipe',
    });
  } catch (e) {
    status = (e as { status: number }).status;
  }
  return { args: JSON.parse(readFileSync(argsFile, 'utf8')) as string[], status };
}

for (const shell of ['bash', 'sh']) {
  describeWithTools(`scan job script under ${shell}`, [shell], () => {
    it('passes the defaults as scan flags', () => {
      const { args, status } = runJob(shell, {});
      expect(status).toBe(0);
      expect(args).toEqual([
        'scan',
        '--gitlab-reports',
        'gl-reports',
        '--sarif',
        'gl-reports/shipgate.sarif',
        '--json',
        'gl-reports/shipgate.json',
        '--dockerfile',
        'Dockerfile',
        '--timeout',
        '15m',
      ]);
    });

    it('maps every input to its flag, keeping paths with spaces whole', () => {
      const { args } = runJob(shell, {
        image: 'oci-archive:build output/image.tar',
        dockerfile: 'Dockerfile,docker/worker image.Dockerfile',
        manifests: 'k8s,deploy/app one.yaml',
        pss: 'restricted',
        context: 'src dir',
        config: 'ci/shipgate.yaml',
        'fail-on': 'critical',
        scanners: 'vuln,secret',
        platform: 'linux/arm64/v8',
        timeout: '1h30m',
        'vuln-db': 'osv mirror.zip',
        offline: true,
        'ignore-unfixed': true,
        vex: 'vex/a.json,vex/b.json',
        'extra-args': '--sbom-format spdx',
      });
      expect(args).toEqual([
        'scan',
        '--gitlab-reports',
        'gl-reports',
        '--sarif',
        'gl-reports/shipgate.sarif',
        '--json',
        'gl-reports/shipgate.json',
        '--image',
        'oci-archive:build output/image.tar',
        '--dockerfile',
        'Dockerfile',
        '--dockerfile',
        'docker/worker image.Dockerfile',
        '--manifests',
        'k8s',
        '--manifests',
        'deploy/app one.yaml',
        '--vex',
        'vex/a.json',
        '--vex',
        'vex/b.json',
        '--pss',
        'restricted',
        '--context',
        'src dir',
        '--config',
        'ci/shipgate.yaml',
        '--fail-on',
        'critical',
        '--scanners',
        'vuln,secret',
        '--timeout',
        '1h30m',
        '--platform',
        'linux/arm64/v8',
        '--vuln-db',
        'osv mirror.zip',
        '--offline',
        '--ignore-unfixed',
        '--sbom-format',
        'spdx',
      ]);
    });

    it("passes trivy's severity, exit-code and ignore files as their flags", () => {
      const { args } = runJob(shell, {
        severity: 'CRITICAL,HIGH',
        'exit-code': '3',
        trivyignores: '.trivyignore.ci,security/accepted ids.yaml',
      });
      expect(args.slice(7)).toEqual([
        '--dockerfile',
        'Dockerfile',
        '--ignorefile',
        '.trivyignore.ci',
        '--ignorefile',
        'security/accepted ids.yaml',
        '--severity',
        'CRITICAL,HIGH',
        '--exit-code',
        '3',
        '--timeout',
        '15m',
      ]);
    });

    it("takes Container Scanning's CS_DOCKERFILE_PATH in place of the default Dockerfile only", () => {
      const cs = { CS_DOCKERFILE_PATH: 'build/app.Dockerfile', CS_IMAGE: 'registry.example.com/app:1' };
      expect(runJob(shell, {}, 0, cs).args.slice(7, 9)).toEqual(['--dockerfile', 'build/app.Dockerfile']);
      expect(runJob(shell, { dockerfile: 'web.Dockerfile' }, 0, cs).args.slice(7, 9)).toEqual([
        '--dockerfile',
        'web.Dockerfile',
      ]);
      // CS_IMAGE is left to shipgate, which reads it when no image is given.
      expect(runJob(shell, {}, 0, cs).args).not.toContain('--image');
    });

    it('does not run input values as shell code', () => {
      const marker = join(tmp, 'pwned');
      const { args } = runJob(shell, { image: `$(touch ${marker})`, dockerfile: '`touch x`;a' });
      expect(args).toContain(`$(touch ${marker})`);
      expect(args).toContain('`touch x`;a');
      expect(() => readFileSync(marker)).toThrow();
    });

    it('gives the CLI the pipeline options the action makes of the same inputs, defaults included', () => {
      const ws = '/ws';
      const settings = {
        dockerfile: 'Dockerfile',
        manifests: 'k8s',
        pss: 'baseline',
        image: 'registry.example.com/app:1',
        context: 'src',
        config: 'ci/shipgate.yaml',
        'fail-on': 'critical',
        severity: 'CRITICAL,HIGH',
        trivyignores: '.trivyignore.ci',
        scanners: 'vuln,secret',
        'malware-mode': 'optional',
        'vuln-db': 'osv.zip',
        vex: 'vex.json',
        offline: true,
      };
      for (const inputs of [{ dockerfile: 'Dockerfile' }, settings]) {
        const { args } = runJob(shell, inputs);
        // The job's own report flags come first; the rest are the inputs'.
        expect(args.slice(0, 7)).toEqual(['scan', ...GITLAB_OUTPUT_FLAGS]);
        const cli = scanPipelineOptions(parseTableCommand('scan', args.slice(7), '')!, {}, ws);
        const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: ws };
        for (const [name, input] of Object.entries(actionYml.inputs))
          env[`INPUT_${name.toUpperCase()}`] = input.default;
        for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = String(v);
        expect(absolute(cli, ws)).toEqual(toPipelineOptions(getInputs(env)));
      }
    });

    it("fails the job with shipgate's exit code", () => {
      expect(runJob(shell, {}, 1).status).toBe(1);
      expect(runJob(shell, {}, 4).status).toBe(4);
    });
  });
}
