/**
 * Runs once per test run, whatever tiers run: clears the skipped-suite log at the start and prints, at the
 * end, every suite that was skipped and why (never a silent skip). Provisioning is test/support/provision.ts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CACHE_DIR, SKIP_LOG, strict } from './tools';

export default function setup(): () => void {
  mkdirSync(CACHE_DIR, { recursive: true });
  rmSync(SKIP_LOG, { force: true });
  return () => {
    if (!existsSync(SKIP_LOG)) {
      process.stderr.write('\n[test summary] no suite was skipped\n');
      return;
    }
    const lines = [...new Set(readFileSync(SKIP_LOG, 'utf8').split('\n').filter(Boolean))];
    process.stderr.write(
      `\n[test summary] ${lines.length} suite(s) skipped${strict() ? ' (strict mode: failed)' : ''}:\n`,
    );
    for (const l of lines) process.stderr.write(`  - ${l}\n`);
  };
}
