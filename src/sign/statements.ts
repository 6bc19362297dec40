/** The statements shipgate signs for a scanned image, built from the scan result and the CI run. */
import type { ScanResult } from '../core/result';
import { approvalPredicate, type ApprovalInput } from './predicates/approval';
import { cyclonedxPredicate } from './predicates/cyclonedx';
import type { VulnDbInfo } from './predicates/scan-facts';
import { signaturePredicate } from './predicates/signature';
import { slsaProvenance, type ProvenanceInput } from './predicates/slsa';
import { vulnPredicate } from './predicates/vuln';
import { imageStatement, type ImageSubject } from './statement';
import { PREDICATE, type PredicateName, type Statement } from './types';

/** The vulnerability data shipgate scans with when the caller does not say otherwise. */
export const OSV_DB: VulnDbInfo = { uri: 'https://osv.dev' };

export interface StatementsInput {
  /** The image by manifest digest. */
  image: ImageSubject;
  result: ScanResult;
  /** Which statements to build, in this order. */
  predicates: readonly PredicateName[];
  /** Provenance options: `local` allows one outside CI; `jobWorkflowRef` from the GitHub ID token. */
  provenance?: Pick<ProvenanceInput, 'local' | 'jobWorkflowRef'>;
  /** Approval: the policy file and its sha256 (absent: built-in default), and whether --force was given. */
  approval?: Pick<ApprovalInput, 'policyFile' | 'force'>;
  vulnDb?: VulnDbInfo;
  /** The CycloneDX JSON the output stage wrote, attested as is (default: rendered again from the result). */
  sbom?: string;
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

/** The CI run, as the vulnerability attestation's invocation names it. */
function ciRun(env: NodeJS.ProcessEnv): { uri: string; id: string; builderId: string } | undefined {
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    return {
      uri: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`,
      id: env.GITHUB_RUN_ID,
      builderId: env.GITHUB_WORKFLOW_REF ? `${server}/${env.GITHUB_WORKFLOW_REF}` : server,
    };
  }
  if (env.GITLAB_CI === 'true' && env.CI_JOB_URL && env.CI_JOB_ID)
    return { uri: env.CI_JOB_URL, id: env.CI_JOB_ID, builderId: env.CI_SERVER_URL ?? '' };
  return undefined;
}

function predicateFor(name: PredicateName, input: StatementsInput, env: NodeJS.ProcessEnv): unknown {
  switch (name) {
    case 'signature':
      return signaturePredicate();
    case 'slsa':
      return slsaProvenance({
        ...input.provenance,
        env,
        dockerfiles: input.result.dockerfiles,
        ...(input.now ? { finishedOn: input.now } : {}),
      });
    case 'cyclonedx':
      return cyclonedxPredicate(input.result, input.sbom);
    case 'vuln': {
      const run = ciRun(env);
      return vulnPredicate({ result: input.result, db: input.vulnDb ?? OSV_DB, ...(run ? { run } : {}) });
    }
    case 'approval':
      return approvalPredicate({
        ...input.approval,
        result: input.result,
        digest: input.image.digest,
        ...(input.vulnDb ? { vulnDb: input.vulnDb } : {}),
        ...(input.now ? { now: input.now } : {}),
      });
  }
}

/** One in-toto statement per requested predicate, each about the image digest. */
export function buildStatements(input: StatementsInput): Statement[] {
  const env = input.env ?? process.env;
  return input.predicates.map((name) =>
    imageStatement(input.image, PREDICATE[name], predicateFor(name, input, env)),
  );
}
