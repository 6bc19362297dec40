/**
 * Cases of the peers' own suites where shipgate deliberately decides otherwise, keyed `<peer rule>:<upstream
 * line>[:onbuild]`, each with its reason (shown in docs/rules/equivalence.md). A listed case that starts to agree
 * fails its test, so the list cannot go stale.
 */

export const HADOLINT_EXCEPTIONS: Record<string, string> = {};

/** Declared hadolint rules without a spec upstream, with why the declaration stays. */
export const HADOLINT_NO_SPEC: Record<string, string> = {
  DL3005: 'hadolint retired DL3005 (apt-get upgrade); its id is kept so existing ignore pragmas still apply',
};

export const TRIVY_EXCEPTIONS: Record<string, string> = {};
