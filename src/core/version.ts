import pkg from '../../package.json' with { type: 'json' };

/** Replaced by the build (build/build.mjs) with the commit the bundle was built from; absent when run from source. */
declare const __SHIPGATE_COMMIT__: string | undefined;

export const VERSION: string = pkg.version;

/**
 * The last commit that changed the sources, package files or build script of this build (see CONTRIBUTING.md),
 * with `-dirty` when they had uncommitted changes; `unknown` outside a git checkout and when run from source.
 */
export const COMMIT: string = typeof __SHIPGATE_COMMIT__ === 'string' ? __SHIPGATE_COMMIT__ : 'unknown';
