/**
 * The merged filesystem of an image as the layers are applied one after the other: a tree of the visible
 * entries plus a record of every (path, layer) version seen, so deleted and overwritten versions are known.
 */
import { clampJoin, normalizeEntryPath } from './paths';
import type { FileEntry, FinalView } from './types';

interface Node {
  /** Undefined for a directory that only exists because something below it does. */
  entry?: FileEntry;
  children?: Map<string, Node>;
}

const MAX_SYMLINK_HOPS = 40;

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export class LayeredFs implements FinalView {
  private readonly root: Node = { children: new Map() };
  /** path → layers that held a version of it (whiteouts excluded). */
  private readonly versions = new Map<string, number[]>();

  private node(path: string): Node | undefined {
    let n: Node | undefined = this.root;
    for (const seg of split(path)) {
      n = n.children?.get(seg);
      if (!n) return undefined;
    }
    return n;
  }

  /** The directory node for `segs`, creating implicit directories and replacing non-directories in the way. */
  private dirNode(segs: string[]): Node {
    let n = this.root;
    for (const seg of segs) {
      n.children ??= new Map();
      let child = n.children.get(seg);
      if (!child || (child.entry && child.entry.type !== 'dir')) {
        child = { children: new Map() };
        n.children.set(seg, child);
      }
      child.children ??= new Map();
      n = child;
    }
    return n;
  }

  /** Applies one tar entry of a layer. */
  put(entry: FileEntry): void {
    const segs = split(entry.path);
    const list = this.versions.get(entry.path);
    if (list) {
      if (list[list.length - 1] !== entry.layerIndex) list.push(entry.layerIndex);
    } else this.versions.set(entry.path, [entry.layerIndex]);
    if (segs.length === 0) {
      this.root.entry = entry;
      return;
    }
    const parent = this.dirNode(segs.slice(0, -1));
    const name = segs[segs.length - 1]!;
    const existing = parent.children!.get(name);
    if (existing && entry.type === 'dir' && (!existing.entry || existing.entry.type === 'dir')) {
      existing.entry = entry;
      existing.children ??= new Map();
      return;
    }
    parent.children!.set(name, entry.type === 'dir' ? { entry, children: new Map() } : { entry });
  }

  /** A whiteout: `path` and everything below it disappear. */
  remove(path: string): void {
    const segs = split(path);
    if (segs.length === 0) return;
    this.node(`/${segs.slice(0, -1).join('/')}`)?.children?.delete(segs[segs.length - 1]!);
  }

  /** An opaque directory: what lower layers put below `dir` disappears; this layer's entries stay. */
  opaque(dir: string, layerIndex: number): void {
    const n = this.dirNode(split(dir));
    const prune = (node: Node): void => {
      for (const [name, child] of node.children ?? []) {
        if (child.children) prune(child);
        const fromLower = !child.entry || child.entry.layerIndex < layerIndex;
        if (fromLower && (!child.children || child.children.size === 0)) node.children!.delete(name);
      }
    };
    prune(n);
  }

  /** The entry currently visible at `path` (absolute, normalised). */
  lookup(path: string): FileEntry | undefined {
    return this.node(path)?.entry;
  }

  visibleLayer(path: string): number | undefined {
    return this.node(safe(path))?.entry?.layerIndex;
  }

  isHidden(path: string, layerIndex: number): boolean {
    const p = safe(path);
    if (!this.versions.get(p)?.includes(layerIndex)) return false;
    return this.visibleLayer(p) !== layerIndex;
  }

  /** Every layer that held a version of `path`. */
  versionsOf(path: string): readonly number[] {
    return this.versions.get(safe(path)) ?? [];
  }

  resolve(path: string): string | undefined {
    const queue = split(clampJoin('/', path));
    let current: string[] = [];
    let hops = 0;
    while (queue.length) {
      const seg = queue.shift()!;
      if (seg === '.') continue;
      if (seg === '..') {
        current.pop(); // like chroot: ".." at the root stays at the root
        continue;
      }
      const candidate = [...current, seg];
      const node = this.node(`/${candidate.join('/')}`);
      if (!node) return undefined;
      if (node.entry?.type === 'symlink') {
        if (++hops > MAX_SYMLINK_HOPS) return undefined;
        const target = node.entry.linkTarget ?? '';
        if (target.startsWith('/')) current = [];
        queue.unshift(...target.split('/').filter(Boolean));
        continue;
      }
      current = candidate;
    }
    return `/${current.join('/')}`;
  }

  stat(path: string): FileEntry | undefined {
    return this.node(safe(path))?.entry;
  }

  *entries(): Iterable<FileEntry> {
    const stack: Node[] = [this.root];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.entry) yield n.entry;
      if (n.children) for (const c of n.children.values()) stack.push(c);
    }
  }
}

/** Query paths are normalised like chroot paths (a query cannot escape the root either). */
function safe(path: string): string {
  try {
    return normalizeEntryPath(path);
  } catch {
    return clampJoin('/', path);
  }
}
