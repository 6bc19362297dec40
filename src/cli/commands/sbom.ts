import { EXIT, ShipgateError } from '../../core/errors';
import { findRepoRoot } from '../../pipeline/paths';
import { runPipeline } from '../../pipeline/run';
import { SBOM_FORMATS, sbomKind } from '../../report/sbom-formats';
import { writeReports } from '../../report/write';
import { oneOf, str } from '../args';
import { helpSection, parseTableCommand } from '../option-table';
import { tuneForImages } from '../v8-tuning';

const HELP = `Usage: shipgate sbom IMAGE [--format cyclonedx|spdx] [--output FILE] [--platform P]

Writes the image's software bill of materials: OS and language packages with purls, licenses and the layer
each came from. IMAGE is docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME, dir:ROOTFS or a
registry reference.

Options:
${helpSection('sbom', 'Targets')}
  -f, --format FMT        cyclonedx (default) or spdx
${helpSection('sbom', 'Output')}
`;

export async function run(argv: string[]): Promise<number> {
  // --format is the SBOM's (the table's format is the report's: text, json, sarif).
  const p = parseTableCommand('sbom', argv, HELP, { format: { type: 'string', short: 'f' } });
  if (!p) return EXIT.OK;
  const [image, extra] = p.positionals;
  if (!image)
    throw new ShipgateError('USAGE', 'sbom: no image given', { hint: 'run "shipgate sbom --help"' });
  if (extra) throw new ShipgateError('USAGE', `sbom: unexpected argument "${extra}"`);
  tuneForImages();
  const format = oneOf(p, 'format', SBOM_FORMATS, 'cyclonedx');
  const platform = str(p, 'platform');
  const repoRoot = findRepoRoot();
  const result = await runPipeline({
    dockerfiles: [],
    image,
    repoRoot,
    scanners: [],
    ...(platform ? { platform } : {}),
  });
  const output = str(p, 'output');
  await writeReports(result, [{ format: sbomKind(format), ...(output ? { path: output } : {}) }], {
    repoRoot,
  });
  return EXIT.OK;
}
