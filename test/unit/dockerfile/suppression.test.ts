import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { lintDockerfile, loadHadolintConfig } from '../../../src/dockerfile/index';
import { lint } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'sg-hadolint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const APT = 'FROM debian:12\nRUN apt-get install python\n';

describe('suppression', () => {
  it('honours # shipgate ignore= on the line before, keeping the finding marked', async () => {
    const f = await lint(
      'FROM debian:12\n# shipgate ignore=SG-DF-011,SG-DF-014\nRUN apt-get install python\n',
    );
    const yes = f.find((x) => x.ruleId === 'SG-DF-011');
    expect(yes?.suppressed).toEqual({ kind: 'inline', reason: '# shipgate ignore=SG-DF-011 (line 2)' });
    expect(f.find((x) => x.ruleId === 'SG-DF-014')?.suppressed?.kind).toBe('inline');
    expect(f.find((x) => x.ruleId === 'SG-DF-012')?.suppressed).toBeUndefined();
  });

  it('maps # hadolint ignore= through the equivalents, across a comment block', async () => {
    const f = await lint(
      'FROM debian:12\n# hadolint ignore=DL3008,DL3015\n# another comment\nRUN apt-get install -y python\n',
    );
    expect(f.find((x) => x.ruleId === 'SG-DF-014')?.suppressed?.kind).toBe('inline');
    expect(f.find((x) => x.ruleId === 'SG-DF-012')?.suppressed?.kind).toBe('inline');
    expect(f.find((x) => x.ruleId === 'SG-DF-001')?.suppressed).toBeUndefined();
  });

  it('maps a related (not equivalent) check id too: # hadolint global ignore=DL3049 silences SG-DF-049', async () => {
    const df = 'FROM debian:12\nUSER 1000\n';
    expect((await lint(df)).find((x) => x.ruleId === 'SG-DF-049')?.suppressed).toBeUndefined();
    const f = await lint(`# hadolint global ignore=DL3049\n${df}`);
    expect(f.find((x) => x.ruleId === 'SG-DF-049')?.suppressed?.kind).toBe('inline');
  });

  it('maps trivy ids in every spelling and hadolint global ignores', async () => {
    const f = await lint(
      '# hadolint global ignore=DL3006\nFROM debian\n# shipgate ignore=AVD-DS-0002\nUSER root\n',
    );
    expect(f.find((x) => x.ruleId === 'SG-DF-005')?.suppressed?.kind).toBe('inline');
    expect(f.find((x) => x.ruleId === 'SG-DF-001')?.suppressed?.kind).toBe('inline');
  });

  it('maps a related trivy check in every spelling: DS002, DS-0002 and AVD-DS-0002 silence SG-DF-001', async () => {
    for (const id of ['DS002', 'DS-0002', 'AVD-DS-0002']) {
      const f = await lint(`FROM debian:12\n# shipgate ignore=${id}\nUSER root\n`);
      expect(f.find((x) => x.ruleId === 'SG-DF-001')?.suppressed?.kind, id).toBe('inline');
    }
  });

  it('does not apply a pragma separated by a blank line', async () => {
    const f = await lint('FROM debian:12\n# hadolint ignore=DL3014\n\nRUN apt-get install python\n');
    expect(f.find((x) => x.ruleId === 'SG-DF-011')?.suppressed).toBeUndefined();
  });

  it('honours BuildKit # check=skip=', async () => {
    const f = await lint('# check=skip=JSONArgsRecommended\nFROM alpine:3.20\nCMD echo hi\n');
    expect(f.find((x) => x.ruleId === 'SG-DF-035')?.suppressed?.kind).toBe('inline');
  });

  it('loads .hadolint.yaml: ignored list and trustedRegistries', async () => {
    writeFileSync(
      join(dir, '.hadolint.yaml'),
      'ignored:\n  - DL3008\n  - DL3014\ntrustedRegistries:\n  - docker.io\n',
    );
    const hadolint = await loadHadolintConfig(dir);
    expect(hadolint).toEqual({
      path: '.hadolint.yaml',
      ignored: ['DL3008', 'DL3014'],
      trustedRegistries: ['docker.io'],
      disableIgnorePragma: false,
    });
    const f = (
      await lintDockerfile({ path: 'Dockerfile', content: APT + 'FROM quay.io/x/y:1\n' }, { hadolint })
    ).findings;
    expect(f.find((x) => x.ruleId === 'SG-DF-014')?.suppressed).toEqual({
      kind: 'hadolint-config',
      reason: 'DL3008 ignored in .hadolint.yaml',
    });
    expect(f.find((x) => x.ruleId === 'SG-DF-011')?.suppressed?.kind).toBe('hadolint-config');
    expect(f.filter((x) => x.ruleId === 'SG-DF-053').map((x) => x.location?.startLine)).toEqual([3]);
  });

  it('disable-ignore-pragma turns inline pragmas off', async () => {
    const hadolint = {
      path: '.hadolint.yaml',
      ignored: [],
      trustedRegistries: [],
      disableIgnorePragma: true,
    };
    const f = (
      await lintDockerfile(
        {
          path: 'Dockerfile',
          content: 'FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install python\n',
        },
        { hadolint },
      )
    ).findings;
    expect(f.find((x) => x.ruleId === 'SG-DF-011')?.suppressed).toBeUndefined();
  });

  it('returns undefined without a config and a CONFIG_INVALID error for a bad one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sg-hadolint-empty-'));
    expect(await loadHadolintConfig(empty)).toBeUndefined();
    writeFileSync(join(empty, '.hadolint.yml'), 'ignored: [DL3008\n');
    await expect(loadHadolintConfig(empty)).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ShipgateError && e.code === 'CONFIG_INVALID' && e.message.startsWith('.hadolint.yml:'),
    );
    writeFileSync(join(empty, '.hadolint.yml'), 'ignored: DL3008\n');
    await expect(loadHadolintConfig(empty)).rejects.toThrow(/"ignored" must be a list/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('applies the ignoreRules option as policy suppressions', async () => {
    const f = (await lintDockerfile({ path: 'Dockerfile', content: APT }, { ignoreRules: ['DS-0021'] }))
      .findings;
    expect(f.find((x) => x.ruleId === 'SG-DF-011')?.suppressed?.kind).toBe('policy');
  });
});

