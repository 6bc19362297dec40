/**
 * Cases of dockle's checks where shipgate deliberately decides otherwise, keyed
 * `<checkpoint>:<upstream file>:<line>:<case name>`, each with its reason (shown in docs/rules/equivalence.md). A
 * listed case that starts to agree fails its test, so the list cannot go stale.
 */
export const DOCKLE_EXCEPTIONS: Record<string, string> = {};

/** dockle checkpoints no shipgate rule declares equivalent, with why. */
export const DOCKLE_UNDECLARED: Record<string, string> = {
  'CIS-DI-0005':
    'dockle reports when `DOCKER_CONTENT_TRUST=1` is not set in the environment of the machine it runs on, which says nothing about the image; shipgate signs what it approves and verifies signatures with sigstore (`shipgate sign`, `shipgate verify`, the admission policies), which is the control content trust stood for',
  'CIS-DI-0009':
    'related to SG-IMG-006 (an ADD of a URL without a checksum) and SG-DF-008 on the history (an ADD of local files where COPY would do); dockle reports every ADD but the first, archives and URLs with a checksum included',
  'DKL-DI-0004':
    'related to SG-IMG-016, which reports the apk cache left in the final filesystem rather than an `apk add` line without `--no-cache`',
  'DKL-DI-0005':
    'related to SG-IMG-016, which reports the apt lists and caches left in the final filesystem rather than an `apt-get install` line without a cleanup',
};
