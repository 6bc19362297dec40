import { scanCommand } from './scan';

export function run(argv: string[]): Promise<number> {
  return scanCommand('sign', argv);
}
