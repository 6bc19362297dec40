/**
 * Signer identities against real Fulcio SANs. Fulcio writes the SAN from templates in its identity config:
 * GitHub Actions `{{ .url }}/{{ .job_workflow_ref }}`, GitLab `https://{{ .ci_config_ref_uri }}`. Every regexp
 * is checked with JavaScript here and with Go's regexp (RE2, what Kyverno and policy-controller use) below.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  escapeRegExp,
  explicitIdentity,
  GITHUB_ISSUER,
  githubIdentity,
  gitlabIdentity,
  type SignerIdentity,
} from '../../src/admission/identity';
import { ShipgateError } from '../../src/core/errors';
import { CACHE_DIR, describeWithTools } from '../support/tools';

interface Case {
  name: string;
  identity: SignerIdentity;
  accept: string[];
  reject: string[];
}

const GH = 'https://github.com/acme/app/.github/workflows/release.yml';

const CASES: Case[] = [
  {
    name: 'GitHub repository, workflow and branch',
    identity: githubIdentity({
      repository: 'acme/app',
      workflow: '.github/workflows/release.yml',
      ref: 'refs/heads/main',
    }),
    accept: [`${GH}@refs/heads/main`],
    reject: [
      'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/ap/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme-evil/app/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main',
      'https://github.com/acme/app/.github/workflows/release.yaml@refs/heads/main',
      `${GH}@refs/heads/dev`,
      `${GH}@refs/heads/main-evil`,
      `${GH}@refs/heads/main/x`,
      `${GH}@refs/tags/main`,
      `${GH}@refs/pull/1/merge`,
      'https://github.com/Acme/app/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/App/.github/workflows/release.yml@refs/heads/main',
      'https://githubXcom/acme/app/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/app/Xgithub/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/app/.github/workflows/releaseXyml@refs/heads/main',
      `x${GH}@refs/heads/main`,
      `${GH}@refs/heads/main\n`,
      `http://github.com/acme/app/.github/workflows/release.yml@refs/heads/main`,
    ],
  },
  {
    name: 'GitHub repository, any workflow, any branch or tag',
    identity: githubIdentity({ repository: 'acme/app' }),
    accept: [
      `${GH}@refs/heads/main`,
      `${GH}@refs/tags/v1.2.3`,
      'https://github.com/acme/app/.github/workflows/build.yaml@refs/heads/feature/x',
    ],
    reject: [
      `${GH}@refs/pull/7/merge`,
      'https://github.com/acme/app-evil/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/acme/app/.github/workflows/sub/release.yml@refs/heads/main',
      'https://github.com/acme/app/.github/workflows/@refs/heads/main',
      'https://github.com/ACME/APP/.github/workflows/release.yml@refs/heads/main',
    ],
  },
  {
    name: 'GitHub ref pattern with an alternation stays anchored',
    identity: githubIdentity({
      repository: 'acme/app',
      workflow: 'release.yml',
      refPattern: 'refs/heads/main|refs/tags/v[0-9]+(\\.[0-9]+)*',
    }),
    accept: [`${GH}@refs/heads/main`, `${GH}@refs/tags/v1.2.3`],
    reject: [
      `${GH}@refs/tags/v1.2.3-evil`,
      `${GH}@refs/heads/main2`,
      'https://github.com/evil/app/.github/workflows/release.yml@refs/tags/v1',
      'https://github.com/evil/app/.github/workflows/release.yml@refs/heads/main',
    ],
  },
  {
    name: 'GitLab.com project and branch (double slash before the CI config path)',
    identity: gitlabIdentity({ project: 'acme/app', ref: 'refs/heads/main' }),
    accept: ['https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main'],
    reject: [
      'https://gitlab.com/acme/app/.gitlab-ci.yml@refs/heads/main',
      'https://gitlab.com/acme/app-evil//.gitlab-ci.yml@refs/heads/main',
      'https://gitlab.com/acme/app/sub//.gitlab-ci.yml@refs/heads/main',
      'https://gitlab.com/Acme/app//.gitlab-ci.yml@refs/heads/main',
      'https://gitlabXcom/acme/app//.gitlab-ci.yml@refs/heads/main',
      'https://gitlab.com/acme/app//.gitlab-ciXyml@refs/heads/main',
      'https://gitlab.com/acme/app//other.yml@refs/heads/main',
      'https://gitlab.example.com/acme/app//.gitlab-ci.yml@refs/heads/main',
      'https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/dev',
      'https://gitlab.com/acme/app//.gitlab-ci.yml@refs/heads/main-x',
    ],
  },
  {
    name: 'self-managed GitLab, subgroup, custom CI config, any tag',
    identity: gitlabIdentity({
      project: 'platform/tools/app',
      server: 'https://git.example.com/',
      ciConfig: 'ci/release.yml',
      refPattern: 'refs/tags/.+',
    }),
    accept: ['https://git.example.com/platform/tools/app//ci/release.yml@refs/tags/v2.0.0'],
    reject: [
      'https://git.example.com/platform/tools/app//ci/release.yml@refs/heads/main',
      'https://git.example.com/platform/tools/app//.gitlab-ci.yml@refs/tags/v2.0.0',
      'https://gitlab.com/platform/tools/app//ci/release.yml@refs/tags/v2.0.0',
      'https://git.example.com/platform/tools/app2//ci/release.yml@refs/tags/v2.0.0',
    ],
  },
];

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

const GO_MATCHER = `package main

import (
	"encoding/json"
	"os"
	"regexp"
)

type item struct {
	Re string \`json:"re"\`
	S  string \`json:"s"\`
}

func main() {
	var items []item
	if err := json.NewDecoder(os.Stdin).Decode(&items); err != nil {
		panic(err)
	}
	out := make([]bool, len(items))
	for i, it := range items {
		out[i] = regexp.MustCompile(it.Re).MatchString(it.S)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`;

describeWithTools('signer identities under Go regexp (RE2)', ['go'], () => {
  it('every generated regexp compiles in Go and decides every SAN as JavaScript does', () => {
    const dir = join(CACHE_DIR, 'admission-go');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.go'), GO_MATCHER);
    const items = CASES.flatMap((c) =>
      [...c.accept, ...c.reject].map((s) => ({ re: c.identity.subjectRegExp!, s })),
    );
    const out = execFileSync('go', ['run', join(dir, 'main.go')], {
      input: JSON.stringify(items),
      encoding: 'utf8',
      env: { ...process.env, GOCACHE: join(dir, 'gocache'), GO111MODULE: 'off', GOFLAGS: '' },
      timeout: 180_000,
    });
    const goResults = JSON.parse(out) as boolean[];
    expect(goResults).toHaveLength(items.length);
    items.forEach((item, i) => {
      const accepted = CASES.some((c) => c.identity.subjectRegExp === item.re && c.accept.includes(item.s));
      expect(goResults[i], `${item.re} vs ${JSON.stringify(item.s)}`).toBe(accepted);
    });
  }, 200_000);
});
