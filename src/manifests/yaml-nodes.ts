/** Reading YAML nodes: typed lookups that follow aliases, and the key/value pairs rules point at. */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** A node with aliases followed (aliases were bounded when the document was parsed). */
export function deref(node: unknown, doc: Document.Parsed): Node | undefined {
  let n = node;
  for (let i = 0; i < 8 && isAlias(n); i++) n = n.resolve(doc);
  return isAlias(n) ? undefined : (n as Node | undefined);
}

/** The pair of `key` in a mapping. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (k === key) return item;
  }
  return undefined;
}

export function mapAt(map: YAMLMap | undefined, key: string, doc: Document.Parsed): YAMLMap | undefined {
  const n = deref(pairOf(map, key)?.value, doc);
  return isMap(n) ? n : undefined;
}

export function seqAt(map: YAMLMap | undefined, key: string, doc: Document.Parsed): YAMLSeq | undefined {
  const n = deref(pairOf(map, key)?.value, doc);
  return isSeq(n) ? n : undefined;
}

/** The scalar value of `key` (undefined when absent, null, or not a scalar). */
export function scalarAt(map: YAMLMap | undefined, key: string, doc: Document.Parsed): unknown {
  const n = deref(pairOf(map, key)?.value, doc);
  return isScalar(n) ? (n.value ?? undefined) : undefined;
}

/** The mappings of a sequence (other items are skipped). */
export function mapsOf(seq: YAMLSeq | undefined, doc: Document.Parsed): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const item of seq?.items ?? []) {
    const n = deref(item, doc);
    if (isMap(n)) out.push(n);
  }
  return out;
}

/** The scalar items of a sequence, as strings. */
export function stringsOf(seq: YAMLSeq | undefined, doc: Document.Parsed): { value: string; node: Node }[] {
  const out: { value: string; node: Node }[] = [];
  for (const item of seq?.items ?? []) {
    const n = deref(item, doc);
    if (isScalar(n) && n.value !== null && n.value !== undefined)
      out.push({ value: String(n.value), node: n });
  }
  return out;
}
