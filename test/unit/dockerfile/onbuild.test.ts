/** ONBUILD RUN triggers are linted like RUN, located on their line and suppressed by the pragmas above it. */
import { describe, expect, it } from 'vitest';
import { hits, lint } from './helpers';

describe('ONBUILD RUN', () => {
  it('is checked like RUN and reported on the ONBUILD line, even in a stage the final image does not build on', async () => {
    const df = 'FROM debian:12 AS base\nONBUILD RUN apt-get update && apt-get install curl\nFROM scratch\n';
    for (const rule of ['SG-DF-011', 'SG-DF-012', 'SG-DF-013', 'SG-DF-014']) {
      const found = await hits(rule, df);
      expect(found, rule).toHaveLength(1);
      expect(found[0]?.location?.startLine).toBe(2);
    }
  });

  it('honours the pragmas above the ONBUILD instruction', async () => {
    const df =
      'FROM debian:12\n# hadolint ignore=DL3014\nONBUILD RUN apt-get install --no-install-recommends curl=1\n';
    const f = (await lint(df)).filter((x) => x.ruleId === 'SG-DF-011');
    expect(f).toHaveLength(1);
    expect(f[0]?.suppressed?.kind).toBe('inline');
  });

  it('does not count as installing dependencies after copying the whole context (it runs in the child image)', async () => {
    expect(await hits('SG-DF-031', 'FROM node:22\nCOPY . .\nONBUILD RUN npm ci\n')).toEqual([]);
    expect(await hits('SG-DF-031', 'FROM node:22\nCOPY . .\nRUN npm ci\n')).toHaveLength(1);
  });
});

describe('allowed registries for COPY --from and RUN --mount=from', () => {
  const options = { allowedRegistries: ['registry.example.com'] };

  it('reports an image from elsewhere, but not a stage named by its index', async () => {
    const df =
      'FROM registry.example.com/base:1 AS build\nFROM registry.example.com/base:1\nCOPY --from=0 /a /a\nCOPY --from=quay.io/x/y:1 /b /b\nRUN --mount=type=bind,from=ghcr.io/o/t:2,target=/t true\n';
    const found = await hits('SG-DF-053', df, options);
    expect(found.map((f) => f.location?.startLine)).toEqual([4, 5]);
  });
});
