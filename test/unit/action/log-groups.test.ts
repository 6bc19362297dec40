/** The Actions log of a scan: one collapsible ::group:: per phase, the decision outside the groups. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { run } from '../../../src/action/main';
import { runPipeline } from '../../../src/pipeline/run';
import { LAYER_TAR, tarOf, writeLayoutImage } from '../../support/images';

const ws = mkdtempSync(join(tmpdir(), 'shipgate-action-groups-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = 0;
});

it('a Dockerfile and image scan shows the lint and the image scan each in its own group', async () => {
  writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\nCOPY app /app\nUSER 65532\nCMD ["/app"]\n');
  writeFileSync(join(ws, 'outputs'), '');
  const layer = await tarOf([{ name: 'app', content: '#!/bin/true\n', mode: 0o755 }]);
  writeLayoutImage(
    join(ws, 'image'),
    'latest',
    [{ blob: layer, mediaType: LAYER_TAR, createdBy: 'COPY app /app' }],
    {
      config: { User: '65532', Cmd: ['/app'] },
    },
  );
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run(
      { runPipeline },
      {
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: join(ws, 'outputs'),
        INPUT_DOCKERFILE: 'Dockerfile',
        INPUT_IMAGE: `oci:${join(ws, 'image')}:latest`,
        INPUT_SCANNERS: 'config,secret',
        'INPUT_UPLOAD-SARIF': 'false',
        INPUT_SUMMARY: 'false',
        INPUT_ANNOTATIONS: 'false',
      },
    );
  } finally {
    process.stdout.write = write;
  }
  const groups = lines.filter((l) => l.startsWith('::group::') || l === '::endgroup::');
  expect(groups).toEqual([
    '::group::shipgate: Dockerfile lint',
    '::endgroup::',
    `::group::shipgate: image scan of oci:${join(ws, 'image')}:latest`,
    '::endgroup::',
  ]);
  const open = lines.indexOf(groups[2]!);
  const close = lines.lastIndexOf('::endgroup::');
  expect(lines.slice(open, close).some((l) => /^layer 1\/1 /.test(l))).toBe(true);
  // The decision is printed after the last group, where a reader sees it without opening one.
  expect(lines.slice(close).some((l) => /approved|not approved/.test(l))).toBe(true);
});
