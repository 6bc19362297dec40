import { describe, expect, it } from 'vitest';
import { compareText, sortFindings } from '../../../src/core/order';
import type { Finding } from '../../../src/core/finding';

const finding = (ruleId: string, path: string, startLine: number): Finding =>
  ({
    kind: 'dockerfile',
    ruleId,
    severity: 'high',
    title: ruleId,
    message: ruleId,
    location: { path, startLine },
    fingerprint: `${ruleId}:${path}:${startLine}`,
  }) as Finding;

describe('compareText', () => {
  it("orders by UTF-16 code unit, whatever the machine's locale: capitals before small letters", () => {
    const words = ['b', 'a', 'B', 'A', 'ä', '_x', '-x', 'GHSA-2x', 'GHSA-ax', 'openSUSE-SU-1', 'PYSEC-1'];
    expect([...words].sort(compareText)).toEqual([
      '-x',
      'A',
      'B',
      'GHSA-2x',
      'GHSA-ax',
      'PYSEC-1',
      '_x',
      'a',
      'b',
      'openSUSE-SU-1',
      'ä',
    ]);
    expect(compareText('SG-DF-001', 'SG-DF-001')).toBe(0);
    // localeCompare would put "a" before "B", and "ä" after "z" in Swedish but before "b" in German.
    expect(['b', 'ä', 'a'].sort(compareText)).toEqual(['a', 'b', 'ä']);
  });
});

describe('sortFindings', () => {
  it('orders rule ids and paths by code unit within a severity', () => {
    const sorted = sortFindings([
      finding('SG-DF-010', 'b/Dockerfile', 3),
      finding('SG-DF-002', 'a/Dockerfile', 3),
      finding('SG-DF-001', 'a/Dockerfile', 3),
      finding('SG-DF-001', 'B/Dockerfile', 9),
    ]);
    expect(sorted.map((f) => `${f.location?.path}:${f.ruleId}`)).toEqual([
      'B/Dockerfile:SG-DF-001',
      'a/Dockerfile:SG-DF-001',
      'a/Dockerfile:SG-DF-002',
      'b/Dockerfile:SG-DF-010',
    ]);
  });
});
