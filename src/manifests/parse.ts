/**
 * Reads Kubernetes manifests: YAML streams of any number of documents (`kubectl`, `helm template` and
 * `kustomize build` output), `List` kinds, Helm's `# Source:` comments; every node keeps its position.
 */
import { isMap, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { ShipgateError } from '../core/errors';
import { podTargets } from './pods';
import type { ManifestObject, ParsedManifests, Span } from './types';
import { deref, mapAt, scalarAt, seqAt } from './yaml-nodes';

/** At most this many documents per file (a generated stream of a whole cluster stays well below it). */
export const MAX_DOCUMENTS = 10_000;
/** Aliases expanded per document before it counts as an alias bomb. */
const MAX_ALIAS_COUNT = 1_000;

const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;
const IGNORE_COMMENT = /#\s*(shipgate\s+ignore\s*=.*)$/i;

/** Parses a manifest file; malformed YAML is an INPUT error naming the file and line. */
export function parseManifests(content: string, path: string): ParsedManifests {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs))
    // An empty stream parses to an EmptyStream; a file of only comments is no error.
    return build(path, content, lineCounter, []);
  if (list.length > MAX_DOCUMENTS)
    throw new ShipgateError('INPUT', `${path}: more than ${MAX_DOCUMENTS} YAML documents`, {
      hint: 'split the manifests into several files',
    });
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0].line ?? lineCounter.linePos(err.pos[0]).line;
      throw new ShipgateError('INPUT', `${path}:${line}: invalid YAML: ${firstLine(err.message)}`, {
        hint: 'fix the YAML syntax (kubectl would refuse this file too)',
      });
    }
    try {
      // Expands aliases once with a budget: a "billion laughs" document fails here instead of later.
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const line = lineCounter.linePos(doc.range[0]).line;
      throw new ShipgateError(
        'INPUT',
        `${path}:${line}: YAML document rejected: ${firstLine(e instanceof Error ? e.message : String(e))}`,
        { hint: 'the document expands too many aliases; write the values out' },
      );
    }
  }
  return build(path, content, lineCounter, list);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

function build(
  path: string,
  content: string,
  lineCounter: LineCounter,
  docs: Document.Parsed[],
): ParsedManifests {
  const lines = content.split(/\r?\n/);
  const spanOf = (node: Node): Span => {
    const [start, , end] = node.range ?? [0, 0, 0];
    const a = lineCounter.linePos(start);
    // A block value's range ends at the start of the next line: point at the end of its last line instead.
    let endPos = lineCounter.linePos(Math.max(start, end));
    if (endPos.col === 1 && endPos.line > a.line)
      endPos = { line: endPos.line - 1, col: (lines[endPos.line - 2]?.length ?? 0) + 1 };
    return { line: a.line, column: a.col, endLine: endPos.line, endColumn: endPos.col };
  };
  const sources: { line: number; source: string }[] = [];
  const comments: { text: string; line: number }[] = [];
  lines.forEach((text, i) => {
    const s = SOURCE_COMMENT.exec(text.trim());
    if (s) sources.push({ line: i + 1, source: s[1] as string });
    const c = IGNORE_COMMENT.exec(text);
    if (c) comments.push({ text: c[1] as string, line: i + 1 });
  });
  const objects: ManifestObject[] = [];
  let previousEnd = 0;
  docs.forEach((doc, index) => {
    const contents = deref(doc.contents, doc);
    const startLine = contents ? spanOf(contents).line : lineCounter.linePos(doc.range[0]).line;
    const source = sources.filter((s) => s.line > previousEnd && s.line <= startLine).at(-1)?.source;
    previousEnd = lineCounter.linePos(doc.range[2]).line;
    if (!isMap(contents)) return;
    const obj = toObject(contents, doc, index, undefined, source, spanOf);
    if (!obj) return;
    const items = obj.kind.endsWith('List') ? seqAt(contents, 'items', doc) : undefined;
    if (items) {
      items.items.forEach((item, i) => {
        const n = deref(item, doc);
        if (!isMap(n)) return;
        const o = toObject(n, doc, index, i, source, spanOf);
        if (o) objects.push(o);
      });
    } else objects.push(obj);
  });
  return {
    path,
    lines,
    objects,
    pods: objects.flatMap((o) => podTargets(o)),
    comments,
    spanOf,
  };
}

function toObject(
  node: YAMLMap,
  doc: Document.Parsed,
  document: number,
  item: number | undefined,
  source: string | undefined,
  spanOf: (n: Node) => Span,
): ManifestObject | undefined {
  const kind = scalarAt(node, 'kind', doc);
  if (typeof kind !== 'string' || !kind) return undefined;
  const metadata = mapAt(node, 'metadata', doc);
  const name = scalarAt(metadata, 'name', doc) ?? scalarAt(metadata, 'generateName', doc);
  const namespace = scalarAt(metadata, 'namespace', doc);
  const apiVersion = scalarAt(node, 'apiVersion', doc);
  return {
    kind,
    apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
    name: isScalarValue(name) ? String(name) : '',
    ...(isScalarValue(namespace) ? { namespace: String(namespace) } : {}),
    node,
    doc,
    document,
    ...(item !== undefined ? { item } : {}),
    ...(source ? { source } : {}),
    span: spanOf(node),
  };
}

function isScalarValue(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}
