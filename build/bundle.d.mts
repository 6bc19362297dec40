/** The checkout the build reads from. */
export const ROOT: string;

/** A bundled package as licenses.txt lists it. */
export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  texts: { file: string; text: string }[];
}

/** Builds the action and the CLI into outdir, replacing it. */
export function bundle(
  outdir: string,
): Promise<{ commit: string; inputs: string[]; packages: BundledPackage[] }>;
