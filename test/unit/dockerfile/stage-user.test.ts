/**
 * The user a final stage runs as, with variables substituted as the builder substitutes them, and the
 * policy's `require-non-root` on top of it: a root user written through a variable or as `000` must not pass,
 * and a user the Dockerfile cannot tell must not pass either.
 */
import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../../src/dockerfile/index';
import { parseDockerfile } from '../../../src/dockerfile/parse';
import { finalStage } from '../../../src/dockerfile/rules/helpers';
import { isRootUser } from '../../../src/core/user';
import { stageUser } from '../../../src/dockerfile/stage-user';
import { checkRequiredProperties, parsePolicy } from '../../../src/policy';

async function finalUser(content: string) {
  const df = await parseDockerfile(content, 'Dockerfile');
  const u = stageUser(df, finalStage(df));
  return u && { line: u.inst.span.line, text: u.text, value: u.value, runsAs: u.runsAs };
}

describe('isRootUser', () => {
  it('knows root by name and uid 0 however it is written, with any group', () => {
    for (const v of ['root', '0', '00', '0000', 'root:root', '0:0', '0:1000', ' root ', 'root:'])
      expect(isRootUser(v), v).toBe(true);
    for (const v of ['app', '10001', '1000:0', '01000', 'rooty', '', ':0'])
      expect(isRootUser(v), v).toBe(false);
  });
});

describe('stageUser', () => {
  it('substitutes ARG defaults, ENV values and ${X:-default} as the builder does', async () => {
    expect(await finalUser('FROM debian:12\nARG U=root\nUSER $U\n')).toEqual({
      line: 3,
      text: '$U',
      value: 'root',
      runsAs: 'root',
    });
    expect((await finalUser('FROM debian:12\nUSER ${UID:-0}\n'))?.value).toBe('0');
    expect((await finalUser('FROM debian:12\nARG UID=10001\nUSER ${UID}:${UID}\n'))?.value).toBe(
      '10001:10001',
    );
    // ENV wins over an ARG of the same name; an ENV value may itself use an ARG.
    expect((await finalUser('FROM debian:12\nARG U=app\nENV U=root\nUSER $U\n'))?.runsAs).toBe('root');
    expect((await finalUser('FROM debian:12\nARG ID=0\nENV RUN_AS=$ID\nUSER $RUN_AS\n'))?.runsAs).toBe(
      'root',
    );
    // A stage's `ARG NAME` takes the default of the global ARG of that name.
    expect((await finalUser('ARG ID=0\nFROM debian:12\nARG ID\nUSER $ID\n'))?.runsAs).toBe('root');
  });

  it('follows the stages a stage builds on: ENV and USER carry over, ARG does not', async () => {
    expect((await finalUser('FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n'))?.runsAs).toBe(
      'non-root',
    );
    expect((await finalUser('FROM debian:12 AS base\nENV U=0\nFROM base\nUSER $U\n'))?.runsAs).toBe('root');
    expect((await finalUser('FROM debian:12 AS base\nARG U=app\nFROM base\nUSER $U\n'))?.runsAs).toBe(
      'unknown',
    );
    // A USER of a stage the final one does not build on does not count.
    expect(await finalUser('FROM debian:12 AS build\nUSER app\nFROM debian:12\nRUN true\n')).toBeUndefined();
  });

  it("runs a base stage's ONBUILD triggers at the start of the stage built on it, not in the stage itself", async () => {
    expect(
      (await finalUser('FROM debian:12 AS base\nONBUILD USER root\nUSER app\nFROM base\nRUN true\n'))?.runsAs,
    ).toBe('root');
    expect((await finalUser('FROM debian:12\nUSER app\nONBUILD USER root\n'))?.runsAs).toBe('non-root');
    expect(
      (await finalUser('FROM debian:12 AS base\nONBUILD USER root\nFROM base\nUSER app\n'))?.runsAs,
    ).toBe('non-root');
  });

  it('calls a user unknown when a variable has no value in the Dockerfile, or it substitutes to nothing', async () => {
    for (const content of [
      'FROM debian:12\nARG U\nUSER $U\n',
      'FROM debian:12\nUSER $NB_UID\n',
      // A global ARG not declared again in the stage is not in scope there.
      'ARG U=app\nFROM debian:12\nUSER $U\n',
      'FROM debian:12\nUSER ${UNSET:+app}\n',
    ])
      expect((await finalUser(content))?.runsAs, content).toBe('unknown');
  });
});

describe('require-non-root on the linted Dockerfile', () => {
  const policy = parsePolicy('version: 1\ndockerfile:\n  require-non-root: true\n');
  const NOW = new Date('2026-12-01T00:00:00Z');

  async function violations(content: string): Promise<string[]> {
    const { target } = await lintDockerfile({ path: 'Dockerfile', content });
    return checkRequiredProperties([target], policy, NOW).map((v) => `${v.line}: ${v.message}`);
  }

  it('refuses root however it is written', async () => {
    expect(await violations('FROM debian:12\nUSER 0000\n')).toEqual([
      '2: final stage runs as root (USER 0000)',
    ]);
    expect(await violations('FROM debian:12\nARG APP_USER=root\nUSER $APP_USER\n')).toEqual([
      '3: final stage runs as root (USER $APP_USER, that is root)',
    ]);
    expect(await violations('FROM debian:12\nUSER ${UID:-0}\n')).toEqual([
      '2: final stage runs as root (USER ${UID:-0}, that is 0)',
    ]);
  });

  it('refuses a user it cannot check, and names why', async () => {
    expect(await violations('FROM debian:12\nARG U\nUSER $U\n')).toEqual([
      "3: final stage's USER $U cannot be checked (a variable with no value in the Dockerfile)",
    ]);
  });

  it('accepts a non-root user inherited from the stage the final one builds on', async () => {
    expect(await violations('FROM debian:12 AS base\nUSER 10001\nFROM base\nRUN true\n')).toEqual([]);
    expect(await violations('FROM debian:12\nARG APP_UID=10001\nUSER $APP_UID\n')).toEqual([]);
  });
});
