import { ShipgateError } from '../core/errors';

/** The oldest Node.js major version shipgate runs on (package.json `engines`). */
const MIN_MAJOR = 22;

/**
 * Why this Node.js cannot run shipgate, or undefined when it can. An older Node fails on the first newer API
 * the bundle imports, with a stack trace that names none of this.
 */
export function nodeTooOld(version: string = process.version): ShipgateError | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (Number.isInteger(major) && major >= MIN_MAJOR) return undefined;
  return new ShipgateError(
    'USAGE',
    `shipgate needs Node.js ${MIN_MAJOR} or later; this is Node.js ${version}`,
    {
      hint: 'install Node.js 22 or 24, or use the action, which runs on node24',
    },
  );
}
