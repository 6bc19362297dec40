/**
 * Picks where vulnerability data comes from:
 * - `--vuln-db DIR|ZIP`: local OSV files, no network;
 * - database mode: the cached per-ecosystem index, refreshed from the bucket when stale;
 * - API mode: the OSV API;
 * - auto (default): per ecosystem, whichever of the two is cheaper (source.ts), each falling back to the
 *   other when it cannot be had.
 */
import type { OsInfo, Package } from '../../core/package';
import { ShipgateError, isShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { neededEcosystems, targetFor } from '../ecosystem';
import { ecosystemBase } from '../versions';
import { loadApiDatabase, type ApiOptions, type OsvQuery } from './api';
import { ComposedVulnDatabase, type VulnDatabase } from './db';
import { loadLocalDatabase } from './local';
import { cachedIndexAge, loadRemoteDatabase, type RemoteDbOptions } from './remote';
import { chooseSources, describeChoices, type EcosystemNeed, type Network } from './source';

export type VulnDbMode = 'auto' | 'database' | 'api';

export interface OpenVulnDbOptions extends RemoteDbOptions, Omit<ApiOptions, 'http'> {
  mode?: VulnDbMode;
  /** A directory or zip of OSV JSON files; wins over everything else. */
  path?: string;
  /** The network auto mode estimates costs with (default NOMINAL_NETWORK). */
  network?: Network;
}

/** API queries for the packages (one per package and applicable ecosystem string). */
export function apiQueries(packages: readonly Package[], os: OsInfo | undefined): OsvQuery[] {
  const out: OsvQuery[] = [];
  for (const p of packages) {
    const t = targetFor(p, os);
    if (!t) continue;
    for (const eco of t.queryEcosystems) out.push({ ecosystem: eco, name: t.name, version: t.version });
  }
  return out;
}

/** SHIPGATE_OSV_MODE (auto, database, api) when no mode is given. */
function modeFromEnv(env: NodeJS.ProcessEnv = process.env): VulnDbMode | undefined {
  const v = env.SHIPGATE_OSV_MODE?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'auto' || v === 'database' || v === 'api') return v;
  throw new ShipgateError('USAGE', `invalid SHIPGATE_OSV_MODE "${env.SHIPGATE_OSV_MODE}"`, {
    hint: 'use auto, database or api',
  });
}

/** SHIPGATE_OSV_MAX_AGE in hours (decimals allowed) when no maximum age is given. */
function maxAgeFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.SHIPGATE_OSV_MAX_AGE?.trim();
  if (!v) return undefined;
  const h = Number(v);
  if (!Number.isFinite(h) || h < 0)
    throw new ShipgateError('USAGE', `invalid SHIPGATE_OSV_MAX_AGE "${v}"`, {
      hint: 'give the age in hours, e.g. 24',
    });
  return h * 3_600_000;
}

/** What auto mode knows before downloading: packages per archive and the age of its cache. */
function needs(
  queries: readonly OsvQuery[],
  ecosystems: readonly string[],
  remote: RemoteDbOptions,
): EcosystemNeed[] {
  const keys = new Map<string, Set<string>>(ecosystems.map((e) => [e, new Set()]));
  for (const q of queries)
    keys.get(ecosystemBase(q.ecosystem))?.add(`${q.ecosystem}\u0000${q.name}\u0000${q.version}`);
  return ecosystems.map((e) => {
    const cachedAgeMs = cachedIndexAge(e, remote);
    return {
      ecosystem: e,
      packages: keys.get(e)!.size,
      ...(cachedAgeMs === undefined ? {} : { cachedAgeMs }),
    };
  });
}

/**
 * Whether auto mode may use the API: not when only a bucket mirror is configured (a mirror usually means
 * the public services are out of reach or not wanted), unless an API URL is configured as well.
 */
function apiAllowed(options: OpenVulnDbOptions, env: NodeJS.ProcessEnv = process.env): boolean {
  if (options.apiUrl ?? env.SHIPGATE_OSV_API_URL) return true;
  return !(options.baseUrl ?? env.SHIPGATE_OSV_URL);
}

export async function openVulnDatabase(
  packages: readonly Package[],
  os: OsInfo | undefined,
  options: OpenVulnDbOptions = {},
): Promise<VulnDatabase> {
  const ecosystems = neededEcosystems(packages, os);
  if (options.path) return loadLocalDatabase(options.path, ecosystems);
  const mode = options.mode ?? modeFromEnv() ?? 'auto';
  const maxAgeMs = options.maxAgeMs ?? maxAgeFromEnv();
  const remote: RemoteDbOptions = maxAgeMs === undefined ? options : { ...options, maxAgeMs };
  const queries = apiQueries(packages, os);
  const queriesFor = (ecos: readonly string[]): OsvQuery[] =>
    queries.filter((q) => ecos.includes(ecosystemBase(q.ecosystem)));
  const api = (qs: OsvQuery[] = queries): Promise<VulnDatabase> => {
    if (options.offline)
      throw new ShipgateError('USAGE', 'the OSV API mode needs network access but --offline was given');
    return loadApiDatabase(qs, options);
  };
  if (mode === 'api') return api();
  const archives = async (ecos: readonly string[]): Promise<VulnDatabase> => {
    try {
      return await loadRemoteDatabase(ecos, remote);
    } catch (e) {
      if (mode === 'database' || options.offline || !isShipgateError(e)) throw e;
      logger().warn(`OSV database unavailable (${e.message}); falling back to the OSV API`);
      return api(queriesFor(ecos));
    }
  };
  if (mode === 'database' || options.offline || !apiAllowed(options) || ecosystems.length === 0)
    return archives(ecosystems);

  const choices = chooseSources(needs(queries, ecosystems, remote), options.network);
  logger().info(describeChoices(choices));
  const viaApi = choices.filter((c) => c.source === 'api').map((c) => c.ecosystem);
  if (viaApi.length === 0) return archives(ecosystems);
  const viaArchive = ecosystems.filter((e) => !viaApi.includes(e));
  // Fail closed: when the API fails too, the archive download is the last resort and its error stands.
  const apiPart = async (): Promise<VulnDatabase> => {
    try {
      return await api(queriesFor(viaApi));
    } catch (e) {
      if (!isShipgateError(e)) throw e;
      logger().warn(
        `OSV API unavailable (${e.message}); downloading the ${viaApi.join(', ')} archives instead`,
      );
      return loadRemoteDatabase(viaApi, remote);
    }
  };
  const parts = await Promise.all([apiPart(), ...(viaArchive.length ? [archives(viaArchive)] : [])]);
  if (parts.length === 1) return parts[0]!;
  return new ComposedVulnDatabase(parts, parts.map((p) => p.source).join(' + '));
}
