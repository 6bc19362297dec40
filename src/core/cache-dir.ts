import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder of shipgate's cache: SHIPGATE_CACHE_DIR/<name>, else $XDG_CACHE_HOME/shipgate/<name>, else
 * ~/.cache/shipgate/<name>.
 */
export function shipgateCacheDir(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHIPGATE_CACHE_DIR) return join(env.SHIPGATE_CACHE_DIR, name);
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'shipgate', name);
  return join(homedir(), '.cache', 'shipgate', name);
}
