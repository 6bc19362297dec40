import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isShipgateError } from '../../../src/core/errors';
import { dockerfileRules, lintDockerfile } from '../../../src/dockerfile/index';
import { FIXTURES, ROOT } from '../../support/tools';

const dir = join(FIXTURES, 'dockerfiles');
const EXAMPLES = join(ROOT, 'examples');

describe('real-world Dockerfiles', () => {
  it('all parse and lint without throwing (or fail with a clean one-line DOCKERFILE_PARSE error)', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('Dockerfile'));
    expect(files.length).toBeGreaterThan(250);
    const known = new Set(dockerfileRules().map((r) => r.id));
    let failed = 0;
    for (const f of files) {
      const content = readFileSync(join(dir, f), 'utf8');
      try {
        const { findings, target } = await lintDockerfile({ path: f, content }, {});
        expect(target.stages.length).toBeGreaterThan(0);
        for (const x of findings) {
          expect(known.has(x.ruleId)).toBe(true);
          expect(x.location?.startLine).toBeGreaterThanOrEqual(1);
          expect(x.location?.endLine).toBeGreaterThanOrEqual(x.location?.startLine ?? 0);
        }
      } catch (e) {
        failed++;
        expect(isShipgateError(e) && e.code === 'DOCKERFILE_PARSE', `${f}: ${String(e)}`).toBe(true);
        expect((e as Error).message).not.toContain('\n');
      }
    }
    expect(failed).toBeLessThanOrEqual(3);
  });
});

describe('line endings', () => {
  it('CRLF line endings and a byte order mark give the same findings, positions and fingerprints', async () => {
    const key = (f: {
      ruleId: string;
      fingerprint: string;
      location?: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };
    }) =>
      `${f.ruleId}:${f.location?.startLine}:${f.location?.startColumn}:${f.location?.endLine}:${f.location?.endColumn}:${f.fingerprint}`;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('Dockerfile'))
      .filter((_, i) => i % 5 === 0);
    let compared = 0;
    for (const f of files) {
      const lf = readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n');
      let a;
      try {
        a = await lintDockerfile({ path: f, content: lf });
      } catch {
        continue;
      }
      const b = await lintDockerfile({ path: f, content: `\ufeff${lf.replace(/\n/g, '\r\n')}` });
      expect(b.findings.map(key), f).toEqual(a.findings.map(key));
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('examples', () => {
  const lintExample = async (name: string) => {
    const path = `examples/${name}/Dockerfile`;
    return (await lintDockerfile({ path, content: readFileSync(join(EXAMPLES, name, 'Dockerfile'), 'utf8') }))
      .findings;
  };

  it('node-bad produces many findings, covering the classic mistakes', async () => {
    const ids = new Set((await lintExample('node-bad')).map((f) => f.ruleId));
    for (const id of [
      'SG-DF-001',
      'SG-DF-002',
      'SG-DF-005',
      'SG-DF-006',
      'SG-DF-010',
      'SG-DF-013',
      'SG-DF-025',
      'SG-DF-031',
      'SG-DF-035',
      'SG-DF-040',
    ])
      expect(ids).toContain(id);
  });

  it('go-good has no findings except the info that USER nonroot is a name, not a uid', async () => {
    const f = await lintExample('go-good');
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['SG-DF-063', 'info']]);
  });

  it('python-app and java-app have a few moderate findings and nothing high', async () => {
    for (const name of ['python-app', 'java-app']) {
      const f = await lintExample(name);
      expect(f.length).toBeGreaterThan(0);
      expect(f.filter((x) => x.severity === 'high' || x.severity === 'critical')).toEqual([]);
    }
    expect((await lintExample('python-app')).map((f) => f.ruleId)).toContain('SG-DF-023');
    expect((await lintExample('java-app')).map((f) => f.ruleId)).toContain('SG-DF-003');
  });
});
