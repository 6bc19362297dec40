// The commit a build records. It is the last commit that changed what goes into the bundle (the sources, the
// package files, the build scripts), not HEAD: committing the built dist/ on its own makes a new HEAD but leaves
// this commit unchanged, so rebuilding from the commit that holds dist/ reproduces dist/ byte for byte.
import { execFileSync } from 'node:child_process';

/**
 * What goes into the bundle: the sources, the package files and the scripts the build runs (build.mjs and what it
 * imports). A change to anything else (docs, tests, other build scripts, dist/) does not change the recorded commit.
 */
export const BUILD_INPUTS = [
  'src',
  'build/build.mjs',
  'build/bundle.mjs',
  'build/commit.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

function git(root, args) {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/**
 * The full hash of the last commit that changed BUILD_INPUTS, with `-dirty` when they have uncommitted
 * changes; `unknown` outside a git checkout or before the first commit. A shallow clone cannot tell which commit that is, so it is refused.
 */
export function sourceCommit(root) {
  try {
    git(root, ['rev-parse', '--verify', 'HEAD']);
  } catch {
    return 'unknown'; // not a git checkout, or no commit yet
  }
  if (git(root, ['rev-parse', '--is-shallow-repository']) === 'true')
    throw new Error(
      'cannot tell the commit of the sources in a shallow clone: run "git fetch --unshallow" (in CI, check out with fetch-depth: 0)',
    );
  const commit = git(root, ['log', '-1', '--format=%H', '--', ...BUILD_INPUTS]);
  if (!commit) return 'unknown';
  const dirty = git(root, ['status', '--porcelain', '--', ...BUILD_INPUTS]) !== '';
  return dirty ? `${commit}-dirty` : commit;
}

/**
 * The time reproducible release files carry: SOURCE_DATE_EPOCH when set, else the committer time of the source
 * commit (so rebuilding the same sources gives the same bytes), else the Unix epoch outside git.
 */
export function sourceDate(root) {
  const env = process.env.SOURCE_DATE_EPOCH;
  if (env !== undefined && env !== '') {
    if (!/^\d+$/.test(env)) throw new Error(`SOURCE_DATE_EPOCH must be a number of seconds, got "${env}"`);
    return new Date(Number(env) * 1000);
  }
  const commit = sourceCommit(root).replace(/-dirty$/, '');
  if (commit === 'unknown') return new Date(0);
  return new Date(Number(git(root, ['show', '-s', '--format=%ct', commit])) * 1000);
}
