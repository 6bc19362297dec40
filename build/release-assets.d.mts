/** SHA256SUMS text for the named files of dir, sorted by name. */
export function sha256sums(dir: string, names: string[]): string;

/** Writes the release assets into outDir (which must be empty or absent); returns their file names. */
export function releaseAssets(options: { root?: string; outDir: string }): Promise<string[]>;
