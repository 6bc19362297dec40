/**
 * SLSA provenance v1 (https://slsa.dev/spec/v1.0/provenance) for the CI run that built and scanned the image.
 * GitHub Actions follows actions/toolkit's attest package (buildType workflow/v1); GitLab CI uses shipgate's
 * documented buildType (docs/signing.md). Outside CI a provenance would claim nothing verifiable, so one is
 * only made when the caller explicitly asks for a local one.
 */
import { ShipgateError } from '../../core/errors';
import type { DockerfileTarget } from '../../core/result';
import { VERSION } from '../../core/version';

export const GITHUB_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
export const GITLAB_BUILD_TYPE = 'https://shipgate.dev/buildtypes/gitlab-ci/v1';
export const LOCAL_BUILD_TYPE = 'https://shipgate.dev/buildtypes/local/v1';

export interface ResourceDescriptor {
  uri?: string;
  name?: string;
  digest?: Record<string, string>;
}

export interface SlsaProvenance {
  buildDefinition: {
    buildType: string;
    externalParameters: Record<string, unknown>;
    internalParameters?: Record<string, unknown>;
    resolvedDependencies?: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string; version?: Record<string, string> };
    metadata?: { invocationId?: string; startedOn?: string; finishedOn?: string };
  };
}

export interface ProvenanceInput {
  env?: NodeJS.ProcessEnv;
  /** Dockerfiles of the scan: their digest-pinned base images become resolved dependencies. */
  dockerfiles?: readonly DockerfileTarget[];
  /**
   * GitHub: the `job_workflow_ref` claim of the job's ID token, when known (it differs from
   * GITHUB_WORKFLOW_REF when the signing job runs in a reusable workflow).
   */
  jobWorkflowRef?: string;
  /** Allow a provenance outside CI, describing a local build (it proves nothing about a CI run). */
  local?: boolean;
  /** When the build finished (default now). */
  finishedOn?: Date;
}

const PINNED = /^(.+)@sha256:([0-9a-f]{64})$/;

/** Base images pinned by digest in the Dockerfiles' FROM lines (stage names and scratch have no digest). */
function baseImageDependencies(dockerfiles: readonly DockerfileTarget[]): ResourceDescriptor[] {
  const seen = new Map<string, ResourceDescriptor>();
  for (const df of dockerfiles)
    for (const stage of df.stages) {
      const m = PINNED.exec(stage.baseImage.trim());
      if (!m?.[1] || !m[2]) continue;
      const key = `${m[1]}@${m[2]}`;
      if (!seen.has(key)) seen.set(key, { uri: `oci://${m[1]}`, digest: { sha256: m[2] } });
    }
  return [...seen.values()];
}

