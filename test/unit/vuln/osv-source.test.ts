/**
 * The source rule: which of archive and API is cheaper per ecosystem, from the package counts, the cache
 * and the size and network constants. Thresholds are found from the cost model, never written down here.
 */
import { describe, expect, it } from 'vitest';
import {
  API_COST,
  ARCHIVE_BYTES,
  DEFAULT_ARCHIVE_BYTES,
  NOMINAL_NETWORK,
  apiCost,
  archiveCost,
  chooseSources,
  describeChoices,
  type Network,
} from '../../../src/vuln/osv/source';

/** The smallest package count for which the archive costs no more than the API (found by bisection). */
function threshold(ecosystem: string, net: Network = NOMINAL_NETWORK): number {
  const archive = archiveCost(ecosystem, net).ms;
  let lo = 1;
  let hi = 1;
  while (apiCost(ecosystem, hi, net).ms < archive) hi *= 2;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (apiCost(ecosystem, mid, net).ms < archive) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const source = (ecosystem: string, packages: number, cachedAgeMs?: number, net?: Network): string =>
  chooseSources([{ ecosystem, packages, ...(cachedAgeMs === undefined ? {} : { cachedAgeMs }) }], net)[0]!
    .source;

describe('archive or API', () => {
  const ecosystems = [...Object.keys(ARCHIVE_BYTES), 'SomethingNew'];

  it.each(ecosystems)('%s: the API below the crossing point, the archive from it on', (eco) => {
    const n = threshold(eco);
    expect(n).toBeGreaterThan(1);
    expect(source(eco, 1)).toBe('api');
    expect(source(eco, n - 1)).toBe('api');
    expect(source(eco, n)).toBe('archive');
    expect(source(eco, n * 10)).toBe('archive');
  });

  it.each(ecosystems)('%s: a cached archive wins at any size and age', (eco) => {
    for (const age of [0, 3_600_000, 30 * 86_400_000]) expect(source(eco, 1, age)).toBe('archive');
  });

  it('the archive estimate is the table size in one request; unknown ecosystems take the default', () => {
    expect(archiveCost('npm')).toMatchObject({ bytes: ARCHIVE_BYTES.npm, roundTrips: 1 });
    expect(archiveCost('SomethingNew').bytes).toBe(DEFAULT_ARCHIVE_BYTES);
  });

  it('the API pays one round trip per batch of queries', () => {
    const one = apiCost('npm', API_COST.batchSize);
    const two = apiCost('npm', API_COST.batchSize + 1);
    expect(two.roundTrips - one.roundTrips).toBeGreaterThanOrEqual(1);
  });

  it('a bigger archive, a faster round trip or a slower link favour the API for longer', () => {
    const slow: Network = { ...NOMINAL_NETWORK, bytesPerSecond: NOMINAL_NETWORK.bytesPerSecond / 10 };
    const near: Network = { ...NOMINAL_NETWORK, roundTripMs: NOMINAL_NETWORK.roundTripMs / 10 };
    for (const eco of ['Debian', 'npm']) {
      expect(threshold(eco, slow)).toBeGreaterThan(threshold(eco));
      expect(threshold(eco, near)).toBeGreaterThan(threshold(eco));
    }
    const [small, big] = Object.entries(ARCHIVE_BYTES)
      .filter(([e]) => e === 'crates.io' || e === 'npm')
      .sort((a, b) => a[1] - b[1])
      .map(([e]) => e);
    // Same hit rate for language ecosystems, so only the archive size differs.
    expect(threshold(big!)).toBeGreaterThan(threshold(small!));
  });

  it('an ecosystem with nothing to query keeps the archive (nothing to save)', () => {
    expect(source('npm', 0)).toBe('archive');
  });

  it('decides per ecosystem and says why in one line', () => {
    const many = threshold('Debian') * 2;
    const choices = chooseSources([
      { ecosystem: 'npm', packages: 5 },
      { ecosystem: 'Debian', packages: many },
      { ecosystem: 'PyPI', packages: 5, cachedAgeMs: 3 * 3_600_000 },
    ]);
    expect(choices.map((c) => c.source)).toEqual(['api', 'archive', 'archive']);
    const line = describeChoices(choices);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      `OSV data: API for npm (5 packages, no cache; archive ~${Math.round(ARCHIVE_BYTES.npm! / 1e6)} MB), ` +
        `archive for Debian (${many} packages, no cache; API ~${choices[1]!.api.roundTrips} round trips), ` +
        'archive for PyPI (cached 3 h ago)',
    );
  });
});
