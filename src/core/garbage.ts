/**
 * Keeps the garbage of streamed image data small. Layer and blob bytes live in buffers outside the JavaScript
 * heap, and V8 does not count them when it schedules its collections: a young collection comes after so much
 * JavaScript allocation, a full one once external memory has grown by 64 MB. Reading a layer allocates little
 * JavaScript but many buffers, so dead ones piled up to a third of a scan's peak memory. Two bounds:
 * - young, for a blob streamed as it is (a push): its pieces die within a piece or two, and a young
 *   collection every 8 MiB frees them (about a millisecond each; 12 to 16 MB less at the upload's peak, and
 *   less CPU time in all). Not for a layer being walked: a young collection there promotes the file
 *   contents being read, which then wait for a full collection.
 * - full, for a layer walk: the contents of the files analyzers read may outlive two young collections (a
 *   file read in many pieces, an analysis that awaits); a full collection after every 32 MiB of contents caps
 *   them, for about 8% more CPU time on a Debian image (the heap itself stays small during a walk).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MiB = 1024 * 1024;

/** Bytes between two collections of each kind. */
export const COLLECT_EVERY: Record<GarbageKind, number> = { young: 8 * MiB, full: 32 * MiB };

export type GarbageKind = 'young' | 'full';

type Collect = (options?: { type: 'minor' | 'major' }) => void;

let gc: Collect | undefined;

/** V8's collector, exposed to a context of its own: the flag only applies to contexts created after it. */
export function collector(): Collect {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Collect;
  }
  return gc;
}

export class GarbageBound {
  private since = 0;
  private readonly everyBytes: number;

  constructor(
    private readonly kind: GarbageKind,
    private readonly collect: () => Collect = collector,
  ) {
    this.everyBytes = COLLECT_EVERY[kind];
  }

  /** Counts `bytes` read; collects once the kind's bytes have been read since the last collection. */
  add(bytes: number): void {
    this.since += bytes;
    if (this.since < this.everyBytes) return;
    this.since = 0;
    const gc = this.collect();
    // With no argument, V8 collects the whole heap at once.
    if (this.kind === 'young') gc({ type: 'minor' });
    else gc();
  }
}
