/** `shipgate lint` offers only what a Dockerfile lint uses: no image-only flags in its help or its parser. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as lint } from '../../../src/cli/commands/lint';
import { run as scan } from '../../../src/cli/commands/scan';
import { ShipgateError } from '../../../src/core/errors';

async function help(run: (argv: string[]) => Promise<number>): Promise<string> {
  let text = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    expect(await run(['--help'])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return text;
}

describe('lint --help', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists no image-only flag, which scan --help does list', async () => {
    const lintHelp = await help(lint);
    const scanHelp = await help(scan);
    for (const flag of ['--list-packages', '--sbom', '--image', '--platform', '--vuln-db', '--malware-mode'])
      expect([flag, lintHelp.includes(flag)]).toEqual([flag, false]);
    for (const flag of ['--list-packages', '--sbom', '--image', '--platform'])
      expect([flag, scanHelp.includes(flag)]).toEqual([flag, true]);
    for (const flag of ['--config', '--fail-on', '--sarif', '--json', '--format'])
      expect([flag, lintHelp.includes(flag)]).toEqual([flag, true]);
  });

  it('refuses an image-only flag with a usage error', async () => {
    await expect(lint(['--list-packages', 'Dockerfile'])).rejects.toSatisfy(
      (e: unknown) => e instanceof ShipgateError && e.code === 'USAGE' && e.message.includes('list-packages'),
    );
  });
});
