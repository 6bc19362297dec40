/** What goes into the bundle. */
export const BUILD_INPUTS: string[];

/** The last commit that changed BUILD_INPUTS (`-dirty` with uncommitted changes), or `unknown` outside git. */
export function sourceCommit(root: string): string;

/** SOURCE_DATE_EPOCH, else the committer time of the source commit, else the Unix epoch. */
export function sourceDate(root: string): Date;
