/**
 * Cases of the peers' own suites where shipgate deliberately decides otherwise, keyed `<peer rule>:<upstream
 * line>[:onbuild]`, each with its reason (shown in docs/rules/equivalence.md). A listed case that starts to agree
 * fails its test, so the list cannot go stale.
 */
const ROOT_BUILD_STAGE =
  'only the final image runs; the last USER of a build stage that the final stage does not build on is not a finding';
const SCRATCH_HEALTHCHECK =
  'the final image is scratch: SG-DF-033 does not ask images without a shell or tools for a HEALTHCHECK (orchestrator probes do that job)';
const BASE_IMAGE_ENV =
  "`$version` is not declared in this stage's chain, but the base image's own ENV may define it; shipgate does not guess that it is empty";
const VARIABLE_KEY = '`$character` is expanded by the builder, so the final key cannot be judged';
const ARTIFACT_IMAGE =
  'no stage is named `build`, so this copies an image reference; images made to be copied whole (e.g. tonistiigi/xx) are the common case';

export const HADOLINT_EXCEPTIONS: Record<string, string> = {
  'DL3002:77': ROOT_BUILD_STAGE,
  'DL3002:88':
    'the final stage (scratch) sets no USER, so it runs as root; hadolint only looks at USER instructions',
  'DL3033:106': BASE_IMAGE_ENV,
  'DL3041:137': BASE_IMAGE_ENV,
  'DL3048:21': VARIABLE_KEY,
  'DL3048:22:onbuild': VARIABLE_KEY,
  'DL3022:33':
    'with the base shipgate puts first, stage 0 is the current stage: SG-DF-038 reports it as copying from itself (DL3023)',
  'DL3057:19': SCRATCH_HEALTHCHECK,
  'DL3057:65': SCRATCH_HEALTHCHECK,
  'DL3057:73': SCRATCH_HEALTHCHECK,
  'DL3067:15': ARTIFACT_IMAGE,
  'DL3067:18': ARTIFACT_IMAGE,
};

/** Declared hadolint rules without a spec upstream, with why the declaration stays. */
export const HADOLINT_NO_SPEC: Record<string, string> = {
  DL3005: 'hadolint retired DL3005 (apt-get upgrade); its id is kept so existing ignore pragmas still apply',
};

export const TRIVY_EXCEPTIONS: Record<string, string> = {};
