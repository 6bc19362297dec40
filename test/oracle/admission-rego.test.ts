/**
 * Oracle: the Rego of the generated Gatekeeper templates, compiled and evaluated by a real OPA, decides
 * every manifest as shipgate's own rules do. OPA is the one built into Trivy (the same binary the manifest
 * oracle uses); Trivy runs a custom check that evaluates each template's `violation` rule with Gatekeeper's
 * input shape (`review.object`, `parameters`) for every object of the fixtures. The objects are handed over
 * as data, not as Trivy's own input, which Trivy decorates with metadata fields of its own.
 *
 * The oracle is shipgate's manifest linter on the same object: for each PSS level the set of SG-K8S-1NN
 * controls it reports, and for each allow-list whether SG-K8S-026 reports, must equal what the Rego denies.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ALLOWED_REGISTRIES_REGO, gatekeeperObjects, POD_SECURITY_REGO } from '../../src/admission/index';
import { lintManifests, parseManifests } from '../../src/manifests/index';
import type { ManifestLintOptions } from '../../src/manifests/index';
import { CACHE_DIR, describeWith } from '../support/tools';
import { TRIVY_UNMET, trivyBinary } from '../support/trivy';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SOURCES = [join(FIXTURES, 'manifests'), join(FIXTURES, 'admission')];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(n) ? [p] : [];
    });
}

/** Every object of the fixtures as plain data, keyed `file#document[.item]`. */
function objects(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const dir of SOURCES)
    for (const file of yamlFiles(dir)) {
      const parsed = parseManifests(readFileSync(file, 'utf8'), file);
      for (const o of parsed.objects)
        out.set(
          `${file.slice(FIXTURES.length + 1)}#${o.document}${o.item === undefined ? '' : `.${o.item}`}`,
          o.node.toJS(o.doc),
        );
    }
  return out;
}

interface Parameters {
  id: string;
  template: 'pss' | 'registries';
  lint: ManifestLintOptions;
  parameters: Record<string, unknown>;
}

const REGISTRY_LISTS = [
  ['ghcr.io/acme', '*.dkr.ecr.*.amazonaws.com', 'docker.io/library'],
  ['docker.io', 'quay.io/acme/app', 'localhost:5000'],
  ['registry.k8s.io', 'mcr.microsoft.com/windows/*'],
];

function parameterSets(): Parameters[] {
  const out: Parameters[] = [];
  for (const level of ['baseline', 'restricted'] as const) {
    const constraint = gatekeeperObjects({
      name: 'shipgate',
      pss: level,
      pssVersion: 'latest',
      mode: 'enforce',
      excludeNamespaces: [],
    })[1] as unknown as { spec: { parameters: Record<string, unknown> } };
    out.push({ id: level, template: 'pss', lint: { pss: level }, parameters: constraint.spec.parameters });
  }
  REGISTRY_LISTS.forEach((registries, i) => {
    const constraint = gatekeeperObjects({
      name: 'shipgate',
      pssVersion: 'latest',
      registries,
      mode: 'enforce',
      excludeNamespaces: [],
    })[1] as unknown as { spec: { parameters: Record<string, unknown> } };
    out.push({
      id: `registries-${i}`,
      template: 'registries',
      lint: { allowedRegistries: registries },
      parameters: constraint.spec.parameters,
    });
  });
  return out;
}

const WRAPPER = `# METADATA
# title: shipgate Gatekeeper templates
# custom:
#   id: SGREGO
#   avd_id: SGREGO
#   severity: HIGH
#   input:
#     selector:
#     - type: kubernetes
package user.shipgate.gatekeeper

import future.keywords.contains
import future.keywords.if
import future.keywords.in

deny contains res if {
	some set in data.shipgate_oracle.parameters
	set.template == "pss"
	some key, object in data.shipgate_oracle.objects
	found := data.shipgatepodsecurity.violation with input as {"review": {"object": object}, "parameters": set.parameters}
	some v in found
	res := result.new(sprintf("%v|%v|%v", [set.id, key, v.details.rule]), {})
}

deny contains res if {
	some set in data.shipgate_oracle.parameters
	set.template == "registries"
	some key, object in data.shipgate_oracle.objects
	found := data.shipgateallowedregistries.violation with input as {"review": {"object": object}, "parameters": set.parameters}
	some v in found
	res := result.new(sprintf("%v|%v|%v", [set.id, key, v.details.rule]), {})
}
`;

describeWith('Gatekeeper Rego on a real OPA (Trivy) against shipgate manifest rules', TRIVY_UNMET, () => {
  const all = objects();
  const sets = parameterSets();
  const work = mkdtempSync(join(tmpdirIn(), 'admission-rego-'));
  const denied = new Set<string>();
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    for (const d of ['checks', 'data', 'input']) mkdirSync(join(work, d));
    writeFileSync(join(work, 'checks', 'pod-security.rego'), POD_SECURITY_REGO);
    writeFileSync(join(work, 'checks', 'allowed-registries.rego'), ALLOWED_REGISTRIES_REGO);
    writeFileSync(join(work, 'checks', 'wrapper.rego'), WRAPPER);
    writeFileSync(
      join(work, 'data', 'oracle.json'),
      JSON.stringify({
        shipgate_oracle: {
          objects: Object.fromEntries(all),
          parameters: sets.map(({ id, template, parameters }) => ({ id, template, parameters })),
        },
      }),
    );
    writeFileSync(
      join(work, 'input', 'trigger.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: trigger }\n',
    );
    const out = join(work, 'report.json');
    execFileSync(
      await trivyBinary(),
      [
        'config',
        '--format',
        'json',
        '--quiet',
        '--skip-policy-update',
        '--cache-dir',
        join(CACHE_DIR, 'trivy-cache'),
        '--config-policy',
        join(work, 'checks'),
        '--config-data',
        join(work, 'data'),
        '--policy-namespaces',
        'user',
        '--output',
        out,
        join(work, 'input'),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      Results?: { Misconfigurations?: { ID: string; Message: string; Status?: string }[] }[];
    };
    for (const r of report.Results ?? [])
      for (const m of r.Misconfigurations ?? [])
        if (m.ID === 'SGREGO' && m.Status === 'FAIL') denied.add(m.Message);
  }, 400_000);

  it('the fixtures hold objects of every workload kind and the Rego denies some of them', () => {
    expect(all.size).toBeGreaterThan(25);
    // Trivy skips a check whose Rego does not compile without a word: no denial at all would hide that.
    expect(denied.size).toBeGreaterThan(50);
  });

  for (const set of sets)
    it(`${set.id}: the Rego denies exactly what shipgate reports, object by object`, () => {
      const prefix = set.template === 'pss' ? 'SG-K8S-1' : 'SG-K8S-026';
      let compared = 0;
      let deniedObjects = 0;
      for (const [key, object] of all) {
        const { findings } = lintManifests(
          { path: key, content: stringify(object) },
          { ...set.lint, inlinePragmas: false },
        );
        const want = [...new Set(findings.map((f) => f.ruleId).filter((id) => id.startsWith(prefix)))].sort();
        const got = [...denied]
          .filter((m) => m.startsWith(`${set.id}|${key}|`))
          .map((m) => m.split('|')[2]!)
          .sort();
        expect([...new Set(got)], `${set.id} ${key}`).toEqual(want);
        compared++;
        if (want.length > 0) deniedObjects++;
      }
      expect(compared).toBe(all.size);
      expect(deniedObjects).toBeGreaterThan(0);
      expect(deniedObjects).toBeLessThan(all.size);
    });
});

function tmpdirIn(): string {
  const dir = join(CACHE_DIR, 'tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}
