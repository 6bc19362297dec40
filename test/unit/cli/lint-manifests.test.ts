/** `shipgate lint` on Kubernetes manifests: YAML arguments and folders are manifests, --manifests and --pss. */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as lint } from '../../../src/cli/commands/lint';
import { ShipgateError } from '../../../src/core/errors';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'manifests', 'shipgate');

async function json(argv: string[]): Promise<{ code: number; report: { findings: { ruleId: string }[] } }> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  const code = await lint([...argv, '--format', 'json']);
  vi.restoreAllMocks();
  return { code, report: JSON.parse(text) as { findings: { ruleId: string }[] } };
}

describe('shipgate lint on manifests', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes .yaml arguments as manifests and approves a hardened workload', async () => {
    const { code, report } = await json([join(FIXTURES, 'hardened.yaml'), '--pss', 'restricted']);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('refuses an insecure one, and --pss adds the Pod Security Standards controls', async () => {
    const plain = await json(['--manifests', join(FIXTURES, 'insecure-deployment.yaml')]);
    expect(plain.code).toBe(1);
    expect(plain.report.findings.some((f) => f.ruleId === 'SG-K8S-003')).toBe(true);
    expect(plain.report.findings.some((f) => f.ruleId.startsWith('SG-K8S-1'))).toBe(false);
    const pss = await json([FIXTURES, '--pss', 'baseline']);
    expect(pss.report.findings.some((f) => f.ruleId === 'SG-K8S-103')).toBe(true);
  });

  it('refuses an unknown --pss level', async () => {
    await expect(lint([FIXTURES, '--pss', 'strict'])).rejects.toSatisfy(
      (e: unknown) => e instanceof ShipgateError && e.code === 'USAGE' && e.message.includes('--pss'),
    );
  });
});
