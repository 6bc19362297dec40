/**
 * The stored OSV index: what a compile writes reads back (every package by its name, whatever its bytes, and
 * every record), damaged tables are refused, and an incremental refresh of a stored index holds exactly what a
 * fresh compile of the changed archive holds: the same entries under the same names, pointing at the same
 * records, and no record left over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexBuilder, type CompactAffected } from '../../../src/vuln/osv/compact';
import { applyChanges } from '../../../src/vuln/osv/incremental';
import {
  CompiledIndex,
  IndexWriter,
  packageKey,
  type BuiltIndex,
  type ReadBytes,
} from '../../../src/vuln/osv/layout';
import { cachePaths, writeCachedIndex } from '../../../src/vuln/osv/remote';
import type { OsvRecord } from '../../../src/vuln/osv/types';
import { fixtureRecords } from '../../support/fake-osv';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-osv-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(records: readonly OsvRecord[]): BuiltIndex {
  const b = new IndexBuilder(new Set(['npm']));
  for (const r of records) b.add(r);
  return b.result().get('npm')!;
}

/** The index written to a cache file and opened from there, as a scan reads it. */
function stored(records: readonly OsvRecord[]): CompiledIndex {
  return writeCachedIndex(cachePaths(dir, 'npm'), build(records));
}

/**
 * What an index holds, independent of record numbering and slot order: per package name, its entries with
 * the record each points at written out in full, sorted.
 */
function contents(index: CompiledIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const used = new Set<number>();
  for (let j = 0; j < index.packageCount; j++) {
    const name = Buffer.from(index.packageKeyAt(j), 'latin1').toString('utf8');
    const entries = index.slotJson<CompactAffected[]>(index.recordCount + j);
    expect(entries.length).toBeGreaterThan(0);
    out.set(
      name,
      entries
        .map((e) => {
          used.add(e.r);
          return JSON.stringify({ ...e, r: index.slotJson(e.r) });
        })
        .sort(),
    );
  }
  // Every record is pointed at: nothing replaced or withdrawn is left behind.
  expect(used.size).toBe(index.recordCount);
  return out;
}

function npmRecord(id: string, name: string, fixed: string, extra: Partial<OsvRecord> = {}): OsvRecord {
  return {
    id,
    modified: '2026-11-01T00:00:00Z',
    summary: `Advisory ${id} for ${name}`,
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
    references: [{ url: `https://example.test/${encodeURIComponent(id)}` }],
    ...extra,
  };
}

/** Names whose UTF-8 bytes sort differently from their UTF-16 code units, plus scoped and plain ones. */
const NAMES = [
  'lodash',
  '@scope/pkg',
  'Zeta',
  'zeta',
  'é-lib',
  '\u{1F600}-emoji',
  '\uFFFD-replacement',
  '\uE000-private',
  'a',
  'ab',
];

function archive(): OsvRecord[] {
  const out: OsvRecord[] = [...fixtureRecords('npm')];
  for (let i = 0; i < 400; i++)
    out.push(npmRecord(`GHSA-${i}`, i % 7 === 0 ? NAMES[i % NAMES.length]! : `lib-${i % 150}`, `1.${i}.0`));
  // One package named by many records: its slot is larger than a read window.
  for (let i = 0; i < 1500; i++) out.push(npmRecord(`GHSA-popular-${i}`, 'popular', `2.${i}.0`));
  // Ids that need escaping in JSON.
  out.push(npmRecord('GHSA-"quoted"', 'lib-1', '9.0.0'), npmRecord('GHSA-back\\slash', 'lib-2', '9.0.0'));
  return out;
}

