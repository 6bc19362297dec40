import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../../support/tools';
import { validateGitlabCi } from '../../../support/gitlab/ci-schema';
import { checkSpec, loadTemplate, render } from '../../../support/gitlab/render';
import { errorsOf } from '../../../support/gitlab/schemas';

const TEMPLATES = join(ROOT, 'templates');
const SCAN = join(TEMPLATES, 'scan.yml');

interface Job {
  stage: string;
  image: string;
  allow_failure: boolean;
  variables: Record<string, string>;
  cache: { key: string; paths: string[]; when: string }[];
  script: string[];
  artifacts: { when: string; paths: string[]; reports: Record<string, string> };
  rules: { if: string; when?: string }[];
}

/** Every component, laid out as the CI/CD catalog expects: templates/<name>.yml or templates/<name>/template.yml. */
function components(): string[] {
  return readdirSync(TEMPLATES, { withFileTypes: true }).map((e) =>
    e.isDirectory() ? join(TEMPLATES, e.name, 'template.yml') : join(TEMPLATES, e.name),
  );
}

describe('component templates', () => {
  it('follow the catalog layout', () => {
    const files = components();
    expect(files).toContain(SCAN);
    for (const f of files) expect(f).toMatch(/\.yml$/);
  });

  for (const file of components()) {
    describe(file.slice(ROOT.length + 1), () => {
      const t = loadTemplate(file);

      it('has a spec header that GitLab accepts', () => {
        const validate = validateGitlabCi();
        expect(validate(t.header), errorsOf(validate)).toBe(true);
        expect(checkSpec(t)).toEqual([]);
      });

      it('renders with the defaults into a configuration that validates against the .gitlab-ci.yml schema', () => {
        const validate = validateGitlabCi();
        const config = render(file);
        expect(validate(config), errorsOf(validate)).toBe(true);
        expect(JSON.stringify(config)).not.toContain('$[[');
      });
    });
  }
});

describe('scan component', () => {
  it('names the job from the prefix and keeps input types', () => {
    const config = render(SCAN, {
      'job-prefix': 'web',
      stage: 'security',
      image: '$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
      dockerfile: 'Dockerfile,docker/worker.Dockerfile',
      'fail-on': 'critical',
      'allow-failure': true,
      offline: true,
      version: '1.2.3',
    });
    const validate = validateGitlabCi();
    expect(validate(config), errorsOf(validate)).toBe(true);
    expect(Object.keys(config)).toEqual(['web-scan']);
    const job = config['web-scan'] as Job;
    expect(job.stage).toBe('security');
    expect(job.allow_failure).toBe(true); // a boolean, not the string "true"
    expect(job.variables.SHIPGATE_INPUT_IMAGE).toBe('$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA');
    // Inside a longer string a boolean becomes text (YAML variables must stay strings).
    expect(job.script.join('\n')).toContain('if [ "true" = true ]; then set -- "$@" --offline; fi');
    for (const v of Object.values(job.variables)) expect(typeof v).toBe('string');
    expect(job.variables.SHIPGATE_INPUT_VERSION).toBe('1.2.3');
    expect(job.variables.SHIPGATE_CACHE_DIR).toBe('$CI_PROJECT_DIR/.shipgate-cache');
    // The vulnerability data per scan job (refreshed in place), npm's cache per shipgate version.
    expect(job.cache).toEqual([
      { key: 'shipgate-osv-web', paths: ['.shipgate-cache/'], when: 'always' },
      { key: 'shipgate-npm-1.2.3', paths: ['.npm/'], when: 'always' },
    ]);
  });

  it('uploads every GitLab report and keeps the artifacts when the gate fails', () => {
    const job = render(SCAN)['shipgate-scan'] as Job;
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.paths).toEqual(['gl-reports/']);
    expect(job.artifacts.reports).toEqual({
      container_scanning: 'gl-reports/gl-container-scanning-report.json',
      codequality: 'gl-reports/gl-code-quality-report.json',
      cyclonedx: 'gl-reports/gl-sbom.cdx.json',
      dotenv: 'gl-reports/shipgate.env',
    });
    expect(job.image).toBe('node:24-slim');
    expect(job.allow_failure).toBe(false);
    expect(job.rules[0]).toMatchObject({ when: 'never' });
    expect(job.script.join('\n')).toContain('--gitlab-reports gl-reports');
  });

  it('refuses inputs GitLab would refuse', () => {
    expect(() => render(SCAN, { 'fail-on': 'severe' })).toThrow(/not in the list of allowed options/);
    expect(() => render(SCAN, { pss: 'strict' })).toThrow(/not in the list of allowed options/);
    expect(() => render(SCAN, { 'job-prefix': 'Bad Name' })).toThrow(/does not match required RegEx/);
    expect(() => render(SCAN, { version: 'latest' })).toThrow(/does not match required RegEx/);
    expect(() => render(SCAN, { platform: 'linux' })).toThrow(/does not match required RegEx/);
    expect(() => render(SCAN, { scanners: 'vuln,antivirus' })).toThrow(/does not match required RegEx/);
    expect(() => render(SCAN, { 'allow-failure': 'yes' })).toThrow(/not a boolean/);
    expect(() => render(SCAN, { policy: 'x' })).toThrow(/unknown input name provided/);
  });
});

