import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/registry-auth/config';
import { claimMismatch, evaluateRules, patternMatch } from '../../../src/registry-auth/match';

describe('patterns', () => {
  it('are anchored, literal and case-sensitive', () => {
    expect(patternMatch('refs/heads/main', 'refs/heads/main')).toBe(true);
    expect(patternMatch('refs/heads/main', 'refs/heads/main2')).toBe(false);
    expect(patternMatch('refs/heads/main', 'xrefs/heads/main')).toBe(false);
    expect(patternMatch('refs/heads/main', 'refs/heads/Main')).toBe(false);
    expect(patternMatch('a.b', 'axb')).toBe(false);
    expect(patternMatch('(x)+', '(x)+')).toBe(true);
  });

  it('`*` stays within a segment, `**` crosses segments', () => {
    expect(patternMatch('refs/heads/release/*', 'refs/heads/release/1.2')).toBe(true);
    expect(patternMatch('refs/heads/release/*', 'refs/heads/release/1/evil')).toBe(false);
    expect(patternMatch('refs/heads/release/*', 'refs/heads/releases')).toBe(false);
    expect(patternMatch('team/**', 'team/a/b/c')).toBe(true);
    expect(patternMatch('team/**', 'teams/a')).toBe(false);
    expect(patternMatch('team/*', 'team/a/b')).toBe(false);
    expect(patternMatch('refs/tags/v*', 'refs/tags/v1.0.0')).toBe(true);
  });
});

const GITHUB: Rule = {
  name: 'app-main',
  repositories: ['team/app', 'team/app/*'],
  issuer: 'github',
  claims: {
    repository_id: ['123'],
    repository_owner_id: ['9'],
    ref: ['refs/heads/main', 'refs/tags/v*'],
    event_name: ['push'],
    workflow_ref: ['team/app/.github/workflows/release.yml@refs/heads/main'],
    job_workflow_ref: ['team/app/.github/workflows/release.yml@refs/heads/main'],
    environment: ['production'],
    runner_environment: ['github-hosted'],
  },
  actions: ['pull', 'push'],
};

const GITHUB_CLAIMS = {
  sub: 'repo:team/app:environment:production',
  repository: 'team/app',
  repository_id: '123',
  repository_owner_id: '9',
  ref: 'refs/heads/main',
  event_name: 'push',
  workflow_ref: 'team/app/.github/workflows/release.yml@refs/heads/main',
  job_workflow_ref: 'team/app/.github/workflows/release.yml@refs/heads/main',
  environment: 'production',
  runner_environment: 'github-hosted',
};

const GITLAB: Rule = {
  name: 'gitlab-app',
  repositories: ['group/app'],
  issuer: 'gitlab',
  claims: {
    project_id: ['42'],
    project_path: ['group/app'],
    ref_path: ['refs/heads/main'],
    ref_type: ['branch'],
    ref_protected: ['true'],
    ci_config_ref_uri: ['gitlab.example.com/group/app//.gitlab-ci.yml@refs/heads/main'],
    pipeline_source: ['push'],
    environment_protected: ['true'],
  },
  actions: ['pull', 'push'],
};

const GITLAB_CLAIMS = {
  project_id: '42',
  project_path: 'group/app',
  ref: 'main',
  ref_path: 'refs/heads/main',
  ref_type: 'branch',
  ref_protected: 'true',
  ci_config_ref_uri: 'gitlab.example.com/group/app//.gitlab-ci.yml@refs/heads/main',
  pipeline_source: 'push',
  environment_protected: 'true',
};

describe('rules', () => {
  it('match when every claim matches', () => {
    expect(claimMismatch(GITHUB, GITHUB_CLAIMS)).toBeUndefined();
    expect(claimMismatch(GITHUB, { ...GITHUB_CLAIMS, ref: 'refs/tags/v2.1' })).toBeUndefined();
    expect(claimMismatch(GITLAB, GITLAB_CLAIMS)).toBeUndefined();
  });

  it.each(Object.keys(GITHUB.claims))('GitHub: a different %s does not match', (claim) => {
    expect(claimMismatch(GITHUB, { ...GITHUB_CLAIMS, [claim]: 'other' })).toBe(`${claim} is "other"`);
    expect(claimMismatch(GITHUB, { ...GITHUB_CLAIMS, [claim]: undefined })).toBe(`${claim} is missing`);
  });

  it.each(Object.keys(GITLAB.claims))('GitLab: a different %s does not match', (claim) => {
    expect(claimMismatch(GITLAB, { ...GITLAB_CLAIMS, [claim]: 'false' })).toBe(`${claim} is "false"`);
  });

  it('compares numbers and booleans as strings, and never objects', () => {
    expect(claimMismatch(GITLAB, { ...GITLAB_CLAIMS, project_id: 42, ref_protected: true })).toBeUndefined();
    expect(claimMismatch(GITLAB, { ...GITLAB_CLAIMS, project_id: ['42'] })).toBe('project_id is missing');
  });

  it('evaluate per issuer and repository, and say why a rule missed', () => {
    const rules = [GITHUB, GITLAB];
    expect(evaluateRules(rules, 'github', GITHUB_CLAIMS, 'team/app/sub')).toEqual({
      actions: new Set(['pull', 'push']),
      matched: ['app-main'],
      missed: [],
    });
    expect(
      evaluateRules(rules, 'github', { ...GITHUB_CLAIMS, event_name: 'pull_request_target' }, 'team/app'),
    ).toEqual({
      actions: new Set(),
      matched: [],
      missed: ['app-main: event_name is "pull_request_target"'],
    });
    // Another repository, or the other issuer's token: no rule applies.
    expect(evaluateRules(rules, 'github', GITHUB_CLAIMS, 'team/other').matched).toEqual([]);
    expect(evaluateRules(rules, 'gitlab', GITHUB_CLAIMS, 'team/app').missed).toEqual([]);
  });
});
