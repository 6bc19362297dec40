/** The parsed model of Kubernetes manifests that rules work on. Lines and columns are 1-based; endColumn is exclusive. */
import type { Document, Node, YAMLMap } from 'yaml';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One Kubernetes object: a YAML document, or an item of a `List` document. */
export interface ManifestObject {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  /** The object's mapping node, and the YAML document it is in (aliases resolve through it). */
  node: YAMLMap;
  doc: Document.Parsed;
  /** 0-based document index in the file, and the item index inside a `List`. */
  document: number;
  item?: number;
  /** The Helm template that rendered it (from its `# Source:` comment). */
  source?: string;
  span: Span;
}

export type ContainerField = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Container {
  name: string;
  field: ContainerField;
  index: number;
  node: YAMLMap;
}

/** A pod spec inside a workload object, with its template metadata. */
export interface PodTarget {
  object: ManifestObject;
  spec: YAMLMap;
  /** The pod's metadata (the template's for workloads, the object's for a Pod). */
  metadata?: YAMLMap;
  /** Path of the pod spec inside the object, e.g. `spec.template.spec`. */
  specPath: string;
  containers: Container[];
}

export interface ParsedManifests {
  path: string;
  lines: string[];
  objects: ManifestObject[];
  pods: PodTarget[];
  /** `# shipgate ignore=` comments by line. */
  comments: { text: string; line: number }[];
  /** Position of a node (its whole range). */
  spanOf(node: Node): Span;
}
