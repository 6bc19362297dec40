/**
 * Property tests for the layer walker on generated layers: names with `..`, `.`, `//` and absolute paths,
 * symlinks and hard links pointing anywhere, whiteouts, long names, and random byte mutations of a valid
 * layer. The walk either succeeds with every path and every resolved link inside the image root, or fails
 * with a one-line ShipgateError whose code is IMAGE_FORMAT, PATH_ESCAPE or LIMIT; never another error, never
 * a hang.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatError, ShipgateError } from '../../../src/core/errors';
import { openImage, walkImage, type Analyzer, type FileEntry } from '../../../src/image/index';
import { LAYER_GZIP, LAYER_TAR, tarOf, writeLayoutImage, type TarEntrySpec } from '../../support/images';

const tmp = mkdtempSync(join(tmpdir(), 'shipgate-walk-property-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ALLOWED = new Set(['IMAGE_FORMAT', 'PATH_ESCAPE', 'LIMIT']);
const RUN_TIMEOUT_MS = 5_000;

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('etc', 'usr', 'bin', 'a', 'b', 'passwd', 'lib') },
  { weight: 3, arbitrary: fc.constantFrom('..', '.', '') },
  { weight: 2, arbitrary: fc.constantFrom('.wh.a', '.wh.etc', '.wh..wh..opq', '.wh.', '.wh...') },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 300 }).map((n) => 'n'.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
);
const path = fc
  .tuple(fc.constantFrom('', '/', '//', './', '../'), fc.array(segment, { minLength: 1, maxLength: 6 }))
  .map(([lead, parts]) => lead + parts.join('/'));
const linkTarget = fc.oneof(path, fc.constantFrom('/', '..', '../../../../etc/passwd', '/proc/self/root'));

const entry: fc.Arbitrary<TarEntrySpec> = fc.oneof(
  fc.record({ name: path, content: fc.string({ maxLength: 20 }) }),
  fc.record({ name: path, type: fc.constant('directory' as const) }),
  fc.record({ name: path, type: fc.constant('symlink' as const), linkname: linkTarget }),
  fc.record({ name: path, type: fc.constant('link' as const), linkname: linkTarget }),
);
const layers = fc.array(fc.array(entry, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 });

let n = 0;
function layout(blobs: { blob: Buffer; mediaType: string; uncompressed?: Buffer }[]): string {
  const dir = join(tmp, `l${n++}`);
  writeLayoutImage(dir, 'x', blobs);
  return dir;
}

/** Records every entry the analyzers are shown, and reads every regular file. */
function recorder(): { analyzer: Analyzer<number>; seen: FileEntry[] } {
  const seen: FileEntry[] = [];
  return {
    seen,
    analyzer: {
      name: 'recorder',
      wants: () => true,
      onEntry: (e) => seen.push(e),
      analyze: () => undefined,
      finish: () => seen.length,
    },
  };
}

function inRoot(p: string): boolean {
  return p.startsWith('/') && posix.normalize(p) === p && !p.split('/').includes('..');
}

/** How the runs ended, so a property that only ever saw refusals does not pass unnoticed. */
const outcomes = { walked: 0, refused: 0 };

/** Walks the layout; a failure must be an allowed ShipgateError, a success must stay inside the root. */
async function walkHolds(dir: string): Promise<void> {
  const image = await openImage(`oci:${dir}:x`);
  const r = recorder();
  try {
    const { view } = await walkImage(image, [r.analyzer]);
    for (const e of [...view.entries(), ...r.seen]) {
      expect(inRoot(e.path), e.path).toBe(true);
      if (e.type === 'hardlink' && e.linkTarget !== undefined)
        expect(inRoot(e.linkTarget), e.linkTarget).toBe(true);
    }
    for (const e of view.entries()) {
      const resolved = view.resolve(e.path);
      if (resolved !== undefined) expect(inRoot(resolved), resolved).toBe(true);
    }
    outcomes.walked++;
  } catch (e) {
    if (!(e instanceof ShipgateError)) throw e;
    expect(ALLOWED.has(e.code), formatError(e)).toBe(true);
    expect(formatError(e)).not.toContain('\n');
    outcomes.refused++;
  } finally {
    await image.close();
  }
}

describe('layer walker properties', () => {
  beforeEach(() => {
    outcomes.walked = 0;
    outcomes.refused = 0;
  });
  afterEach(() => {
    expect(outcomes.walked).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('generated layers stay inside the root or fail with IMAGE_FORMAT, PATH_ESCAPE or LIMIT', async () => {
    await fc.assert(
      fc.asyncProperty(layers, fc.boolean(), async (specs, gzip) => {
        const tars = await Promise.all(specs.map((s) => tarOf(s)));
        await walkHolds(
          layout(
            tars.map((t) => ({
              blob: gzip ? gzipSync(t) : t,
              uncompressed: t,
              mediaType: gzip ? LAYER_GZIP : LAYER_TAR,
            })),
          ),
        );
      }),
      { numRuns: 300, timeout: RUN_TIMEOUT_MS, interruptAfterTimeLimit: 8_000 },
    );
  }, 30_000);

  it('random byte mutations of a valid layer walk or fail with an allowed code', async () => {
    const valid = await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' },
      { name: 'etc/os-release', content: 'ID=alpine\nVERSION_ID=3.20.0\n' },
      { name: 'usr/bin/tool', content: 'x'.repeat(1500), mode: 0o4755 },
      { name: 'usr/bin/alias', type: 'symlink', linkname: 'tool' },
      { name: 'usr/bin/hard', type: 'link', linkname: 'usr/bin/tool' },
      { name: 'tmp/.wh.gone' },
    ]);
    const mutation = fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 255 })), {
      minLength: 1,
      maxLength: 6,
    });
    const cut = fc.option(fc.nat({ max: valid.length }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(mutation, cut, async (flips, end) => {
        const blob = Buffer.from(valid.subarray(0, end));
        for (const [at, byte] of flips) if (at < blob.length) blob[at] = byte;
        // The diff id is the mutated layer's own, so the walk reaches the tar reader.
        await walkHolds(layout([{ blob, mediaType: LAYER_TAR }]));
      }),
      { numRuns: 300, timeout: RUN_TIMEOUT_MS, interruptAfterTimeLimit: 8_000 },
    );
  }, 30_000);
});
