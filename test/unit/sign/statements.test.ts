/** Statements and predicates: the subject is the manifest digest, and each predicate has its documented shape. */
import { describe, expect, it } from 'vitest';
import { renderSbom } from '../../../src/report/sbom';
import { buildStatements, imageStatement } from '../../../src/sign/api';
import { approvalPredicate } from '../../../src/sign/predicates/approval';
import { slsaProvenance } from '../../../src/sign/predicates/slsa';
import { PREDICATE } from '../../../src/sign/types';
import { fullResult, imageOnlyResult } from '../../support/report-fixtures';
import {
  approvedScan,
  BASE_DIGEST,
  DIGEST,
  GITHUB_ENV,
  REPOSITORY,
  validateApproval,
  validateSlsa,
  validateStatement,
} from './helpers';

const IMAGE = { repository: REPOSITORY, digest: DIGEST };

describe('image statements', () => {
  it('name the repository and the sha256 manifest digest', () => {
    const s = imageStatement(IMAGE, PREDICATE.signature, {});
    expect(s).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: REPOSITORY, digest: { sha256: '1'.repeat(64) } }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: {},
    });
    expect(validateStatement(s)).toBe(true);
  });

  it.each([
    [`sha512:${'1'.repeat(128)}`],
    [`sha256:${'A'.repeat(64)}`],
    [`sha256:${'1'.repeat(63)}`],
    ['latest'],
  ])('refuse the digest %s', (digest) => {
    expect(() => imageStatement({ repository: REPOSITORY, digest }, PREDICATE.signature, {})).toThrow(
      expect.objectContaining({ code: 'SIGN', message: `"${digest}" is not a sha256 manifest digest` }),
    );
  });

  it.each([['ghcr.io/acme/app:1.0'], [`ghcr.io/acme/app@${DIGEST}`], ['app']])(
    'refuse the repository %s',
    (repository) => {
      expect(() => imageStatement({ repository, digest: DIGEST }, PREDICATE.signature, {})).toThrow(
        `"${repository}" is not host/repository without tag or digest`,
      );
    },
  );

  it('keep a registry port in the repository', () => {
    expect(
      imageStatement({ repository: 'localhost:5000/app', digest: DIGEST }, PREDICATE.signature, {})
        .subject[0]!.name,
    ).toBe('localhost:5000/app');
  });
});

describe('SLSA provenance', () => {
  it('describes a GitHub run as actions/toolkit does', () => {
    const provenance = slsaProvenance({ env: GITHUB_ENV, dockerfiles: approvedScan().dockerfiles });
    expect(provenance).toEqual({
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: {
            ref: 'refs/heads/main',
            repository: 'https://github.com/acme/app',
            path: '.github/workflows/release.yml',
          },
        },
        internalParameters: {
          github: {
            event_name: 'push',
            repository_id: '123456',
            repository_owner_id: '654321',
            runner_environment: 'github-hosted',
          },
        },
        resolvedDependencies: [
          { uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: 'a'.repeat(40) } },
          { uri: 'oci://docker.io/library/golang:1.23', digest: { sha256: BASE_DIGEST } },
        ],
      },
      runDetails: {
        builder: { id: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main' },
        metadata: { invocationId: 'https://github.com/acme/app/actions/runs/987/attempts/2' },
      },
    });
    expect(validateSlsa(provenance)).toBe(true);
  });

  it('names a reusable workflow as the builder when the ID token says so', () => {
    const provenance = slsaProvenance({
      env: GITHUB_ENV,
      jobWorkflowRef: 'acme/shared/.github/workflows/build.yml@refs/tags/v1',
    });
    expect(provenance.runDetails.builder.id).toBe(
      'https://github.com/acme/shared/.github/workflows/build.yml@refs/tags/v1',
    );
  });

  it('is refused outside CI unless a local one is asked for', () => {
    expect(() => slsaProvenance({ env: {} })).toThrow(
      expect.objectContaining({
        code: 'SIGN',
        message: 'provenance: not running in a GitHub Actions or GitLab CI job',
      }),
    );
    const local = slsaProvenance({
      env: {},
      local: true,
      dockerfiles: approvedScan().dockerfiles,
      finishedOn: new Date(0),
    });
    expect(local.buildDefinition.buildType).toBe('https://shipgate.dev/buildtypes/local/v1');
    expect(local.runDetails.metadata).toEqual({ finishedOn: '1970-01-01T00:00:00.000Z' });
    expect(validateSlsa(local)).toBe(true);
  });

  it('names a missing GitHub variable', () => {
    const env = { ...GITHUB_ENV };
    delete env.GITHUB_WORKFLOW_REF;
    expect(() => slsaProvenance({ env })).toThrow(
      'provenance: GITHUB_WORKFLOW_REF is not set in this GitHub Actions job',
    );
  });

  it('uses the tag ref of a GitLab tag pipeline', () => {
    const provenance = slsaProvenance({
      env: {
        GITLAB_CI: 'true',
        CI_SERVER_URL: 'https://gitlab.example.com',
        CI_PROJECT_PATH: 'grp/sub/app',
        CI_COMMIT_TAG: 'v1.2.0',
        CI_COMMIT_REF_NAME: 'v1.2.0',
        CI_COMMIT_SHA: 'D'.repeat(40),
        CI_JOB_URL: 'https://gitlab.example.com/grp/sub/app/-/jobs/1',
      },
    });
    expect(provenance.runDetails.builder.id).toBe(
      'https://gitlab.example.com/grp/sub/app//.gitlab-ci.yml@refs/tags/v1.2.0',
    );
    expect(provenance.buildDefinition.resolvedDependencies?.[0]).toEqual({
      uri: 'git+https://gitlab.example.com/grp/sub/app@refs/tags/v1.2.0',
      digest: { gitCommit: 'd'.repeat(40) },
    });
    expect(validateSlsa(provenance)).toBe(true);
  });
});

