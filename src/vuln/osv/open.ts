/**
 * Picks where vulnerability data comes from:
 * - `--vuln-db DIR|ZIP`: local OSV files, no network;
 * - database mode (default): the cached per-ecosystem index, refreshed from the bucket when stale;
 * - API mode: the OSV API, used when the database cannot be had (or when forced).
 */
import type { OsInfo, Package } from '../../core/package';
import { ShipgateError, isShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { neededEcosystems, targetFor } from '../ecosystem';
import { loadApiDatabase, type ApiOptions, type OsvQuery } from './api';
import type { VulnDatabase } from './db';
import { loadLocalDatabase } from './local';
import { loadRemoteDatabase, type RemoteDbOptions } from './remote';

export type VulnDbMode = 'auto' | 'database' | 'api';

export interface OpenVulnDbOptions extends RemoteDbOptions, Omit<ApiOptions, 'http'> {
  mode?: VulnDbMode;
  /** A directory or zip of OSV JSON files; wins over everything else. */
  path?: string;
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
  const api = (): Promise<VulnDatabase> => {
    if (options.offline)
      throw new ShipgateError('USAGE', 'the OSV API mode needs network access but --offline was given');
    return loadApiDatabase(apiQueries(packages, os), options);
  };
  if (mode === 'api') return api();
  try {
    return await loadRemoteDatabase(ecosystems, remote);
  } catch (e) {
    if (mode === 'database' || options.offline || !isShipgateError(e)) throw e;
    logger().warn(`OSV database unavailable (${e.message}); falling back to the OSV API`);
    return api();
  }
}
