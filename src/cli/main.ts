import { EXIT, formatError, toShipgateError } from '../core/errors';
import { VERSION } from '../core/version';

export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      process.stdout.write(`shipgate ${VERSION}\n`);
      return EXIT.OK;
    }
    process.stdout.write('usage: shipgate <command>\n');
    return EXIT.OK;
  } catch (e) {
    const err = toShipgateError(e);
    process.stderr.write(`${formatError(err)}\n`);
    return err.exitCode;
  }
}
