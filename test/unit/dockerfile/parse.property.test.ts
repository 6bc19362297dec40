/**
 * Property tests: the Dockerfile parser and rules never throw anything but a ShipgateError with code
 * DOCKERFILE_PARSE (or INPUT) on arbitrary strings, on strings built from Dockerfile syntax, and on real
 * Dockerfiles with random cuts, duplications and inserted characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError, ShipgateError } from '../../../src/core/errors';
import { lintDockerfile } from '../../../src/dockerfile/index';
import { FIXTURES } from '../../support/tools';

const ALLOWED = new Set(['DOCKERFILE_PARSE', 'INPUT']);

async function lintHolds(content: string): Promise<void> {
  try {
    await lintDockerfile({ path: 'Dockerfile', content });
  } catch (e) {
    if (!(e instanceof ShipgateError)) throw e;
    expect(ALLOWED.has(e.code), formatError(e)).toBe(true);
    expect(formatError(e)).not.toContain('\n');
  }
}

const TOKENS = [
  'FROM',
  'from',
  'RUN',
  'COPY',
  'ADD',
  'ARG',
  'ENV',
  'LABEL',
  'USER',
  'WORKDIR',
  'CMD',
  'ENTRYPOINT',
  'SHELL',
  'ONBUILD',
  'HEALTHCHECK',
  'EXPOSE',
  'VOLUME',
  'STOPSIGNAL',
  'MAINTAINER',
  'AS',
  'alpine:3.20',
  'ubuntu@sha256:',
  '${X}',
  '$X',
  '${X:-y}',
  '--from=0',
  '--from=build',
  '--platform=$BUILDPLATFORM',
  '--mount=type=secret,id=x',
  '--chown=1:1',
  '--chmod=755',
  '--link',
  '--network=none',
  '"',
  "'",
  '\\',
  '`',
  '[',
  ']',
  '["sh", "-c", "x"]',
  '$(',
  ')',
  '<<EOF',
  '<<-EOF',
  '<<"EOF"',
  'EOF',
  '#',
  '# escape=`',
  '# syntax=docker/dockerfile:1',
  '# hadolint ignore=DL3008',
  '&&',
  '||',
  ';',
  '|',
  'apt-get install -y curl',
  'curl http://x | sh',
  'sudo',
  '=',
  'NONE',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\\\n',
];
const syntax = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '')), { maxLength: 60 })
  .map((parts) => parts.map(([token, sep]) => token + sep).join(''));

const FIXTURE_DIR = join(FIXTURES, 'dockerfiles');
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('Dockerfile'))
  .sort()
  .map((f) => readFileSync(join(FIXTURE_DIR, f), 'utf8'));

type Mutation =
  { kind: 'cut' | 'duplicate'; at: number; len: number } | { kind: 'insert'; at: number; ch: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    ch: fc.oneof(
      fc.constantFrom('\\', '"', "'", '`', '$', '<', '\n', '#', '[', '\u0000', '\ufffd'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
  }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length ? m.at % text.length : 0;
  switch (m.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'duplicate':
      return text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
    case 'insert':
      return text.slice(0, at) + m.ch + text.slice(at);
  }
}

describe('Dockerfile parser properties', () => {
  it('arbitrary strings lint or fail with DOCKERFILE_PARSE', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        lintHolds,
      ),
      { numRuns: 1000 },
    );
  }, 20_000);

  it('strings built from keywords, flags, quotes, backslashes and heredoc markers lint or fail with DOCKERFILE_PARSE', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          syntax,
          syntax.map((s) => `FROM alpine:3.20\n${s}`),
        ),
        lintHolds,
      ),
      { numRuns: 1000 },
    );
  }, 20_000);

  it('real Dockerfiles with random cuts, duplications and inserted characters lint or fail with DOCKERFILE_PARSE', async () => {
    expect(fixtures.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (i, ms) => lintHolds(ms.reduce(mutate, fixtures[i]!)),
      ),
      {
        numRuns: 1000,
        // Found by this property: stray backslashes around a "<<" made dockerfile-ast's getHeredocs throw.
        examples: [
          [
            67,
            [
              { kind: 'insert', at: 4360697, ch: '\\' },
              { kind: 'insert', at: 57566, ch: ' ' },
              { kind: 'insert', at: 1509218900, ch: '\\' },
              { kind: 'cut', at: 282, len: 1 },
            ],
          ],
        ],
      },
    );
  }, 20_000);
});
