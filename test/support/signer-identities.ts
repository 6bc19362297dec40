/** Signer identities and the Fulcio SANs each must accept and reject (shared by the JavaScript and Go RE2 suites). */
import { githubIdentity, gitlabIdentity, type SignerIdentity } from '../../src/admission/identity';
export interface Case {
  name: string;
  identity: SignerIdentity;
  accept: string[];
  reject: string[];
}

export const GH = 'https://github.com/acme/app/.github/workflows/release.yml';

export const CASES: Case[] = [
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
