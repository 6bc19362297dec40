import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../../../src/cli/node-version';
import { EXIT, formatError } from '../../../src/core/errors';

describe('nodeTooOld', () => {
  it.each(['v22.22.2', 'v24.15.0', 'v26.0.0', '22.0.0'])('lets %s run', (v) => {
    expect(nodeTooOld(v)).toBeUndefined();
  });

  it.each(['v20.20.2', 'v18.19.0', 'v21.7.3', 'garbage'])(
    'refuses %s with one line that says what to do',
    (v) => {
      const error = nodeTooOld(v)!;
      expect(error.exitCode).toBe(EXIT.INPUT_ERROR);
      const line = formatError(error);
      expect(line).toMatch(
        /^shipgate: error \[USAGE\]: shipgate needs Node\.js 22 or later; this is Node\.js /,
      );
      expect(line).toContain(v);
      expect(line).not.toContain('\n');
    },
  );

  it('lets the Node.js running the tests run', () => {
    expect(nodeTooOld()).toBeUndefined();
  });
});
