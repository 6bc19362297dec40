/** What goes into the bundle. */
export const BUILD_INPUTS: string[];

/** The last commit that changed BUILD_INPUTS (`-dirty` with uncommitted changes), or `unknown` outside git. */
export function sourceCommit(root: string): string;
