/** Facts about the scan that more than one predicate states: the vulnerability data used and the run. */

/** The vulnerability database a scan used, as the caller knows it. */
export interface VulnDbInfo {
  /** Where the data came from, e.g. `https://osv-vulnerabilities.storage.googleapis.com`. */
  uri: string;
  /** When the local copy was last refreshed (ISO 8601), when known. */
  updatedAt?: string;
}
