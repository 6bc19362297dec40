/**
 * The analyzer registry is the one source of scanner names and rules: every front door accepts exactly the
 * registered scanners, and `shipgate rules` lists exactly the registered rules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInputs } from '../../../src/action/inputs';
import { ANALYZERS, SCANNERS, scannerPart } from '../../../src/analyzers/registry';
import { main } from '../../../src/cli/main';
import { isShipgateError } from '../../../src/core/errors';
import { dockerfileRules } from '../../../src/dockerfile/index';
import { manifestRules } from '../../../src/manifests/index';
import { EOL_RULE } from '../../../src/vuln/rules';
import { ROOT } from '../../support/tools';

/** What a CLI run prints on stdout, and its exit code. */
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await main(['-q', ...args]), stdout };
  } finally {
    process.stdout.write = write;
  }
}

describe('the registry', () => {
  it('names each analyzer once, and every scanner has analyzers', () => {
    const names = ANALYZERS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...SCANNERS]).toEqual(['vuln', 'secret', 'config', 'malware']);
  });

  it("each analyzer's rules are of its scanner's kind", async () => {
    for (const a of ANALYZERS) {
      const m = await a.load();
      expect(m.version, a.name).toBeGreaterThan(0);
      for (const r of m.rules) expect(r.kind, `${a.name} ${r.id}`).toBe(scannerPart(a.scanner));
    }
  });
});

describe('front doors accept exactly the registered scanners', () => {
  let work: string;
  let cwd: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'shipgate-registry-'));
    writeFileSync(join(work, 'Dockerfile'), 'FROM scratch\nCOPY app /app\n');
    cwd = process.cwd();
    process.chdir(work);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(work, { recursive: true, force: true });
  });

  it('action.yml documents them and the action reads exactly them', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string }>;
    };
    const listed = /comma-separated from ([a-z, ]+)\./.exec(action.inputs.scanners!.description)?.[1];
    expect(listed?.split(/,\s*/)).toEqual([...SCANNERS]);
    const env = (scanners: string) => ({ INPUT_DOCKERFILE: 'Dockerfile', INPUT_SCANNERS: scanners });
    expect(getInputs(env(SCANNERS.join(',')), work).scanners).toEqual([...SCANNERS]);
    for (const bad of ['sbom', 'vulns', 'secrets']) {
      let err: unknown;
      try {
        getInputs(env(bad), work);
      } catch (e) {
        err = e;
      }
      expect(isShipgateError(err) && err.message).toBe(`input scanners: unknown scanner "${bad}"`);
    }
  });

  it('the GitLab component accepts exactly them', () => {
    const [spec] = readFileSync(join(ROOT, 'templates', 'scan.yml'), 'utf8').split(/^---$/m);
    const input = (parse(spec!) as { spec: { inputs: Record<string, { default: string; regex: string }> } })
      .spec.inputs.scanners!;
    // Empty runs them all, as the action's and the CLI's default does.
    expect(input.default).toBe('');
    const re = new RegExp(input.regex);
    for (const s of SCANNERS) expect(re.test(s), s).toBe(true);
    expect(re.test(SCANNERS.join(','))).toBe(true);
    expect(re.test('')).toBe(true);
    for (const bad of ['sbom', 'vulns', 'secrets', 'vuln,', ',vuln']) expect(re.test(bad), bad).toBe(false);
    const alternatives = /\^\(([^)]*)\)/.exec(input.regex)?.[1]?.split('|');
    expect(alternatives).toEqual([...SCANNERS]);
  });

  it('the CLI accepts them and refuses anything else with exit 2', async () => {
    const help = await cli(['scan', '--help']);
    expect(help.stdout).toContain(`comma list of ${SCANNERS.join(', ')}; default all`);
    for (const s of SCANNERS)
      expect((await cli(['scan', '-d', 'Dockerfile', '--scanners', s])).code, s).not.toBe(2);
    for (const bad of ['sbom', 'vulns', 'secrets'])
      expect((await cli(['scan', '-d', 'Dockerfile', '--scanners', bad])).code, bad).toBe(2);
  });
});

describe('shipgate rules', () => {
  it('lists exactly the registered rules, each once', async () => {
    const modules = await Promise.all(ANALYZERS.map((a) => a.load()));
    const registered = [
      ...dockerfileRules(),
      ...manifestRules(),
      ...modules.flatMap((m) => m.rules),
      EOL_RULE,
    ].map((r) => r.id);
    const { code, stdout } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const listed = (JSON.parse(stdout) as { id: string }[]).map((r) => r.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...new Set(registered)].sort());
  });
});
