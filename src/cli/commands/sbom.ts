import { EXIT, ShipgateError } from '../../core/errors';
import { logger } from '../../core/logger';
import { findRepoRoot } from '../../pipeline/paths';
import { runPipeline } from '../../pipeline/run';
import { oneOf, parse, str } from '../args';
import { writeFileSafe } from '../output';
import { renderSbom, SBOM_FORMATS } from '../sbom';

const HELP = `Usage: shipgate sbom IMAGE [--format cyclonedx|spdx] [--output FILE] [--platform P]

Writes the image's software bill of materials: OS and language packages with purls, licenses and the layer
each came from. IMAGE is docker-archive:FILE, oci-archive:FILE, oci:DIR[:TAG], docker:NAME, dir:ROOTFS or a
registry reference.
`;

export async function run(argv: string[]): Promise<number> {
  const p = parse('sbom', argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    platform: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (p.values.help) {
    process.stdout.write(HELP);
    return EXIT.OK;
  }
  const [image, extra] = p.positionals;
  if (!image)
    throw new ShipgateError('USAGE', 'sbom: no image given', { hint: 'run "shipgate sbom --help"' });
  if (extra) throw new ShipgateError('USAGE', `sbom: unexpected argument "${extra}"`);
  const format = oneOf(p, 'format', SBOM_FORMATS, 'cyclonedx');
  const platform = str(p, 'platform');
  const result = await runPipeline({
    dockerfiles: [],
    image,
    repoRoot: findRepoRoot(),
    scanners: [],
    ...(platform ? { platform } : {}),
  });
  const text = renderSbom(result, format);
  const output = str(p, 'output');
  if (output) {
    await writeFileSafe(output, text);
    logger().info(`wrote ${format} SBOM to ${output}`);
  } else process.stdout.write(text);
  return EXIT.OK;
}