describe('CycloneDX, vulnerability and approval predicates', () => {
  it('the CycloneDX predicate is the BOM the SBOM report writes', () => {
    const result = imageOnlyResult();
    const written = renderSbom(result, 'cyclonedx');
    const [statement] = buildStatements({ image: IMAGE, result, predicates: ['cyclonedx'], sbom: written });
    expect(statement!.predicate).toEqual(JSON.parse(written));
    const [rendered] = buildStatements({ image: IMAGE, result, predicates: ['cyclonedx'] });
    const { serialNumber: _s, metadata: _m, ...rest } = JSON.parse(written) as Record<string, unknown>;
    expect(rendered!.predicate).toMatchObject({ ...rest, bomFormat: 'CycloneDX' });
    expect(() =>
      buildStatements({ image: IMAGE, result, predicates: ['cyclonedx'], sbom: renderSbom(result, 'spdx') }),
    ).toThrow('the SBOM to attest is not a CycloneDX JSON document');
  });

  it('the vulnerability predicate follows cosign’s vuln/v1 format', () => {
    const result = imageOnlyResult();
    const [statement] = buildStatements({
      image: IMAGE,
      result,
      predicates: ['vuln'],
      vulnDb: { uri: 'https://osv.dev', updatedAt: '2026-01-01T00:00:00Z' },
      env: GITHUB_ENV,
    });
    const vulns = result.findings.filter((f) => f.kind === 'vulnerability');
    expect(vulns.length).toBeGreaterThan(0);
    expect(statement!.predicate).toMatchObject({
      invocation: { uri: 'https://github.com/acme/app/actions/runs/987', event_id: '987' },
      scanner: {
        uri: 'https://github.com/shipgate/shipgate',
        db: { uri: 'https://osv.dev', version: '2026-01-01T00:00:00Z' },
        result: {
          vulnerabilities: expect.arrayContaining([
            expect.objectContaining({ id: vulns[0]!.vulnerability!.id }),
          ]),
        },
      },
      metadata: { scanStartedOn: result.startedAt, scanFinishedOn: result.finishedAt },
    });
  });

  it('the approval predicate states the decision and validates against its schema', () => {
    const approved = approvalPredicate({
      result: imageOnlyResult(),
      digest: DIGEST,
      force: true,
      now: new Date(0),
    });
    expect(approved).toMatchObject({
      image: { digest: DIGEST },
      approved: true,
      forced: false,
      policy: { source: 'built-in default' },
      scanner: { name: 'shipgate' },
      timestamp: '1970-01-01T00:00:00.000Z',
    });
    expect(validateApproval(approved), JSON.stringify(validateApproval.errors)).toBe(true);

    const refused = approvalPredicate({
      result: fullResult(),
      digest: DIGEST,
      force: true,
      policyFile: { path: 'shipgate.yaml', sha256: 'e'.repeat(64) },
      vulnDb: { uri: 'https://osv.dev', updatedAt: '2026-01-01T00:00:00Z' },
    });
    expect(refused).toMatchObject({
      approved: false,
      forced: true,
      policy: { source: 'shipgate.yaml', digest: { sha256: 'e'.repeat(64) } },
    });
    expect(refused.decision.blocking).toHaveLength(3);
    expect(refused.decision.nonBlocking).toEqual([{ code: 'ok', message: '5 findings suppressed' }]);
    expect(validateApproval(refused), JSON.stringify(validateApproval.errors)).toBe(true);

    expect(validateApproval({ ...approved, forced: true })).toBe(false);
    expect(validateApproval({ ...approved, policy: { source: 'shipgate.yaml' } })).toBe(false);
  });

  it('the approval predicate needs a decision and a sha256 policy digest', () => {
    const { decision: _unused, ...undecided } = imageOnlyResult();
    expect(() => approvalPredicate({ result: undecided, digest: DIGEST })).toThrow(
      'approval: the scan has no policy decision',
    );
    expect(() =>
      approvalPredicate({
        result: imageOnlyResult(),
        digest: DIGEST,
        policyFile: { path: 'p.yaml', sha256: 'xyz' },
      }),
    ).toThrow('approval: "xyz" is not a sha256 hex digest');
  });
});
