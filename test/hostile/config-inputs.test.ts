/**
 * Malformed configuration the user points shipgate at: a policy file, VEX documents and `.hadolint.yaml`.
 * Each ends with exit 2 and one line naming the file, in bounded time; a bad policy is never partially applied.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_TAR, tarOf, writeLayoutImage } from '../support/images';
import { shipgate, suiteTmp, type CliRun } from './support';

const tmp = suiteTmp('config-inputs');
const DOCKERFILE = join(tmp, 'Dockerfile');
writeFileSync(DOCKERFILE, 'FROM alpine:3.19\nUSER 1000\nCMD ["/app"]\n');

/** Nine levels of ten aliases each: a billion strings once expanded. */
const BILLION_LAUGHS = [
  'version: 1',
  'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(',')}]`),
  'fail-on: *a8',
].join('\n');

function expectOneLine(r: CliRun, file: string, ms: number): void {
  const lines = r.stderr.trimEnd().split('\n');
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(lines.at(-1)).toMatch(/^shipgate: error \[(CONFIG_INVALID|INPUT)\]: /);
  expect(lines.at(-1)).toContain(file);
  expect(r.stdout).not.toMatch(/approved/i);
  // CPU time, not wall time: a loaded machine stretches the one, a blow-up the other. The wall clock is
  // bounded by the test's timeout.
  expect(r.cpuMs).toBeGreaterThan(0);
  expect(r.cpuMs).toBeLessThan(ms);
}

async function lintWithPolicy(name: string, text: string): Promise<void> {
  const file = join(tmp, name);
  writeFileSync(file, text);
  expectOneLine(await shipgate(['lint', '--config', file, DOCKERFILE]), name, 10_000);
}

describe('a malformed policy file', () => {
  it('a billion-laughs alias bomb', () => lintWithPolicy('bomb.yaml', BILLION_LAUGHS));

  it('nesting 10,000 levels deep', () =>
    lintWithPolicy('deep.yaml', `version: 1\nignore: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`));

  it('wrong types', async () => {
    await lintWithPolicy('types.yaml', 'version: 1\nfail-on: 7\nignore: "CVE-1"\n');
    await lintWithPolicy('version.yaml', 'version: "one"\n');
    await lintWithPolicy('list.yaml', '- version: 1\n');
  });

  it('a huge file (8 MiB, over the 4 MiB cap)', () =>
    lintWithPolicy(
      'huge.yaml',
      `version: 1\nignore:\n${'  - id: CVE-2024-0001\n    reason: r\n'.repeat(200_000)}  - 7\n`,
    ));

  it('binary garbage', () => lintWithPolicy('garbage.yaml', '\u0000\u0001\u00ff{[: :]}\u0007'.repeat(1000)));
});

describe('a malformed VEX document', () => {
  let ref: string;
  const vulnDb = join(tmp, 'osv');

  async function scanWithVex(name: string, text: string): Promise<void> {
    if (!ref) {
      const dir = join(tmp, 'image');
      writeLayoutImage(dir, 'latest', [
        {
          blob: await tarOf([
            { name: 'lib/apk/db/installed', content: 'P:musl\nV:1.2.4-r4\nA:x86_64\n' },
            { name: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.19.1\n' },
          ]),
          mediaType: LAYER_TAR,
        },
      ]);
      ref = `oci:${dir}:latest`;
      mkdirSync(vulnDb, { recursive: true });
      writeFileSync(
        join(vulnDb, 'ALPINE-CVE-2024-0001.json'),
        JSON.stringify({
          id: 'ALPINE-CVE-2024-0001',
          modified: '2024-01-01T00:00:00Z',
          affected: [
            {
              package: { ecosystem: 'Alpine:v3.19', name: 'musl' },
              ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.5-r0' }] }],
            },
          ],
        }),
      );
    }
    const file = join(tmp, name);
    writeFileSync(file, text);
    const r = await shipgate([
      'scan',
      '--image',
      ref,
      '--scanners',
      'vuln',
      '--offline',
      '--vuln-db',
      vulnDb,
      '--vex',
      file,
    ]);
    expectOneLine(r, name, 20_000);
  }

  it('not JSON', { timeout: 60_000 }, () => scanWithVex('not-json.vex', 'statements: [oops'));

  it('wrong types', { timeout: 60_000 }, async () => {
    await scanWithVex('types.vex.json', JSON.stringify({ '@context': 7, statements: 'all' }));
    await scanWithVex('array.vex.json', '[1,2,3]');
  });

  it('huge (16 MiB of statements, one of them wrongly typed)', { timeout: 60_000 }, () =>
    scanWithVex(
      'huge.vex.json',
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://example.com/vex',
        author: 'x',
        timestamp: '2024-01-01T00:00:00Z',
        version: 1,
        statements: [
          ...Array.from({ length: 100_000 }, (_, i) => ({
            vulnerability: { name: `CVE-2024-${i}` },
            products: [{ '@id': 'pkg:apk/alpine/musl' }],
            status: 'not_affected',
            justification: 'component_not_present',
          })),
          { vulnerability: 7, status: 'fixed' },
        ],
      }),
    ),
  );
});

describe('a malformed .hadolint.yaml', () => {
  it.each([
    ['binary garbage', '\u0000\u0001{[: :]}\u00ff'.repeat(500)],
    ['a list at the top level', '- DL3008\n'],
    ['wrong types', 'ignored: 7\n'],
    ['an alias bomb', BILLION_LAUGHS.replace('version: 1\n', '')],
  ])('%s', async (name, text) => {
    const repo = join(tmp, `hadolint-${name.replace(/\W+/g, '-')}`);
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.hadolint.yaml'), text);
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.19\n');
    expectOneLine(await shipgate(['lint', 'Dockerfile'], { cwd: repo }), '.hadolint.yaml', 10_000);
  });
});
