/**
 * Which OSV source is cheaper for one ecosystem, decided before anything is downloaded: the ecosystem's
 * archive (one large download, compiled and cached) or the API (`querybatch` plus one record fetch per
 * hit). A cached archive always wins: its refresh is a conditional request or a few changed records.
 */

/**
 * Approximate compressed size of `<ecosystem>/all.zip` in bytes. Debian: 59,345 records (google/osv.dev
 * issue 5587, June 2026) at ~1 KB each compressed, the size of the bench's records shaped like the real
 * ones. npm: ~16,000 advisories at ~1 KB plus ~150,000 `MAL-` records at ~0.6 KB, an estimate from OSV's
 * 519,760 records across its ten largest archives (April 2026) of which malicious-package reports are now
 * the majority. The others are rounded from their record counts on osv.dev at ~1 KB a record. Checked by
 * `npm run bench -- vuln-data` (docs/benchmarks.md), December 2026.
 */
export const ARCHIVE_BYTES: Readonly<Record<string, number>> = {
  Debian: 60e6,
  npm: 107e6,
  Ubuntu: 60e6,
  PyPI: 20e6,
  Maven: 12e6,
  Go: 6e6,
  Alpine: 8e6,
  'Red Hat': 40e6,
  AlmaLinux: 6e6,
  'Rocky Linux': 6e6,
  SUSE: 60e6,
  openSUSE: 40e6,
  Packagist: 6e6,
  'crates.io': 2e6,
  RubyGems: 2e6,
  NuGet: 2e6,
};

/** For an ecosystem the table does not name. */
export const DEFAULT_ARCHIVE_BYTES = 20e6;

/**
 * The nominal network: 50 MB/s, the average download rate GitHub-hosted runners showed for a 300 MB
 * cache (actions/cache issue 928), and 30 ms a round trip to the OSV bucket and API.
 */
export const NOMINAL_NETWORK = { bytesPerSecond: 50e6, roundTripMs: 30 };

/**
 * Distinct vulnerability records the API returns per queried package. OS packages of a distro image have
 * open (often unfixed) CVEs on most source packages; language packages mostly have none. The bench
 * (`vuln-data`) reports the measured rate of its inventory next to these.
 */
export const HITS_PER_PACKAGE: Readonly<Record<string, number>> = {
  Debian: 2,
  Ubuntu: 2,
  Alpine: 0.5,
  'Red Hat': 1,
  AlmaLinux: 1,
  'Rocky Linux': 1,
  SUSE: 2,
  openSUSE: 2,
};
export const DEFAULT_HITS_PER_PACKAGE = 0.05;

/** The API's largest batch, the average size of one record as `GET /v1/vulns/{id}` returns it, and the
 * size of one query and one result id in a batch. */
export const API_COST = {
  batchSize: 1000,
  recordBytes: 3_000,
  queryBytes: 100,
  resultBytes: 80,
  /** Record fetches in flight (api.ts). */
  concurrency: 8,
} as const;

export type OsvSource = 'archive' | 'api';

export interface EcosystemNeed {
  /** Archive name (ecosystem base), e.g. "Debian". */
  ecosystem: string;
  /** Distinct package versions to look up in it. */
  packages: number;
  /** Age of the cached index in ms, when one is cached. */
  cachedAgeMs?: number;
}

export interface Network {
  bytesPerSecond: number;
  roundTripMs: number;
}

export interface Estimate {
  bytes: number;
  roundTrips: number;
  ms: number;
}

export interface SourceChoice extends EcosystemNeed {
  source: OsvSource;
  archive: Estimate;
  api: Estimate;
}

function estimate(bytes: number, roundTrips: number, net: Network): Estimate {
  return { bytes, roundTrips, ms: roundTrips * net.roundTripMs + (bytes / net.bytesPerSecond) * 1000 };
}

/** Cold download of the ecosystem's archive: one request. */
export function archiveCost(ecosystem: string, net: Network = NOMINAL_NETWORK): Estimate {
  return estimate(ARCHIVE_BYTES[ecosystem] ?? DEFAULT_ARCHIVE_BYTES, 1, net);
}

/** The API for `packages` lookups: sequential batches, then the hit records `concurrency` at a time. */
export function apiCost(ecosystem: string, packages: number, net: Network = NOMINAL_NETWORK): Estimate {
  const hits = Math.ceil(packages * (HITS_PER_PACKAGE[ecosystem] ?? DEFAULT_HITS_PER_PACKAGE));
  const batches = Math.ceil(packages / API_COST.batchSize);
  const bytes = packages * API_COST.queryBytes + hits * API_COST.resultBytes + hits * API_COST.recordBytes;
  return estimate(bytes, batches + Math.ceil(hits / API_COST.concurrency), net);
}

/** The cheaper source per ecosystem; a cached archive always wins, a tie goes to the archive. */
export function chooseSources(
  needs: readonly EcosystemNeed[],
  net: Network = NOMINAL_NETWORK,
): SourceChoice[] {
  return needs.map((n) => {
    const archive = archiveCost(n.ecosystem, net);
    const api = apiCost(n.ecosystem, n.packages, net);
    const source: OsvSource =
      n.cachedAgeMs !== undefined || n.packages === 0 || archive.ms <= api.ms ? 'archive' : 'api';
    return { ...n, source, archive, api };
  });
}

function age(ms: number): string {
  const h = ms / 3_600_000;
  if (h < 1) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (h < 48) return `${Math.round(h)} h`;
  return `${Math.round(h / 24)} days`;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;

/** One line for the log: "API for npm (5 packages, no cache; archive ~107 MB), archive for Debian (cached 3 h ago)". */
export function describeChoices(choices: readonly SourceChoice[]): string {
  const parts = choices.map((c) => {
    const pk = `${c.packages} package${c.packages === 1 ? '' : 's'}`;
    if (c.cachedAgeMs !== undefined) return `archive for ${c.ecosystem} (cached ${age(c.cachedAgeMs)} ago)`;
    if (c.source === 'api')
      return `API for ${c.ecosystem} (${pk}, no cache; archive ~${mb(c.archive.bytes)})`;
    return `archive for ${c.ecosystem} (${pk}, no cache; API ~${c.api.roundTrips} round trips)`;
  });
  return `OSV data: ${parts.join(', ')}`;
}
