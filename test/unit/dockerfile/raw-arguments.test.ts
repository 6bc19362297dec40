// The ported argument scan against dockerfile-ast's own, on every instruction of the fixture Dockerfiles, the
// peers' test cases and generated text full of escapes, comments and line ends.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Argument } from 'dockerfile-ast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astRawArguments } from '../../../src/dockerfile/parse';
import { scanRawArguments, type ScannedInstruction } from '../../../src/dockerfile/raw-arguments';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

const plain = (args: Argument[]): unknown[] =>
  args.map((a) => ({ value: a.getValue(), range: a.getRange() }));

/** Instructions (ONBUILD triggers included) whose two scans differ, as readable records. */
function differences(text: string): unknown[] {
  const out: unknown[] = [];
  const all = DockerfileParser.parse(text).getInstructions();
  const triggers = all.flatMap((i) => {
    const t = (i as { getTriggerInstruction?: () => unknown }).getTriggerInstruction?.();
    return t ? [t as typeof i] : [];
  });
  for (const inst of [...all, ...triggers]) {
    const ours = plain(scanRawArguments(inst as unknown as ScannedInstruction));
    const theirs = plain(astRawArguments.call(inst));
    if (JSON.stringify(ours) !== JSON.stringify(theirs))
      out.push({ instruction: inst.getTextContent(), ours, theirs });
  }
  return out;
}

describe('scanRawArguments', () => {
  it('gives dockerfile-ast’s arguments and ranges on every fixture Dockerfile', () => {
    const dir = join(FIXTURES, 'dockerfiles');
    const files = readdirSync(dir).filter((f) => f.endsWith('.Dockerfile'));
    expect(files.length).toBeGreaterThan(250);
    for (const f of files) expect(differences(readFileSync(join(dir, f), 'utf8')), f).toEqual([]);
  });

  it('gives dockerfile-ast’s arguments on every case of the peers’ suites', () => {
    let cases = 0;
    for (const peer of ['hadolint', 'trivy']) {
      const dir = join(FIXTURES, 'peers', peer);
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const suite = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { cases: { dockerfile: string }[] };
        for (const c of suite.cases) {
          cases++;
          expect(differences(c.dockerfile), `${peer}/${f}`).toEqual([]);
        }
      }
    }
    expect(cases).toBeGreaterThan(800);
  });

  it.each([
    ['escape at the end of the text', 'RUN echo a\\'],
    ['escaped dollar and quote', 'ENV A=\\$B C=\\"d\\" E=x\\ y'],
    ['continuation with trailing blanks', 'RUN a \\  \t\n  b \\ \r\n c'],
    ['escape before blanks mid-line', 'RUN a\\  b'],
    ['comment lines inside a continuation', 'RUN a \\\n# note \\\n  # more\n  b'],
    ['backtick escape directive', '# escape=`\nRUN dir `\n  c:\\ `\n  x'],
    ['CRLF line ends', 'RUN a \\\r\n  b\r\nCOPY x y\r\n'],
    ['empty continuation lines', 'RUN a \\\n\n  \\\n  b'],
    ['a hash inside a word', 'RUN echo a#b \\\n #c d'],
  ])('%s', (_name, text) => {
    expect(differences(text)).toEqual([]);
  });

  it('gives dockerfile-ast’s arguments on generated instructions', () => {
    const piece = fc.constantFrom(
      'a',
      'b1',
      '$X',
      '#',
      '"',
      "'",
      ' ',
      '\t',
      '\\',
      '`',
      '\n',
      '\r\n',
      '\\\n',
      '\\ \n',
      '\\$',
      '=',
      '[',
      ']',
      ',',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('RUN', 'ENV', 'COPY', 'LABEL', 'CMD', 'ONBUILD RUN', 'ADD --chown=a:b'),
        fc.array(piece, { maxLength: 40 }),
        fc.boolean(),
        (keyword, pieces, backtick) => {
          const text = `${backtick ? '# escape=`\n' : ''}FROM scratch\n${keyword} ${pieces.join('')}\n`;
          expect(differences(text)).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
