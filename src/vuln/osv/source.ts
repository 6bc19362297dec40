/**
 * Which OSV source is cheaper for one ecosystem, decided before anything is downloaded: the ecosystem's
 * archive (one large download, compiled and cached) or the API (`querybatch` plus one record fetch per
 * hit). A cached archive always wins: its refresh is a conditional request or a few changed records.
 */

/**
 * Approximate compressed size of `<ecosystem>/all.zip` in bytes. Debian and npm are the sizes of the
 * bench's archives, rounded up (`npm run bench -- vuln-data`, December 2026), which have OSV's record counts and records
 * shaped like the real ones: Debian 59,345 records (google/osv.dev issue 5587, June 2026); npm 16,000
 * advisories plus 150,000 `MAL-` malicious-package reports (an estimate: OSV held 519,760 records across its
 * ten largest archives in April 2026, most of them malicious-package reports). The others are rounded from
 * their record counts at ~0.8 KB a compressed record.
 */
export const ARCHIVE_BYTES: Readonly<Record<string, number>> = {
  Debian: 47e6,
  npm: 98e6,
  Ubuntu: 50e6,
  PyPI: 16e6,
  Maven: 10e6,
  Go: 5e6,
  Alpine: 6e6,
  'Red Hat': 40e6,
  AlmaLinux: 5e6,
  'Rocky Linux': 5e6,
  SUSE: 50e6,
  openSUSE: 30e6,
  Packagist: 5e6,
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
 * Distinct vulnerability records the API returns per queried package, as measured by the bench on its
 * Debian + npm inventory (7.1 per Debian source package, 0.2 per npm package): the API answers distro
 * packages by name across releases (google/osv.dev issue 4230), and most language packages have none.
 */
const DISTRO_HITS = 7;
const HITS_PER_PACKAGE: Readonly<Record<string, number>> = {
  Debian: DISTRO_HITS,
  Ubuntu: DISTRO_HITS,
  Alpine: DISTRO_HITS,
  'Red Hat': DISTRO_HITS,
  AlmaLinux: DISTRO_HITS,
  'Rocky Linux': DISTRO_HITS,
  SUSE: DISTRO_HITS,
  openSUSE: DISTRO_HITS,
};
const DEFAULT_HITS_PER_PACKAGE = 0.2;

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

type OsvSource = 'archive' | 'api';

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
