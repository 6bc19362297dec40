/** Manifest parsing: YAML streams, List kinds, Helm `# Source:` comments, positions, malformed input and bombs. */
import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { lintManifests, MAX_DOCUMENTS, parseManifests } from '../../../src/manifests/index';

function errorOf(fn: () => unknown): ShipgateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    return e as ShipgateError;
  }
  throw new Error('expected an error');
}

const POD = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: nginx:1.27${extra}
`;

describe('parseManifests', () => {
  it('reads every document of a stream and skips empty ones and ones without a kind', () => {
    const text = `---\n${POD('a')}---\n---\n# only a comment\n---\nfoo: bar\n---\n${POD('b')}`;
    const file = parseManifests(text, 'all.yaml');
    expect(file.objects.map((o) => [o.kind, o.name, o.document])).toEqual([
      ['Pod', 'a', 0],
      ['Pod', 'b', 4],
    ]);
    expect(file.pods).toHaveLength(2);
  });

  it('expands List kinds into their items', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web }
    spec:
      template:
        spec:
          containers: [{ name: web, image: web:1 }]
  - apiVersion: v1
    kind: Service
    metadata: { name: web }
`;
    const file = parseManifests(text, 'list.yaml');
    expect(file.objects.map((o) => [o.kind, o.name, o.item])).toEqual([
      ['Deployment', 'web', 0],
      ['Service', 'web', 1],
    ]);
    expect(file.pods.map((p) => p.specPath)).toEqual(['spec.template.spec']);
  });

  it('finds the pod spec of every workload kind, and init and ephemeral containers', () => {
    const workload = (kind: string, path: string[]) => {
      const indent = (n: number) => ' '.repeat(n);
      let body = '';
      path.forEach((k, i) => (body += `${indent(2 * i)}${k}:\n`));
      const d = 2 * path.length;
      body += `${indent(d)}spec:\n${indent(d + 2)}initContainers: [{ name: init, image: i:1 }]\n${indent(d + 2)}containers: [{ name: app, image: a:1 }]\n${indent(d + 2)}ephemeralContainers: [{ name: debug, image: d:1 }]\n`;
      return `apiVersion: v1\nkind: ${kind}\nmetadata: { name: x }\n${body}`;
    };
    const kinds: [string, string[]][] = [
      ['Deployment', ['spec', 'template']],
      ['StatefulSet', ['spec', 'template']],
      ['DaemonSet', ['spec', 'template']],
      ['ReplicaSet', ['spec', 'template']],
      ['ReplicationController', ['spec', 'template']],
      ['Job', ['spec', 'template']],
      ['CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
    ];
    for (const [kind, path] of kinds) {
      const file = parseManifests(workload(kind, path), `${kind}.yaml`);
      expect([kind, file.pods[0]?.containers.map((c) => `${c.field}/${c.name}`)]).toEqual([
        kind,
        ['initContainers/init', 'containers/app', 'ephemeralContainers/debug'],
      ]);
    }
    expect(parseManifests(POD('p'), 'pod.yaml').pods[0]?.specPath).toBe('spec');
    expect(parseManifests('kind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n', 'c.yaml').pods).toEqual([]);
  });

  it("names the Helm template each object came from (helm template's # Source: comments)", () => {
    const text = `---\n# Source: web/templates/serviceaccount.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n---\n# Source: web/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "nginx:latest"\n`;
    const file = parseManifests(text, '-');
    expect(file.objects.map((o) => o.source)).toEqual([
      'web/templates/serviceaccount.yaml',
      'web/templates/deployment.yaml',
    ]);
    const f = lintManifests({ path: '-', content: text }).findings.find((x) => x.ruleId === 'SG-K8S-025');
    expect(f?.message).toContain('(rendered from web/templates/deployment.yaml)');
    expect(f?.location).toMatchObject({
      path: '-',
      startLine: 18,
      startColumn: 11,
      endLine: 18,
      endColumn: 32,
    });
  });

  it('is an INPUT error naming the file and line for malformed YAML', () => {
    const e = errorOf(() =>
      parseManifests(`${POD('a')}---\nkind: Pod\nmetadata:\n  name: [unclosed\n`, 'bad.yaml'),
    );
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(/^bad\.yaml:1[0-9]: invalid YAML: /);
    expect(e.message).not.toContain('\n');
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('kind: Pod');
    const e = errorOf(() => parseManifests(lines.join('\n'), 'bomb.yaml'));
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(/^bomb\.yaml:1: YAML document rejected: /);
  });

  it('bounds the number of documents', () => {
    const e = errorOf(() => parseManifests('---\na: 1\n'.repeat(MAX_DOCUMENTS + 1), 'many.yaml'));
    expect(e.code).toBe('INPUT');
    expect(e.message).toContain(`more than ${MAX_DOCUMENTS} YAML documents`);
  });

  it('follows ordinary aliases when reading fields', () => {
    const ok = `x: &sc {runAsNonRoot: true}\nkind: Pod\nmetadata: {name: a}\nspec:\n  securityContext: *sc\n  containers: [{name: app, image: a:1}]\n`;
    const ids = lintManifests({ path: 'ok.yaml', content: ok }).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('SG-K8S-001');
  });

  it('gives an empty file and a comment-only file no objects', () => {
    expect(parseManifests('', 'e.yaml').objects).toEqual([]);
    expect(parseManifests('# nothing\n', 'c.yaml').objects).toEqual([]);
  });
});
