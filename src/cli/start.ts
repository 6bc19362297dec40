/** The CLI front door: commands that map flags onto the pipeline and the output stage. */
import { EXIT } from '../core/errors';
import { main } from './main';

// `shipgate rules | head`: when the reader goes away, stop quietly rather than fail on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.OK);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