describe('stored index layout', () => {
  it('finds every package by its name and misses the others', () => {
    const records = archive();
    const index = stored(records);
    const names = new Set(records.flatMap((r) => (r.affected ?? []).map((a) => a.package!.name)));
    for (const name of names) {
      const k = index.packageSlot(name);
      expect(k, name).toBeDefined();
      const entries = index.slotJson<CompactAffected[]>(k!);
      for (const e of entries) expect(index.slotJson<{ id: string }>(e.r).id).toMatch(/^(GHSA|MAL)-/);
    }
    for (const miss of ['', 'lodash2', 'Lodash', '@scope/pk', '\u{1F601}', '~', '\u0000'])
      expect(index.packageSlot(miss), miss).toBeUndefined();
    expect(contents(index)).toEqual(contents(CompiledIndex.fromBuilt(build(records))));
  });

  it('orders names by their bytes, and names that encode to the same bytes share one slot', () => {
    const w = new IndexWriter('npm', '2026-11-01T00:00:00Z');
    const names = [...NAMES, '\uD800-lone'];
    names.forEach((n, i) => w.addEntry(packageKey(n), JSON.stringify({ r: i })));
    const index = CompiledIndex.fromBuilt(w.finish());
    const keys = Array.from({ length: index.packageCount }, (_, j) =>
      Buffer.from(index.packageKeyAt(j), 'latin1'),
    );
    for (let j = 1; j < keys.length; j++) expect(Buffer.compare(keys[j - 1]!, keys[j]!)).toBe(-1);
    // A lone surrogate is written as U+FFFD, so it is the same name as one spelled with U+FFFD.
    expect(index.packageSlot('\uD800-lone')).toBe(index.packageSlot('\uFFFD-lone'));
    expect(index.packageCount).toBe(names.length);
    for (const n of NAMES) expect(index.slotJson<{ r: number }[]>(index.packageSlot(n)!)).toHaveLength(1);
  });

  it('refuses tables that do not fit the body', () => {
    const built = build(archive());
    const body = Buffer.concat(built.parts);
    const read: ReadBytes = (o, n) => body.subarray(o, o + n);
    expect(CompiledIndex.open(built.header, read)).toBeDefined();
    expect(CompiledIndex.open({ ...built.header, size: built.header.size + 4 }, read)).toBeUndefined();
    expect(CompiledIndex.open({ ...built.header, packageCount: 0 }, read)).toBeUndefined();
    // A slot offset out of order.
    const swapped = Buffer.from(body);
    const at = built.header.tables + 4 * 10;
    swapped.writeUInt32LE(swapped.readUInt32LE(at + 4) + 1, at);
    expect(CompiledIndex.open(built.header, (o, n) => swapped.subarray(o, o + n))).toBeUndefined();
  });
});

describe('incremental refresh of a stored index', () => {
  it('holds what a fresh compile of the changed archive holds', () => {
    const before = archive();
    const at = '2026-11-20T00:00:00Z';
    const byId = new Map(before.map((r) => [r.id, r]));
    const changed: OsvRecord[] = [
      // A fix moved, in a record early, in the middle and at the end of the index.
      { ...byId.get('GHSA-0')!, modified: at, summary: 'changed' },
      npmRecord('GHSA-200', 'lib-50', '7.7.7', { modified: at }),
      npmRecord('GHSA-popular-1499', 'popular', '3.0.0', { modified: at }),
      // A record that moves to another package: lib-3 keeps its other records, lib-0 (named by GHSA-150
      // and GHSA-300 as well) loses one.
      npmRecord('GHSA-3', 'moved-away', '1.0.0', { modified: at }),
      // Withdrawn, and one that no longer names any npm package.
      { ...byId.get('GHSA-4')!, modified: at, withdrawn: at },
      { ...byId.get('GHSA-5')!, modified: at, affected: [] },
      // Ids that need escaping, changed.
      npmRecord('GHSA-"quoted"', 'lib-1', '9.9.9', { modified: at }),
      // New records: a name sorting before every other, after every other, in between, and an existing one.
      npmRecord('MAL-1', '!first', '0.0.1', { modified: at }),
      npmRecord('MAL-2', '\u{10FFFF}-last', '0.0.1', { modified: at }),
      npmRecord('MAL-3', 'lib-49x', '0.0.1', { modified: at }),
      npmRecord('MAL-4', 'lodash', '0.0.1', { modified: at }),
    ];
    // Every record of a package withdrawn: the package is gone.
    const lone = before.filter((r) => r.affected?.[0]?.package?.name === 'Zeta');
    expect(lone.length).toBeGreaterThan(0);
    changed.push(...lone.map((r) => ({ ...r, modified: at, withdrawn: at })));

    const after = new Map(before.map((r) => [r.id, r]));
    for (const r of changed) after.set(r.id, r);
    const refreshed = CompiledIndex.fromBuilt(applyChanges(stored(before), changed));
    const fresh = CompiledIndex.fromBuilt(build([...after.values()]));

    expect(contents(refreshed)).toEqual(contents(fresh));
    expect(refreshed.packageSlot('Zeta')).toBeUndefined();
    expect(refreshed.packageSlot('!first')).toBeDefined();
    expect(refreshed.packageSlot('\u{10FFFF}-last')).toBeDefined();
    expect(refreshed.recordCount).toBe(fresh.recordCount);
  });

  it('with nothing changed, copies the index as it is', () => {
    const index = stored(archive());
    const again = CompiledIndex.fromBuilt(applyChanges(index, []));
    expect(contents(again)).toEqual(contents(index));
    const a = Array.from({ length: index.recordCount + index.packageCount }, (_, k) =>
      Buffer.from(index.slotBytes(k)).toString('utf8'),
    );
    const b = Array.from({ length: again.recordCount + again.packageCount }, (_, k) =>
      Buffer.from(again.slotBytes(k)).toString('utf8'),
    );
    expect(b).toEqual(a);
  });
});
