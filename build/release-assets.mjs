// The files attached to a GitHub release, written into one folder from the checkout and its built dist/:
//   shipgate-cli-<version>.tgz     the npm package, as `npm pack` makes it (what npm publish uploads)
//   shipgate-<version>.tar.gz      the standalone CLI (build/cli-tarball.mjs)
//   shipgate-<version>.cdx.json    a CycloneDX SBOM of shipgate itself (build/sbom.mjs)
//   SHA256SUMS                     `sha256sum -c` input for the three
// Every file is reproducible from the same commit, so a rebuild can be compared with the published assets.
//
//   node build/release-assets.mjs --output DIR
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './bundle.mjs';
import { cliTarball, cliTarballName } from './cli-tarball.mjs';
import { bundledPackages, shipgateSbom } from './sbom.mjs';

/** `npm pack` of the checkout into outDir; returns the tarball's file name. */
function npmPack(root, outDir) {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(out);
  return filename;
}

/** SHA256SUMS text for the files of dir, sorted by name. */
export function sha256sums(dir, names) {
  return names
    .slice()
    .sort()
    .map(
      (n) =>
        `${createHash('sha256')
          .update(readFileSync(join(dir, n)))
          .digest('hex')}  ${n}\n`,
    )
    .join('');
}

/** Writes the release assets into outDir; returns their file names (SHA256SUMS last). */
export async function releaseAssets({ root = ROOT, outDir }) {
  mkdirSync(outDir, { recursive: true });
  if (readdirSync(outDir).length) throw new Error(`${outDir} is not empty`);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const distDir = join(root, 'dist');
  const names = [npmPack(root, outDir)];
  const tarball = `${cliTarballName(version)}.tar.gz`;
  writeFileSync(join(outDir, tarball), await cliTarball({ root, distDir }));
  names.push(tarball);
  const sbom = `shipgate-${version}.cdx.json`;
  const bundled = bundledPackages(readFileSync(join(distDir, 'licenses.txt'), 'utf8'));
  writeFileSync(join(outDir, sbom), shipgateSbom({ root, bundled }));
  names.push(sbom);
  writeFileSync(join(outDir, 'SHA256SUMS'), sha256sums(outDir, names));
  return [...names, 'SHA256SUMS'];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { output: { type: 'string' } } });
  try {
    if (!values.output) throw new Error('--output DIR is required');
    const names = await releaseAssets({ outDir: resolve(values.output) });
    process.stdout.write(`${names.join('\n')}\n`);
  } catch (e) {
    process.stderr.write(`release-assets failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
