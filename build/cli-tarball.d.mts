/** The archive's name without extension, `shipgate-<version>`. */
export function cliTarballName(version: string): string;

/** The reproducible gzipped tar of the standalone CLI made from the built distDir (default dist/). */
export function cliTarball(options?: { root?: string; distDir?: string }): Promise<Buffer>;
