/**
 * The one option table against the front doors: action.yml and the GitLab component's spec are what the table
 * makes, the CLI parses exactly the table's flags, and the three front doors turn the same settings into the
 * same pipeline options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { staleFrontDoors } from '../../../build/front-doors.mjs';
import { getInputs, INPUT_NAMES, toPipelineOptions } from '../../../src/action/inputs';
import { SCANNERS } from '../../../src/analyzers/registry';
import { scanPipelineOptions } from '../../../src/cli/commands/scan';
import { parseTableCommand, tableSpec } from '../../../src/cli/option-table';
import {
  ATTEST_VALUES,
  commandOptions,
  defaultAt,
  FAIL_ON_VALUES,
  MALWARE_MODE_VALUES,
  nameAt,
  OPTIONS,
  optionsOf,
  PSS_VALUES,
  SBOM_FORMAT_VALUES,
  SCANNER_VALUES,
  type FrontDoor,
} from '../../../src/core/options';
import { parseSeverity } from '../../../src/core/severity';
import { DEFAULT_ATTESTATIONS } from '../../../src/pipeline/sign';
import { MALWARE_MODES, POLICY_FILE_NAMES } from '../../../src/policy/defaults';
import { SBOM_FORMATS } from '../../../src/report/sbom-formats';
import { ROOT } from '../../support/tools';
import { loadTemplate } from '../../support/gitlab/render';

const DOORS: FrontDoor[] = ['cli', 'action', 'gitlab'];

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
};
const gitlab = loadTemplate(join(ROOT, 'templates', 'scan.yml')).header.spec.inputs;
const policySchema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'shipgate.schema.json'), 'utf8')) as {
  properties: Record<string, { properties: Record<string, { enum: string[] }> }>;
};

describe('the option table', () => {
  it('writes action.yml and templates/scan.yml (else: npm run gen:front-doors)', async () => {
    const stale = await staleFrontDoors();
    expect(
      stale.map((s) => `${s.file} is out of date with src/core/options.ts: run npm run gen:front-doors`),
    ).toEqual([]);
  });

  it('has kebab-case names, unique at every front door (the CLI: in every command)', () => {
    expect(new Set(OPTIONS.map((o) => o.name)).size).toBe(OPTIONS.length);
    for (const door of DOORS) {
      const names = optionsOf(door).map((o) => nameAt(o, door));
      if (door !== 'cli') expect(new Set(names).size, door).toBe(names.length);
      for (const n of names) expect(n, door).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    }
    // A flag may mean different things in different commands (verify's --key is a public key, sign's a private one).
    const commands = new Set(OPTIONS.flatMap((o) => o.cli?.commands ?? []));
    for (const command of commands) {
      const flags = commandOptions(command).flatMap((o) => [nameAt(o, 'cli'), ...(o.cli!.aliases ?? [])]);
      expect(new Set(flags).size, command).toBe(flags.length);
    }
    for (const o of OPTIONS) for (const a of o.cli?.aliases ?? []) expect(nameAt(o, 'cli')).not.toBe(a);
  });

  it('says why wherever a front door lacks an option or names, defaults or offers it differently', () => {
    for (const o of OPTIONS) {
      const missing = DOORS.filter((d) => o[d] === undefined);
      const renamed = DOORS.filter((d) => nameAt(o, d) !== o.name);
      const redefaulted = (['action', 'gitlab'] as const).filter((d) => o[d]?.default !== undefined);
      const reoffered = o.gitlab?.options !== undefined;
      if (missing.length || renamed.length || redefaulted.length || reoffered)
        expect(o.differs?.length ?? 0, `${o.name}: differs`).toBeGreaterThan(20);
      expect(
        DOORS.some((d) => o[d] !== undefined),
        `${o.name} has a front door`,
      ).toBe(true);
    }
  });

  it('keeps enum defaults among the values, and every GitLab enum default among its options', () => {
    for (const o of OPTIONS.filter((x) => x.type === 'enum')) {
      expect(o.values?.length, o.name).toBeGreaterThan(1);
      if (o.default) expect(o.values, o.name).toContain(o.default);
      if (o.gitlab) expect(gitlab[nameAt(o, 'gitlab')]?.options, o.name).toContain(defaultAt(o, 'gitlab'));
    }
  });

  it('lists the values the code and the policy schema accept', () => {
    const schema = (section: string, key: string) => policySchema.properties[section]!.properties[key]!.enum;
    expect([...SCANNER_VALUES]).toEqual([...SCANNERS]);
    expect([...MALWARE_MODE_VALUES]).toEqual([...MALWARE_MODES]);
    expect([...MALWARE_MODE_VALUES]).toEqual(schema('malware', 'mode'));
    expect([...PSS_VALUES]).toEqual(schema('manifests', 'pss'));
    expect([...ATTEST_VALUES]).toEqual([...DEFAULT_ATTESTATIONS]);
    const sbom = OPTIONS.find((o) => o.name === 'sbom-format')!;
    expect([...SBOM_FORMAT_VALUES, ...Object.keys(sbom.valueAliases!)].sort()).toEqual(
      [...SBOM_FORMATS].sort(),
    );
    // The front doors and the policy file accept the same thresholds, info (any finding blocks) included.
    expect([...FAIL_ON_VALUES]).toEqual(schema('gate', 'fail-on'));
    for (const v of FAIL_ON_VALUES) expect(() => parseSeverity(v)).not.toThrow();
  });
});

describe('the front doors', () => {
  it('name the policy files the loader reads, at every front door', () => {
    const config = OPTIONS.find((o) => o.name === 'config')!;
    const texts = [config.description, config.gitlab?.description ?? config.description, config.cli!.help];
    for (const text of texts)
      for (const name of POLICY_FILE_NAMES) expect(text.replace(/`/g, ''), name).toContain(name);
  });

  it("GitLab's CS_* fallbacks are the variables the CLI reads in a GitLab job", () => {
    const src = readFileSync(join(ROOT, 'src', 'cli', 'gitlab-env.ts'), 'utf8');
    const read = new Set([...src.matchAll(/env\.(CS_[A-Z_]+)/g)].map((m) => m[1]!));
    const table = OPTIONS.flatMap((o) => (o.env ?? []).filter((e) => e.startsWith('CS_')));
    expect([...read].sort()).toEqual(table.sort());
  });

  it('action.yml declares the table’s action inputs with their defaults, and the action reads exactly those', () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
    for (const o of optionsOf('action'))
      expect(action.inputs[nameAt(o, 'action')]!.default, o.name).toBe(String(defaultAt(o, 'action')));
  });

  it('the GitLab component declares the table’s GitLab inputs with their defaults and types', () => {
    expect(Object.keys(gitlab)).toEqual(optionsOf('gitlab').map((o) => nameAt(o, 'gitlab')));
    for (const o of optionsOf('gitlab')) {
      const spec = gitlab[nameAt(o, 'gitlab')]!;
      expect(spec.default, o.name).toEqual(defaultAt(o, 'gitlab'));
      expect(spec.type ?? 'string', o.name).toBe(o.type === 'boolean' ? 'boolean' : 'string');
    }
  });

  it('the CLI parses exactly the table’s flags of the commands it drives', () => {
    for (const command of ['scan', 'sign', 'lint', 'push', 'attest', 'sign-blob'] as const) {
      const spec = tableSpec(command);
      const expected = commandOptions(command).flatMap((o) => [nameAt(o, 'cli'), ...(o.cli!.aliases ?? [])]);
      expect(Object.keys(spec).sort(), command).toEqual(expected.sort());
      for (const o of commandOptions(command)) {
        const s = spec[nameAt(o, 'cli')]!;
        expect(s.type, o.name).toBe(o.type === 'boolean' ? 'boolean' : 'string');
        expect(s.short, o.name).toBe(o.cli!.short);
      }
    }
  });

  it("the CLI takes trivy's spellings as aliases of its flags", () => {
    const p = parseTableCommand(
      'scan',
      ['--skip-db-update', '--ignorefile', 'a.trivyignore', '--trivyignores', 'b.trivyignore'],
      '',
    )!;
    expect(p.values).toEqual({ offline: true, ignorefile: ['a.trivyignore', 'b.trivyignore'] });
    expect(scanPipelineOptions(p, {}, '/ws')).toMatchObject({
      offline: true,
      ignoreFiles: ['a.trivyignore', 'b.trivyignore'],
    });
  });

  it("the action takes sbom-format's values and its first releases' spellings, and refuses others", () => {
    const env = (v: string) => ({ GITHUB_WORKSPACE: '/ws', INPUT_IMAGE: 'alpine:3', 'INPUT_SBOM-FORMAT': v });
    expect(getInputs(env('spdx')).sbomFormat).toBe('spdx');
    expect(getInputs(env('spdx-json')).sbomFormat).toBe('spdx');
    expect(getInputs(env('cyclonedx-json')).sbomFormat).toBe('cyclonedx');
    expect(getInputs(env('')).sbomFormat).toBe('cyclonedx');
    expect(() => getInputs(env('xml'))).toThrow(/^input sbom-format: invalid value "xml"$/);
  });

  it('share names: every option two front doors have goes by one name, or the table says why', () => {
    for (const o of OPTIONS) {
      const names = new Set(DOORS.filter((d) => o[d] !== undefined).map((d) => nameAt(o, d)));
      if (names.size > 1) expect(o.differs, o.name).toBeDefined();
    }
  });

  it('the CLI and the action make the same pipeline options from the same settings and from the defaults', () => {
    const ws = '/ws';
    const settings: [string, string][] = [
      ['dockerfile', `${ws}/Dockerfile`],
      ['manifests', `${ws}/k8s`],
      ['pss', 'restricted'],
      ['image', 'oci-archive:/ws/app.tar'],
      ['platform', 'linux/arm64'],
      ['context', `${ws}/src`],
      ['timeout', '1h'],
      ['config', `${ws}/ci/shipgate.yaml`],
      ['fail-on', 'critical'],
      ['scanners', 'vuln,secret'],
      ['severity', 'CRITICAL,HIGH'],
      ['trivyignores', `${ws}/.trivyignore.ci`],
      ['malware-mode', 'optional'],
      ['clamav-db', `${ws}/clamav`],
      ['vuln-db', `${ws}/osv.zip`],
      ['vex', `${ws}/vex.json`],
    ];
    const cliRun = (pairs: [string, string][], flags: string[] = []) =>
      scanPipelineOptions(
        parseTableCommand('scan', [...pairs.flatMap(([k, v]) => [`--${k}`, v]), ...flags], '')!,
        {},
        ws,
      );
    const actionRun = (pairs: [string, string][], bools: string[] = []) => {
      const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: ws };
      // The runner passes every input, with action.yml's default where the workflow sets none.
      for (const [name, input] of Object.entries(action.inputs))
        env[`INPUT_${name.toUpperCase()}`] = input.default;
      for (const [k, v] of pairs) env[`INPUT_${k.toUpperCase()}`] = v;
      for (const b of bools) env[`INPUT_${b.toUpperCase()}`] = 'true';
      return toPipelineOptions(getInputs(env));
    };
    expect(actionRun(settings, ['offline', 'ignore-unfixed'])).toEqual(
      cliRun(settings, ['--offline', '--ignore-unfixed']),
    );
    const bare: [string, string][] = [['dockerfile', `${ws}/Dockerfile`]];
    expect(actionRun(bare)).toEqual(cliRun(bare));
    expect(cliRun(bare).timeoutMs).toBe(15 * 60 * 1000);
  });
});
