/** name@version of every package the licenses.txt index of a build lists. */
export function bundledPackages(licensesText: string): Set<string>;

/** The CycloneDX 1.6 JSON SBOM of shipgate; `bundled` marks the components built into dist/. */
export function shipgateSbom(options?: { root?: string; bundled?: Set<string> }): string;
