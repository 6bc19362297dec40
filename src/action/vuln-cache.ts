/**
 * The vulnerability data cache between workflow runs, through GitHub's cache service (@actions/cache). One
 * entry per ecosystem set and day; restore keys fall back to the same ecosystems on an earlier day, whose data
 * the loader then refreshes incrementally. Saved only when the folder changed, so a warm run uploads nothing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cache from '@actions/cache';
import { oneLine } from '../core/errors';
import { logger } from '../core/logger';
import type { VulnDataCache } from '../pipeline/types';

const PREFIX = 'shipgate-osv';

/** `shipgate-osv-<os>-<ecosystems hash>-` : the restore key, and the primary key without its day. */
export function cacheKeyPrefix(ecosystems: readonly string[], os: string): string {
  const set = [...new Set(ecosystems)].sort().join('\n');
  const hash = createHash('sha256').update(set).digest('hex').slice(0, 16);
  return `${PREFIX}-${os}-${hash}-`;
}

/** The primary key: the prefix and the UTC day. */
export function cacheKey(ecosystems: readonly string[], os: string, now: Date): string {
  return `${cacheKeyPrefix(ecosystems, os)}${now.toISOString().slice(0, 10)}`;
}

/** Every file under the folder with its size and modification time: what a save would upload. */
function folderManifest(dir: string): string {
  const lines: string[] = [];
  const walk = (d: string, rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const abs = join(d, name);
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(abs, `${rel}${name}/`);
      else if (st.isFile()) lines.push(`${rel}${name}\t${st.size}\t${st.mtimeMs}`);
    }
  };
  walk(dir, '');
  return lines.join('\n');
}

export interface ActionsVulnCacheOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

/** The pipeline's cache hook backed by @actions/cache; undefined when the runner offers no cache service. */
export function actionsVulnCache(options: ActionsVulnCacheOptions = {}): VulnDataCache | undefined {
  const env = options.env ?? process.env;
  const log = logger();
  if (!cache.isFeatureAvailable()) {
    log.debug(
      'no GitHub cache service in this job (ACTIONS_RESULTS_URL unset); vulnerability data not cached',
    );
    return undefined;
  }
  const os = env.RUNNER_OS ?? process.platform;
  let state: { dir: string; key: string; hit: boolean; before: string } | undefined;
  return {
    async restore(ecosystems, dir) {
      if (!ecosystems.length) return;
      const key = cacheKey(ecosystems, os, options.now?.() ?? new Date());
      // Set first: when the restore fails, freshly downloaded data is still saved.
      state = { dir, key, hit: false, before: folderManifest(dir) };
      const matched = await cache.restoreCache([dir], key, [cacheKeyPrefix(ecosystems, os)]);
      state = { dir, key, hit: matched === key, before: folderManifest(dir) };
      log.info(
        matched
          ? `vulnerability data restored from the cache (${matched})`
          : 'no cached vulnerability data for these ecosystems yet',
      );
    },
    async save() {
      if (!state) return;
      // An entry's key cannot be written twice: a same-day hit stays as it is until tomorrow's key.
      if (state.hit) return;
      if (folderManifest(state.dir) === state.before) {
        log.info('vulnerability data unchanged; cache not saved');
        return;
      }
      const id = await cache.saveCache([state.dir], state.key);
      // -1: not saved; the cache library has already said why (another job saving the same key is usual).
      if (id === -1) log.info(oneLine(`vulnerability data cache not saved (${state.key})`));
      else log.info(`vulnerability data saved to the cache (${state.key})`);
    },
  };
}
