/** History lint on forged `created_by` lines: pathological shapes finish quickly and lint or are counted. */
import { describe, expect, it } from 'vitest';
import { lintHistory } from '../../src/dockerfile/index';

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

describe('history lint on forged history', () => {
  it('reads long shell flag runs, build-argument counts and prefixes in linear time', async () => {
    const n = 20_000;
    const { value, ms } = await timed(() =>
      lintHistory([
        `/bin/sh ${'-a '.repeat(n)}x`,
        `/bin/bash ${'-o a '.repeat(n)}-c sudo true`,
        `|99999999999 ${'A=1 '.repeat(n)}/bin/sh -c sudo true`,
        `RUN |3 A="${'\\"'.repeat(n)}" /bin/sh -c true # buildkit`,
        `/bin/sh -c #(nop) ADD ${'--x=1 '.repeat(n)}file:ab in /`,
      ]),
    );
    expect(ms).toBeLessThan(20_000);
    expect(value.hits.filter((h) => h.finding.ruleId === 'SG-DF-027').map((h) => h.entry)).toEqual([1, 2]);
  });

  it('trims long runs of spaces, escapes, newlines and delimiter look-alikes in linear time', async () => {
    const n = 200_000;
    const { value, ms } = await timed(() =>
      lintHistory([
        '/bin/sh -c #(nop) ADD file:ab in / ',
        `/bin/sh -c sudo a${' '.repeat(n)}b`,
        `/bin/sh -c sudo c ${'\\'.repeat(n)}d \\`,
        `/bin/sh -c sudo e${'\n'.repeat(n)}f`,
        `/bin/sh -c sudo g\nHISTORY_EOF${'_'.repeat(n)}\n`,
        `/bin/sh -c sudo h ${'.'.repeat(n)} i .`,
      ]),
    );
    expect(value.hits.filter((h) => h.finding.ruleId === 'SG-DF-027').map((h) => h.entry)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(ms).toBeLessThan(20_000);
  });

  it('keeps a script that holds the heredoc delimiter, a lone escape or Dockerfile syntax inside the RUN', async () => {
    const { hits, unparsed } = await lintHistory([
      '/bin/sh -c #(nop) ADD file:ab in / ',
      'RUN /bin/sh -c echo HISTORY_EOF\nHISTORY_EOF\nsudo true # buildkit',
      '/bin/sh -c sudo make \\',
      '/bin/sh -c echo x\nFROM evil\nRUN sudo id',
      '/bin/sh -c #(nop)  ENV A=1\nRUN sudo id',
    ]);
    // The scripts stay scripts: their sudo is found in them, and no line of theirs became an instruction (in the
    // shell, `RUN sudo id` runs a command named RUN).
    expect(hits.filter((h) => h.finding.ruleId === 'SG-DF-027').map((h) => h.entry)).toEqual([1, 2]);
    expect(unparsed.map((u) => u.entry)).toEqual([4]);
  });

  it('lints thousands of entries', async () => {
    const history = Array.from({ length: 5000 }, (_, i) => `/bin/sh -c apk add pkg${i}`);
    const { value, ms } = await timed(() => lintHistory(history));
    expect(value.hits.filter((h) => h.finding.ruleId === 'SG-DF-018')).toHaveLength(5000);
    expect(ms).toBeLessThan(60_000);
  });
});
