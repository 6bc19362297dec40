/**
 * The output stage as the front doors use it: the CLI (`main`) and the GitHub Action (`run`) run in this
 * process on an image built here with tar-stream. Tokens planted in the image (ENV, labels, build history, a
 * file, a file a later layer deletes) must not appear in any byte any command writes, and the CLI and the
 * action must write the same SARIF for the same input.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runAction } from '../../../src/action/main';
import { main } from '../../../src/cli/main';
import { clearSecrets } from '../../../src/core/logger';
import { runPipeline } from '../../../src/pipeline/run';
import { LAYER_GZIP, tarOf, writeLayoutImage } from '../../support/images';
import { FIXTURES } from '../../support/tools';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random-looking value from a seed: `length` characters of `alphabet`. */
function fake(seed: string, length: number, alphabet = ALNUM): string {
  const bytes = createHash('sha512').update(seed).digest();
  return [...bytes.subarray(0, length)].map((b) => alphabet[b % alphabet.length]).join('');
}

const PLACES = ['env', 'label', 'history', 'file', 'deleted'] as const;
/** One GitHub token and one AWS access key id per place, so a leak names where it came from. */
const TOKENS = Object.fromEntries(
  PLACES.map((place) => [
    place,
    {
      github: `ghp_${fake(`github ${place}`, 36)}`,
      aws: `AKIA${fake(`aws ${place}`, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    },
  ]),
) as Record<(typeof PLACES)[number], { github: string; aws: string }>;

const APK_DB = (packages: [string, string][]): string =>
  packages.map(([name, version]) => `P:${name}\nV:${version}\nA:x86_64\nL:MIT\no:${name}\n`).join('\n');

const HISTORY = `/bin/sh -c GITHUB_TOKEN=${TOKENS.history.github} AWS_ACCESS_KEY_ID=${TOKENS.history.aws} apk add --no-cache musl-utils`;

const DOCKERFILE = `FROM alpine:3.17
RUN GITHUB_TOKEN=\${GITHUB_TOKEN} apk add --no-cache musl-utils
COPY .env /app/.env
CMD ["/bin/sh"]
`;

let work: string;
let image: string;

async function layer(files: Record<string, string>): Promise<{ blob: Buffer; uncompressed: Buffer }> {
  const uncompressed = await tarOf(Object.entries(files).map(([name, content]) => ({ name, content })));
  return { blob: gzipSync(uncompressed), uncompressed };
}

async function buildImage(dir: string): Promise<string> {
  const osRelease = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.17.0\nPRETTY_NAME="Alpine Linux v3.17"\n';
  const layers = [
    {
      ...(await layer({
        'etc/os-release': osRelease,
        'lib/apk/db/installed': APK_DB([['busybox', '1.35.0-r29']]),
      })),
      createdBy: '/bin/sh -c #(nop) ADD file:alpine-minirootfs.tar.gz in /',
    },
    {
      // The package this step installs is attributed to it, so its history line reaches the SBOM.
      ...(await layer({
        'lib/apk/db/installed': APK_DB([
          ['busybox', '1.35.0-r29'],
          ['musl', '1.2.3-r4'],
        ]),
      })),
      createdBy: HISTORY,
    },
    {
      ...(await layer({
        'app/.env': `GITHUB_TOKEN=${TOKENS.file.github}\nAWS_ACCESS_KEY_ID=${TOKENS.file.aws}\n`,
        'app/old-credentials': `github_token=${TOKENS.deleted.github}\naws_access_key_id=${TOKENS.deleted.aws}\n`,
      })),
      createdBy: '/bin/sh -c #(nop) COPY dir:app in /app',
    },
    { ...(await layer({ 'app/.wh.old-credentials': '' })), createdBy: '/bin/sh -c rm /app/old-credentials' },
  ];
  writeLayoutImage(
    dir,
    'latest',
    layers.map((l) => ({ ...l, mediaType: LAYER_GZIP })),
    {
      config: {
        Env: [
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          `GITHUB_TOKEN=${TOKENS.env.github}`,
          `AWS_ACCESS_KEY_ID=${TOKENS.env.aws}`,
        ],
        Labels: { 'org.example.github': TOKENS.label.github, 'org.example.aws': TOKENS.label.aws },
        Cmd: ['/bin/sh'],
      },
    },
  );
  return `oci:${dir}:latest`;
}

/** Runs `work` with standard output collected (the reports a command prints there are output too). */
async function capturingStdout<T>(work: () => Promise<T>): Promise<{ value: T; stdout: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    return { value: await work(), stdout };
  } finally {
    process.stdout.write = write;
  }
}

/** The CLI as `shipgate ARGS` in the work folder, starting with no secret known from an earlier run. */
async function shipgate(args: string[]): Promise<{ code: number; stdout: string }> {
  clearSecrets();
  const { value, stdout } = await capturingStdout(() => main(args));
  return { code: value, stdout };
}

/** The action's environment as the runner sets it, for inputs given by name. */
function actionEnv(name: string, inputs: Record<string, string>): NodeJS.ProcessEnv {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', after: '1'.repeat(40) }));
  writeFileSync(join(dir, 'summary.md'), '');
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '1'.repeat(40),
    GITHUB_WORKSPACE: work,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

/** The action in this process; the runner's output file goes to the scratch folder. */
async function action(
  name: string,
  inputs: Record<string, string>,
): Promise<{ code: number; stdout: string }> {
  clearSecrets();
  const env = actionEnv(name, inputs);
  const saved = process.env.GITHUB_OUTPUT;
  process.env.GITHUB_OUTPUT = join(work, name, 'outputs');
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  try {
    const { value, stdout } = await capturingStdout(() => runAction({ runPipeline }, env));
    return { code: value, stdout };
  } finally {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
    process.exitCode = undefined;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

const cwd = process.cwd();
const SCAN = ['--vuln-db', join(FIXTURES, 'osv'), '--offline', '--scanners', 'vuln,secret,config'];
/** The Dockerfile and the image, scanned the same way by both front doors. */
const scanBoth = (): string[] => ['scan', '--dockerfile', 'Dockerfile', '--image', image, ...SCAN];
const actionScan = (): Record<string, string> => ({
  dockerfile: 'Dockerfile',
  image,
  'vuln-db': join(FIXTURES, 'osv'),
  offline: 'true',
  scanners: 'vuln,secret,config',
  'upload-sarif': 'false',
});

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'shipgate-outputs-'));
  mkdirSync(join(work, '.git'));
  writeFileSync(join(work, 'Dockerfile'), DOCKERFILE);
  image = await buildImage(join(work, 'image'));
  process.chdir(work);
});

afterAll(() => {
  process.chdir(cwd);
  rmSync(work, { recursive: true, force: true });
});

describe('one masking pass over every output', () => {
  const printed: string[] = [];

  beforeAll(async () => {
    const runs = [
      await shipgate([
        ...scanBoth(),
        '--format',
        'text',
        '--list-packages',
        '--show-suppressed',
        '--sarif',
        'out/scan/report.sarif',
        '--json',
        'out/scan/report.json',
        '--summary',
        'out/scan/summary.md',
        '--sbom',
        'out/scan/sbom.cdx.json',
        '--gitlab-reports',
        'out/scan/gl',
      ]),
      await shipgate([
        'scan',
        image,
        ...SCAN,
        '--sbom',
        'out/scan-spdx/sbom.spdx.json',
        '--sbom-format',
        'spdx',
      ]),
      // Without the secret scanner, nothing else has looked at the build history before the reports.
      await shipgate([
        'scan',
        image,
        ...SCAN.slice(0, 3),
        '--scanners',
        'vuln',
        '--json',
        'out/vuln-only.json',
      ]),
      await shipgate(['scan', image, ...SCAN, '--format', 'sarif', '--output', 'out/main.sarif']),
      await shipgate(['scan', image, ...SCAN, '--format', 'json']),
      await shipgate(['sbom', image, '--output', 'out/sbom/image.cdx.json']),
      await shipgate(['sbom', image, '--format', 'spdx', '--output', 'out/sbom/image.spdx.json']),
      await shipgate(['sbom', image, '--format', 'spdx-json']),
      await action('action', {
        ...actionScan(),
        'sarif-file': 'out/action/report.sarif',
        'json-file': 'out/action/report.json',
        sbom: 'out/action/sbom.spdx.json',
        'sbom-format': 'spdx-json',
        summary: 'true',
        annotations: 'true',
      }),
    ];
    for (const r of runs) {
      expect([0, 1], r.stdout.slice(0, 2000)).toContain(r.code);
      // The runner hides what `::add-mask::` names: telling it is the point, not a leak.
      printed.push(r.stdout.replace(/^::add-mask::.*$/gm, ''));
    }
  }, 300_000);

  it('writes every report it was asked for', () => {
    const written = filesUnder(join(work, 'out')).map((p) => p.slice(work.length + 1));
    for (const f of [
      'out/scan/report.sarif',
      'out/scan/report.json',
      'out/scan/summary.md',
      'out/scan/sbom.cdx.json',
      'out/scan/gl/gl-container-scanning-report.json',
      'out/scan/gl/gl-code-quality-report.json',
      'out/scan/gl/gl-sbom.cdx.json',
      'out/scan/gl/shipgate.env',
      'out/scan-spdx/sbom.spdx.json',
      'out/vuln-only.json',
      'out/main.sarif',
      'out/sbom/image.cdx.json',
      'out/sbom/image.spdx.json',
      'out/action/report.sarif',
      'out/action/report.json',
      'out/action/sbom.spdx.json',
    ])
      expect(written).toContain(f);
    expect(readFileSync(join(work, 'action', 'summary.md'), 'utf8')).toMatch(/^## shipgate: /);
  });

  it('the image really holds the tokens where the reports would copy them', () => {
    const sbom = readFileSync(join(work, 'out', 'sbom', 'image.cdx.json'), 'utf8');
    // The history line reaches the SBOM, masked: the package it installed names the step that made it.
    expect(sbom).toContain('GITHUB_TOKEN=*** AWS_ACCESS_KEY_ID=*** apk add --no-cache musl-utils');
    const json = JSON.parse(readFileSync(join(work, 'out', 'scan', 'report.json'), 'utf8')) as {
      findings: { kind: string; image?: { deleted?: boolean } }[];
    };
    const secrets = json.findings.filter((f) => f.kind === 'secret');
    expect(secrets.some((f) => f.image?.deleted)).toBe(true);
    expect(secrets.length).toBeGreaterThanOrEqual(PLACES.length);
  });

  it('no written byte and no printed line holds a planted token', () => {
    const texts = [
      ...filesUnder(join(work, 'out')),
      ...filesUnder(join(work, 'action')).filter((p) => !p.endsWith('event.json')),
    ].map((p) => [p, readFileSync(p, 'utf8')] as const);
    texts.push(...printed.map((t, i) => [`stdout of run ${i + 1}`, t] as const));
    for (const [place, { github, aws }] of Object.entries(TOKENS))
      for (const [where, text] of texts) {
        expect(text.includes(github), `${place} GitHub token in ${where}`).toBe(false);
        expect(text.includes(aws), `${place} AWS key in ${where}`).toBe(false);
      }
  });
});

describe('same SARIF from every front door', () => {
  it('the CLI and the action write byte-identical SARIF apart from the invocation times', async () => {
    const cli = await shipgate([
      ...scanBoth(),
      '--sarif',
      'same/cli.sarif',
      '--format',
      'json',
      '--output',
      'same/cli.json',
    ]);
    const act = await action('same-action', {
      ...actionScan(),
      'sarif-file': 'same/action.sarif',
      'json-file': 'same/action.json',
      annotations: 'false',
    });
    expect(cli.code).toBe(act.code);
    // Only run metadata differs between two scans: each invocation's start and end time. Nothing else is
    // normalised (automation details and every other invocation field must already agree).
    const normalised = (file: string): string => {
      const log = JSON.parse(readFileSync(join(work, 'same', file), 'utf8')) as Log;
      for (const r of log.runs)
        for (const inv of r.invocations ?? []) {
          expect(inv.startTimeUtc).toMatch(/^\d{4}-\d\d-\d\dT/);
          inv.startTimeUtc = 'START';
          inv.endTimeUtc = 'END';
        }
      return JSON.stringify(log, null, 2);
    };
    const fromCli = normalised('cli.sarif');
    expect(fromCli).toContain('"ruleId": "SG-SEC-');
    expect(normalised('action.sarif')).toBe(fromCli);
  });
});

describe('GitLab reports of a Dockerfile-only scan', () => {
  it('are written without an SBOM, and the exit code is the decision', async () => {
    const r = await shipgate([
      'scan',
      '--dockerfile',
      'Dockerfile',
      '--gitlab-reports',
      'lint-only/gl',
      '--format',
      'json',
      '--output',
      'lint-only/report.json',
    ]);
    const report = JSON.parse(readFileSync(join(work, 'lint-only', 'report.json'), 'utf8')) as {
      decision: { approved: boolean };
    };
    expect(r.code).toBe(report.decision.approved ? 0 : 1);
    expect(readdirSync(join(work, 'lint-only', 'gl')).sort()).toEqual([
      'gl-code-quality-report.json',
      'gl-container-scanning-report.json',
      'shipgate.env',
    ]);
  });
});
