import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collector, COLLECT_EVERY, GarbageBound } from '../../../src/core/garbage';

const MiB = 1024 * 1024;

function counting(kind: 'young' | 'full') {
  const calls: unknown[] = [];
  const bound = new GarbageBound(kind, () => (options) => calls.push(options));
  return { bound, calls };
}

describe('GarbageBound', () => {
  it('collects the full heap once every 32 MiB of contents read, counting across files', () => {
    const { bound, calls } = counting('full');
    expect(COLLECT_EVERY.full).toBe(32 * MiB);
    bound.add(32 * MiB - 1);
    expect(calls).toEqual([]);
    bound.add(1);
    expect(calls).toEqual([undefined]);
    for (let i = 0; i < 64; i++) bound.add(MiB);
    expect(calls).toHaveLength(3);
    bound.add(0);
    expect(calls).toHaveLength(3);
  });

  it('collects the young generation once every 8 MiB of a streamed blob', () => {
    const { bound, calls } = counting('young');
    expect(COLLECT_EVERY.young).toBe(8 * MiB);
    for (let i = 0; i < 40; i++) bound.add(MiB / 2);
    expect(calls).toEqual([{ type: 'minor' }, { type: 'minor' }]);
  });

  it("V8's own collector frees what nothing references any more", async () => {
    // Made in a function, so nothing here references the array once it returns.
    const ref = ((): WeakRef<Uint8Array> => new WeakRef(new Uint8Array(8 * MiB)))();
    // A WeakRef keeps its target alive until the end of the job that created it.
    await tick();
    collector()();
    expect(ref.deref()).toBeUndefined();
    collector()({ type: 'minor' });
  });
});