function need(env: NodeJS.ProcessEnv, name: string, platform: string): string {
  const v = env[name]?.trim();
  if (!v)
    throw new ShipgateError('SIGN', `provenance: ${name} is not set in this ${platform} job`, {
      hint: `${name} is a predefined variable of ${platform}; do not unset it in the job`,
    });
  return v;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function github(env: NodeJS.ProcessEnv, input: ProvenanceInput): SlsaProvenance {
  const server = (optional(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
  const repository = need(env, 'GITHUB_REPOSITORY', 'GitHub Actions');
  const workflowRef = need(env, 'GITHUB_WORKFLOW_REF', 'GitHub Actions');
  const ref = need(env, 'GITHUB_REF', 'GitHub Actions');
  const sha = need(env, 'GITHUB_SHA', 'GitHub Actions');
  const runId = need(env, 'GITHUB_RUN_ID', 'GitHub Actions');
  const attempt = optional(env, 'GITHUB_RUN_ATTEMPT') ?? '1';
  // GITHUB_WORKFLOW_REF is owner/repo/.github/workflows/file.yml@ref.
  const at = workflowRef.lastIndexOf('@');
  const workflowPath = workflowRef.slice(0, at < 0 ? undefined : at).slice(repository.length + 1);
  return {
    buildDefinition: {
      buildType: GITHUB_BUILD_TYPE,
      externalParameters: {
        workflow: {
          ref: at < 0 ? ref : workflowRef.slice(at + 1),
          repository: `${server}/${repository}`,
          path: workflowPath,
        },
      },
      internalParameters: {
        github: {
          event_name: optional(env, 'GITHUB_EVENT_NAME'),
          repository_id: optional(env, 'GITHUB_REPOSITORY_ID'),
          repository_owner_id: optional(env, 'GITHUB_REPOSITORY_OWNER_ID'),
          runner_environment: optional(env, 'RUNNER_ENVIRONMENT'),
        },
      },
      resolvedDependencies: [
        { uri: `git+${server}/${repository}@${ref}`, digest: { gitCommit: sha.toLowerCase() } },
        ...baseImageDependencies(input.dockerfiles ?? []),
      ],
    },
    runDetails: {
      builder: { id: `${server}/${input.jobWorkflowRef ?? workflowRef}` },
      metadata: { invocationId: `${server}/${repository}/actions/runs/${runId}/attempts/${attempt}` },
    },
  };
}

function gitlabRef(env: NodeJS.ProcessEnv): string {
  const tag = optional(env, 'CI_COMMIT_TAG');
  if (tag) return `refs/tags/${tag}`;
  return `refs/heads/${optional(env, 'CI_COMMIT_BRANCH') ?? need(env, 'CI_COMMIT_REF_NAME', 'GitLab CI')}`;
}

function gitlab(env: NodeJS.ProcessEnv, input: ProvenanceInput): SlsaProvenance {
  const server = need(env, 'CI_SERVER_URL', 'GitLab CI').replace(/\/+$/, '');
  const project = need(env, 'CI_PROJECT_PATH', 'GitLab CI');
  const projectUrl = optional(env, 'CI_PROJECT_URL') ?? `${server}/${project}`;
  const configPath = optional(env, 'CI_CONFIG_PATH') ?? '.gitlab-ci.yml';
  const ref = gitlabRef(env);
  const runnerVersion = optional(env, 'CI_RUNNER_VERSION');
  return {
    buildDefinition: {
      buildType: GITLAB_BUILD_TYPE,
      externalParameters: {
        source: { repository: projectUrl, ref, configPath },
        pipelineSource: optional(env, 'CI_PIPELINE_SOURCE'),
      },
      internalParameters: {
        gitlab: {
          project_id: optional(env, 'CI_PROJECT_ID'),
          namespace_id: optional(env, 'CI_PROJECT_NAMESPACE_ID'),
          pipeline_id: optional(env, 'CI_PIPELINE_ID'),
          job_id: optional(env, 'CI_JOB_ID'),
          runner_id: optional(env, 'CI_RUNNER_ID'),
          runner_environment: env.CI_SHARED_ENVIRONMENT === 'true' ? 'gitlab-hosted' : 'self-hosted',
        },
      },
      resolvedDependencies: [
        {
          uri: `git+${projectUrl}@${ref}`,
          digest: { gitCommit: need(env, 'CI_COMMIT_SHA', 'GitLab CI').toLowerCase() },
        },
        ...baseImageDependencies(input.dockerfiles ?? []),
      ],
    },
    runDetails: {
      // The same URI Fulcio puts in the certificate's build signer extension (ci_config_ref_uri).
      builder: {
        id: `${server}/${project}//${configPath}@${ref}`,
        ...(runnerVersion ? { version: { 'gitlab-runner': runnerVersion } } : {}),
      },
      metadata: {
        invocationId: need(env, 'CI_JOB_URL', 'GitLab CI'),
        ...(optional(env, 'CI_JOB_STARTED_AT') ? { startedOn: optional(env, 'CI_JOB_STARTED_AT') } : {}),
      },
    },
  };
}

function local(input: ProvenanceInput): SlsaProvenance {
  return {
    buildDefinition: {
      buildType: LOCAL_BUILD_TYPE,
      externalParameters: {},
      resolvedDependencies: baseImageDependencies(input.dockerfiles ?? []),
    },
    runDetails: {
      builder: { id: 'https://shipgate.dev/builders/local', version: { shipgate: VERSION } },
      metadata: { finishedOn: (input.finishedOn ?? new Date()).toISOString() },
    },
  };
}

/** Removes undefined members, so the predicate is the same JSON whichever way it is serialized. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The provenance of the current CI run; a SIGN error outside CI unless `local` is set. */
export function slsaProvenance(input: ProvenanceInput = {}): SlsaProvenance {
  const env = input.env ?? process.env;
  if (env.GITHUB_ACTIONS === 'true') return compact(github(env, input));
  if (env.GITLAB_CI === 'true') return compact(gitlab(env, input));
  if (input.local) return compact(local(input));
  throw new ShipgateError('SIGN', 'provenance: not running in a GitHub Actions or GitLab CI job', {
    hint: 'a provenance made outside CI claims nothing a verifier can check; attest it from CI, or ask for a local provenance explicitly',
  });
}
