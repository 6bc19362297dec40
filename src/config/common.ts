/** Builds image-configuration findings and their image locations (shared by the check families). */
import type { Finding, ImageLocation, RuleMeta } from '../core/finding';
import { stableHash } from '../core/hash';
import type { Severity } from '../core/severity';
import type { Analyzer, AnalyzerOutput, FileEntry, FinalView, ImageInfo } from '../image/types';
import { safeText } from '../secrets/scanner';

export function finding(
  rule: RuleMeta,
  message: string,
  identity: string,
  image?: ImageLocation,
  severity: Severity = rule.severity,
  properties?: Record<string, unknown>,
): Finding {
  const f: Finding = {
    ruleId: rule.id,
    kind: 'config',
    severity,
    message,
    fingerprint: stableHash(rule.id, identity),
    // The first sentence of the rule's fix; its example stays in the rule help (SARIF, docs).
    fix: rule.fix.split('\n')[0]!.replace(/:\s*$/, ''),
  };
  if (image && Object.keys(image).length) f.image = image;
  if (properties) f.properties = properties;
  return f;
}

/** The image as a whole (config and history findings). */
export function imageLoc(info: ImageInfo): ImageLocation {
  return { ...(info.ref ? { ref: info.ref } : {}), ...(info.digest ? { digest: info.digest } : {}) };
}

/** A file of a layer, with the instruction that made the layer (masked). */
export function fileLoc(info: ImageInfo, e: FileEntry, path = e.path): ImageLocation {
  return {
    ...imageLoc(info),
    path,
    layerIndex: e.layerIndex,
    layerDigest: e.layerDigest,
    ...(e.createdBy ? { createdBy: safeText(e.createdBy) } : {}),
  };
}

/** What findings are keyed on: the repository without tag or digest when known. */
export function targetName(info: ImageInfo): string {
  return info.repository ?? info.ref;
}

/** Keeps the text of every version of some files, to read the version the final filesystem shows. */
export class TextFiles {
  private readonly files = new Map<string, Map<number, string>>();

  constructor(readonly paths: ReadonlySet<string>) {}

  wants(e: FileEntry): boolean {
    return this.paths.has(e.path);
  }

  add(e: FileEntry, content: Buffer): void {
    let byLayer = this.files.get(e.path);
    if (!byLayer) this.files.set(e.path, (byLayer = new Map()));
    byLayer.set(e.layerIndex, content.toString('utf8'));
  }

  /** The visible version of `path` and its entry, if the final filesystem has it. */
  visible(view: FinalView, path: string): { text: string; entry: FileEntry } | undefined {
    const layer = view.visibleLayer(path);
    const entry = view.stat(path);
    const text = layer === undefined ? undefined : this.files.get(path)?.get(layer);
    return text !== undefined && entry ? { text, entry } : undefined;
  }
}

/** The visible non-directory at `path` after resolving symlinks, if any. */
export function existing(view: FinalView, path: string): FileEntry | undefined {
  const r = view.resolve(path);
  const st = r ? view.stat(r) : undefined;
  return st && st.type !== 'dir' ? st : undefined;
}

/** A walk analyzer for checks that read only the image configuration and history (it wants no files). */
export function configOnlyAnalyzer(
  name: string,
  check: (info: ImageInfo) => Finding[],
): Analyzer<AnalyzerOutput> {
  return {
    name,
    wants: () => false,
    analyze: () => undefined,
    finish: (_view, info) => ({ findings: check(info) }),
  };
}
