/**
 * Signer identities against real Fulcio SANs. Fulcio writes the SAN from templates in its identity config:
 * GitHub Actions `{{ .url }}/{{ .job_workflow_ref }}`, GitLab `https://{{ .ci_config_ref_uri }}`. Every regexp
 * is checked with JavaScript here (Go's regexp, RE2, in test/e2e/admission/identity-go.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  escapeRegExp,
  explicitIdentity,
  GITHUB_ISSUER,
  githubIdentity,
  gitlabIdentity,
} from '../../../src/admission/identity';
import { ShipgateError } from '../../../src/core/errors';
import { CASES, GH } from '../../support/signer-identities';

describe('signer identities', () => {
  it('GitHub: issuer and SAN as Fulcio issues them (https://github.com/{job_workflow_ref})', () => {
    const id = githubIdentity({ repository: 'acme/app', workflow: 'release.yml', ref: 'refs/heads/main' });
    expect(id.issuer).toBe(GITHUB_ISSUER);
    expect(id.issuer).toBe('https://token.actions.githubusercontent.com');
    expect(id.example).toBe(`${GH}@refs/heads/main`);
  });

  it('GitLab: the issuer is the server URL and the SAN is https://{ci_config_ref_uri}', () => {
    const id = gitlabIdentity({ project: 'acme/app', ref: 'refs/tags/v1' });
    expect(id.issuer).toBe('https://gitlab.com');
    expect(id.example).toBe('https://gitlab.com/acme/app//.gitlab-ci.yml@refs/tags/v1');
    expect(gitlabIdentity({ project: 'a/b', server: 'https://git.example.com/' }).issuer).toBe(
      'https://git.example.com',
    );
  });

  it('keeps the case given (SANs are compared case-sensitively)', () => {
    const id = githubIdentity({ repository: 'Acme/App', workflow: 'release.yml', ref: 'refs/heads/main' });
    expect(
      new RegExp(id.subjectRegExp!).test(
        `https://github.com/Acme/App/.github/workflows/release.yml@refs/heads/main`,
      ),
    ).toBe(true);
    expect(new RegExp(id.subjectRegExp!).test(`${GH}@refs/heads/main`)).toBe(false);
  });

  it('escapes every regexp metacharacter', () => {
    const literal = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(literal)}$`).test(literal)).toBe(true);
    expect(new RegExp(`^${escapeRegExp('a.b')}$`).test('aXb')).toBe(false);
  });

  for (const c of CASES)
    it(`${c.name}: anchored, accepts the real SAN, rejects near misses`, () => {
      const re = c.identity.subjectRegExp!;
      expect(re.startsWith('^') && re.endsWith('$')).toBe(true);
      const rx = new RegExp(re);
      for (const san of c.accept) expect(rx.test(san), san).toBe(true);
      for (const san of c.reject) expect(rx.test(san), san).toBe(false);
      if (c.identity.example !== undefined && c.accept.length === 1)
        expect(c.accept[0]).toBe(c.identity.example);
    });

  it('explicit identities must be anchored and valid', () => {
    const id = explicitIdentity({
      issuer: 'https://issuer.example',
      subjectRegExp: '^https://ci\\.example/x$',
    });
    expect(id).toEqual({ issuer: 'https://issuer.example', subjectRegExp: '^https://ci\\.example/x$' });
    expect(explicitIdentity({ issuer: 'https://issuer.example', subject: 'me@example.com' }).subject).toBe(
      'me@example.com',
    );
    for (const bad of [
      { issuer: 'https://i.example', subjectRegExp: 'https://ci\\.example/x' },
      { issuer: 'https://i.example', subjectRegExp: '^https://ci\\.example/x' },
      { issuer: 'https://i.example', subjectRegExp: '^x\\$' },
      { issuer: 'https://i.example', subjectRegExp: '^(x$' },
      { issuer: 'https://i.example' },
      { issuer: 'https://i.example', subject: 'a', subjectRegExp: '^a$' },
      { issuer: 'http://i.example', subject: 'a' },
      { issuer: 'not a url', subject: 'a' },
    ])
      expect(() => explicitIdentity(bad), JSON.stringify(bad)).toThrow(ShipgateError);
  });

  it('refuses malformed GitHub and GitLab inputs with USAGE errors', () => {
    const bad: (() => unknown)[] = [
      () => githubIdentity({ repository: 'acme' }),
      () => githubIdentity({ repository: 'acme/app/extra' }),
      () => githubIdentity({ repository: 'https://github.com/acme/app' }),
      () => githubIdentity({ repository: 'acme/app', workflow: '.github/workflows/sub/x.yml' }),
      () => githubIdentity({ repository: 'acme/app', workflow: 'release.sh' }),
      () => githubIdentity({ repository: 'acme/app', ref: 'main' }),
      () => githubIdentity({ repository: 'acme/app', ref: 'refs/heads/main', refPattern: 'refs/.*' }),
      () => githubIdentity({ repository: 'acme/app', refPattern: '^refs/heads/main$' }),
      () => githubIdentity({ repository: 'acme/app', refPattern: 'refs/(' }),
      () => gitlabIdentity({ project: 'app' }),
      () => gitlabIdentity({ project: 'acme/../app' }),
      () => gitlabIdentity({ project: 'acme/app', server: 'http://gitlab.example.com' }),
      () => gitlabIdentity({ project: 'acme/app', ciConfig: 'x.yml@other/project' }),
    ];
    for (const f of bad) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err, f.toString()).toBeInstanceOf(ShipgateError);
      expect((err as ShipgateError).code).toBe('USAGE');
      expect((err as ShipgateError).message).not.toContain('\n');
    }
  });
});
