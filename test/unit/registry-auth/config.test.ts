import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ShipgateError } from '../../../src/core/errors';
import { loadConfig, parseConfig, registryAuthJsonSchema } from '../../../src/registry-auth/config';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const BASE = `
service: registry.example.com
issuer: shipgate-registry-auth
key: keys/token.key
certificate: keys/token.crt
trustedIssuers:
  - name: github
    kind: github
    audience: registry.example.com
  - name: gitlab
    kind: gitlab
    url: https://gitlab.example.com/
    audience: registry.example.com
`;

const GITHUB_RULE = `
  - name: app-main
    repositories: [team/app]
    issuer: github
    claims:
      repository_id: 123456
      ref: refs/heads/main
      event_name: push
    actions: [push]
`;

function parse(text: string) {
  return parseConfig(text, 'registry-auth.yaml', '/etc/shipgate');
}

function failure(text: string): ShipgateError {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ShipgateError);
    expect((e as ShipgateError).message).not.toContain('\n');
    return e as ShipgateError;
  }
  throw new Error('expected the config to be refused');
}

describe('registry-auth config', () => {
  it('applies defaults, presets and resolves paths against the config directory', () => {
    const c = parse(`${BASE}rules:${GITHUB_RULE}`);
    expect(c.listen).toBe('127.0.0.1:5001');
    expect(c.tokenLifetime).toBe(300);
    expect(c.defaultPull).toBe('none');
    expect(c.catalog).toBe('none');
    expect(c.key).toBe('/etc/shipgate/keys/token.key');
    expect(c.certificate).toBe('/etc/shipgate/keys/token.crt');
    expect(c.trustedIssuers).toEqual([
      {
        name: 'github',
        kind: 'github',
        url: 'https://token.actions.githubusercontent.com',
        audience: 'registry.example.com',
      },
      { name: 'gitlab', kind: 'gitlab', url: 'https://gitlab.example.com', audience: 'registry.example.com' },
    ]);
    // Scalars become strings; push brings pull, which an upload needs too.
    expect(c.rules).toEqual([
      {
        name: 'app-main',
        repositories: ['team/app'],
        issuer: 'github',
        claims: { repository_id: ['123456'], ref: ['refs/heads/main'], event_name: ['push'] },
        actions: ['pull', 'push'],
      },
    ]);
  });

  it('names rules without a name by their position', () => {
    const c = parse(
      `${BASE}rules:\n  - repositories: [pub/**]\n    issuer: gitlab\n    claims: {}\n    actions: [pull]\n`,
    );
    expect(c.rules[0]!.name).toBe('rules[0]');
  });

  it.each([
    ['tokenLifetime: 30\n', /tokenLifetime: .*60/],
    ['listen: nowhere\n', /listen: expected host:port/],
    ['defaultPull: maybe\n', /defaultPull: /],
    ['extra: 1\n', /extra/],
  ])('refuses %j with the key path', (extra, message) => {
    expect(failure(`${BASE}${extra}`).message).toMatch(message);
  });

  it('refuses an unknown claim name with its path', () => {
    const e = failure(
      `${BASE}rules:${GITHUB_RULE.replace('event_name: push', 'event_name: push\n      reff: x')}`,
    );
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^registry-auth\.yaml: rules\[0\]\.claims: .*reff/);
  });

  it('refuses a missing required key', () => {
    expect(failure(BASE.replace('service: registry.example.com\n', '')).message).toMatch(/service: /);
  });

  it('refuses YAML errors with their position', () => {
    expect(failure(`${BASE}rules: [\n`).message).toMatch(/^registry-auth\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('refuses a rule naming an unknown issuer, and duplicate issuers', () => {
    expect(failure(`${BASE}rules:${GITHUB_RULE.replace('issuer: github', 'issuer: gitea')}`).message).toMatch(
      /rules\[0\]\.issuer: "gitea" is not a trusted issuer \(github, gitlab\)/,
    );
    expect(failure(BASE.replace('name: gitlab', 'name: github')).message).toMatch(/used twice/);
  });

  it('refuses an issuer URL that is not https', () => {
    expect(failure(BASE.replace('https://gitlab.example.com/', 'http://gitlab.example.com')).message).toMatch(
      /trustedIssuers\[1\]\.url: .*not an https URL/,
    );
  });

  describe('push rules pin what a job cannot choose', () => {
    it.each([
      ['repository_id: 123456\n      ', '', /must pin repository_id/],
      ['ref: refs/heads/main\n      ', '', /must pin ref to grant push/],
      ['event_name: push', 'runner_environment: github-hosted', /must pin event_name/],
      ['event_name: push', 'event_name: "*"', /must pin event_name to literal values/],
      ['event_name: push', 'event_name: [push, pull_request_target]', /pull_request_target/],
      ['event_name: push', 'event_name: workflow_run', /workflow_run/],
    ])('GitHub: without %j', (from, to, message) => {
      expect(failure(`${BASE}rules:${GITHUB_RULE.replace(from, to)}`).message).toMatch(message);
    });

    const gitlab = (claims: string) =>
      `${BASE}rules:\n  - repositories: [group/app]\n    issuer: gitlab\n    claims: {${claims}}\n    actions: [pull, push]\n`;

    it('GitLab: ref_protected must be "true"', () => {
      expect(failure(gitlab('project_id: 42, ref: main')).message).toMatch(/ref_protected: "true"/);
      expect(failure(gitlab('project_id: 42, ref: main, ref_protected: false')).message).toMatch(
        /ref_protected: "true"/,
      );
      expect(failure(gitlab('ref: main, ref_protected: true')).message).toMatch(/project_id/);
      expect(parse(gitlab('project_id: 42, ref: main, ref_protected: true')).rules[0]!.claims).toEqual({
        project_id: ['42'],
        ref: ['main'],
        ref_protected: ['true'],
      });
    });

    it('pull-only rules need no pins', () => {
      expect(
        parse(
          `${BASE}rules:\n  - repositories: [pub/*]\n    issuer: github\n    claims: {}\n    actions: [pull]\n`,
        ).rules,
      ).toHaveLength(1);
    });
  });

  describe('loadConfig', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipgate-rauth-config-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the file and resolves relative paths against its directory', () => {
      writeFileSync(join(dir, 'c.yaml'), BASE);
      expect(loadConfig(join(dir, 'c.yaml')).key).toBe(join(dir, 'keys/token.key'));
    });

    it('a missing file is NOT_FOUND', () => {
      const e = (() => {
        try {
          loadConfig(join(dir, 'none.yaml'));
        } catch (err) {
          return err as ShipgateError;
        }
      })();
      expect(e?.code).toBe('NOT_FOUND');
      expect(e?.message).toMatch(/cannot read the registry-auth config .*none\.yaml: ENOENT/);
    });
  });

  it('the committed schemas/registry-auth.schema.json is the generated one', () => {
    const file = join(ROOT, 'schemas', 'registry-auth.schema.json');
    const generated = registryAuthJsonSchema();
    if (process.env.SHIPGATE_UPDATE_DOCS === '1')
      writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(generated);
  });
});