describe('spec header checks', () => {
  it('catch what GitLab refuses in a header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipgate-spec-'));
    try {
      const file = join(dir, 'bad.yml');
      writeFileSync(
        file,
        [
          'spec:',
          '  inputs:',
          '    flag: { type: boolean, default: false, regex: "^t", description: a flag }',
          '    level: { default: severe, options: [low, high], description: a level }',
          '    unused: { default: x, description: never interpolated }',
          '    name: { default: a, regex: "/^a$/", description: slashes }',
          '---',
          'job-$[[ inputs.name ]]:',
          '  script: echo $[[ inputs.flag ]] $[[ inputs.level ]] $[[ inputs.missing ]]',
        ].join('\n'),
      );
      expect(checkSpec(loadTemplate(file))).toEqual([
        'unknown interpolation key: `missing`',
        'flag: regex is only allowed on string inputs',
        'level: default is not among the options',
        'unused: declared but never used',
        'name: regex must not be wrapped in slashes',
        'name: default does not match its regex',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('documentation and sample pipeline', () => {
  it('docs/gitlab.md lists every input of the scan component with its default', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'gitlab.md'), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `([a-z-]+)` +\| ([^|]+?) +\|/gm)].map((m) => [m[1]!, m[2]!.trim()] as const),
    );
    const inputs = loadTemplate(SCAN).header.spec.inputs;
    for (const [name, spec] of Object.entries(inputs)) {
      const d = spec?.default;
      expect(rows.get(name), name).toBe(d === '' ? '(empty)' : `\`${String(d)}\``);
    }
    expect([...rows.keys()].filter((k) => k in inputs).length).toBe(Object.keys(inputs).length);
  });

  it('examples/gitlab/.gitlab-ci.yml validates and includes the component with declared inputs only', () => {
    const config = parse(readFileSync(join(ROOT, 'examples', 'gitlab', '.gitlab-ci.yml'), 'utf8')) as {
      include: { component: string; inputs: Record<string, unknown> }[];
    };
    const validate = validateGitlabCi();
    expect(validate(config), errorsOf(validate)).toBe(true);
    const inc = config.include[0]!;
    expect(inc.component).toBe('$CI_SERVER_FQDN/$CI_PROJECT_PATH/scan@$CI_COMMIT_SHA');
    const job = render(SCAN, inc.inputs)['node-bad-scan'] as Job;
    expect(job.variables.SHIPGATE_INPUT_DOCKERFILE).toBe('examples/node-bad/Dockerfile');
  });
});
