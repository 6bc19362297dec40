/** Kubernetes manifest checks: the YAML stream parser, the SG-K8S rules and the Pod Security Standards. */
export { parseManifests, MAX_DOCUMENTS } from './parse';
export { lintManifests, IGNORE_ANNOTATION } from './lint';
export { manifestRules } from './rules-list';
export { MANIFESTS_DOCS } from './docs';
export type { ManifestLintOptions, PssLevel, ScannedImage } from './options';
export type { ManifestObject, ParsedManifests, PodTarget, Container, Span } from './types';
