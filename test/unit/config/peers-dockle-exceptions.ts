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
  'CIS-DI-0007':
    '`apt-get update` alone in a history line: no image rule reads it; on images it needs the Dockerfile rules run on the history',
  'CIS-DI-0009':
    'related to SG-IMG-006, which reports only an ADD of a URL without a checksum; an ADD of local files in the history needs the Dockerfile rules run on the history',
  'DKL-DI-0001':
    'related to SG-IMG-012, which reports the sudo program in the final filesystem; a history line that runs sudo needs the Dockerfile rules run on the history',
  'DKL-DI-0003':
    '`apt-get dist-upgrade` in a history line: no image rule reads it; on images it needs the Dockerfile rules run on the history',
  'DKL-DI-0004':
    'related to SG-IMG-016, which reports the apk cache left in the final filesystem rather than an `apk add` line without `--no-cache`',
  'DKL-DI-0005':
    'related to SG-IMG-016, which reports the apt lists and caches left in the final filesystem rather than an `apt-get install` line without a cleanup',
};