describe('fingerprints', () => {
  it('stay the same when unrelated lines are inserted above, and differ between occurrences', async () => {
    const base =
      'FROM debian:12 AS build\nRUN apt-get install python\nRUN apt-get install python\nFROM alpine:3.20\nCMD node x\n';
    const edited =
      '# a new comment\nARG UNUSED=1\nFROM debian:12 AS build\nLABEL a=b\nRUN apt-get install python\n\nRUN apt-get install python\nFROM alpine:3.20\nENV X=1\nCMD node x\n';
    const a = await lint(base);
    const b = await lint(edited);
    const key = (f: { ruleId: string; fingerprint: string }) => `${f.ruleId}:${f.fingerprint}`;
    const shared = ['SG-DF-011', 'SG-DF-014', 'SG-DF-035', 'SG-DF-001'];
    const pick = (list: typeof a) =>
      list
        .filter((f) => shared.includes(f.ruleId))
        .map(key)
        .sort();
    expect(pick(b)).toEqual(pick(a));
    const apt = a.filter((f) => f.ruleId === 'SG-DF-011');
    expect(apt).toHaveLength(2);
    expect(apt[0]?.fingerprint).not.toBe(apt[1]?.fingerprint);
    expect(new Set(a.map((f) => f.fingerprint)).size).toBe(a.length);
  });
});

describe('messages', () => {
  it('never contain the secret value', async () => {
    const secret = 'ghp_' + 'Zx9'.repeat(12);
    const f = await lint(`FROM alpine:3.20\nENV GITHUB_TOKEN=${secret}\n`);
    const text = JSON.stringify(f);
    expect(text).not.toContain(secret);
    expect(f.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['SG-DF-006', 'SG-DF-007']));
    expect(f.find((x) => x.ruleId === 'SG-DF-007')?.message).toContain('ghp_****');
  });

  it('point at the exact word', async () => {
    const f = await lint('FROM alpine:3.20\nRUN apk add --no-cache curl=8 && \\\n    chmod 777 /app\n');
    const chmod = f.find((x) => x.ruleId === 'SG-DF-028');
    expect(chmod?.location).toMatchObject({
      startLine: 3,
      startColumn: 11,
      endLine: 3,
      endColumn: 14,
      snippet: '    chmod 777 /app',
    });
    expect(chmod?.properties).toEqual({ instruction: 'RUN', stage: 0 });
  });
});
