import { describe, expect, it } from 'vitest';
import { TurnQueue } from '../../../src/registry-auth/turn-queue';

/** A loop driven by hand: `turn()` runs what was scheduled for the next turn, at the clock's time. */
function fakeLoop(options: { batch?: number; maxAcceptMs?: number } = {}) {
  let clock = 0;
  let pending: (() => void)[] = [];
  const ran: string[] = [];
  const queue = new TurnQueue({ ...options, now: () => clock, nextTurn: (fn) => pending.push(fn) });
  return {
    queue,
    ran,
    add: (...names: string[]) => names.forEach((n) => queue.push(() => ran.push(n))),
    advance: (ms: number) => (clock += ms),
    scheduled: () => pending.length,
    /** Runs one turn; returns the jobs it ran. */
    turn(): string[] {
      const before = ran.length;
      const now = pending;
      pending = [];
      for (const fn of now) fn();
      return ran.slice(before);
    },
  };
}

describe('TurnQueue', () => {
  it('runs handlers in arrival order, at most a batch per turn', () => {
    const loop = fakeLoop({ batch: 3 });
    loop.add('a', 'b', 'c', 'd', 'e', 'f', 'g');
    expect(loop.scheduled()).toBe(1);
    expect(loop.turn()).toEqual(['a', 'b', 'c']);
    loop.add('h');
    expect(loop.turn()).toEqual(['d', 'e', 'f']);
    expect(loop.turn()).toEqual(['g', 'h']);
    expect(loop.queue.size).toBe(0);
    // Nothing left: no turn is scheduled until the next handler.
    expect(loop.scheduled()).toBe(0);
    loop.add('i');
    expect(loop.scheduled()).toBe(1);
    expect(loop.turn()).toEqual(['i']);
  });

  it('runs nothing in a turn that accepted a connection, so the loop turns again and accepts the next', () => {
    const loop = fakeLoop({ batch: 8, maxAcceptMs: 50 });
    loop.add('a', 'b');
    // However long the handlers already waited: a busy server takes a burst of connections in first.
    loop.advance(1000);
    for (let i = 0; i < 20; i++) {
      loop.queue.connectionAccepted();
      loop.add(`new${i}`);
      loop.advance(1);
      expect(loop.turn()).toEqual([]);
    }
    // The burst of connections is over: handlers run again, oldest first.
    expect(loop.turn()).toEqual(['a', 'b', 'new0', 'new1', 'new2', 'new3', 'new4', 'new5']);
    expect(loop.queue.size).toBe(14);
  });

  it('runs a batch when connections have kept arriving for maxAcceptMs, then accepts again', () => {
    const loop = fakeLoop({ batch: 2, maxAcceptMs: 10 });
    loop.add('a', 'b', 'c', 'd', 'e');
    const acceptingTurn = () => {
      loop.queue.connectionAccepted();
      const ran = loop.turn();
      loop.advance(4);
      return ran;
    };
    // Turns at 0, 4 and 8 ms only accept; at 12 ms the run of accepting turns has lasted maxAcceptMs.
    expect([acceptingTurn(), acceptingTurn(), acceptingTurn()]).toEqual([[], [], []]);
    expect(acceptingTurn()).toEqual(['a', 'b']);
    // A new run of accepting turns: a flood of connections slows answers down but never stops them.
    expect([acceptingTurn(), acceptingTurn(), acceptingTurn()]).toEqual([[], [], []]);
    expect(acceptingTurn()).toEqual(['c', 'd']);
    // No connection accepted in the last turn: a batch at once.
    expect(loop.turn()).toEqual(['e']);
  });

  it('keeps the order across many turns and releases what it ran', () => {
    const loop = fakeLoop({ batch: 5 });
    const names = Array.from({ length: 3000 }, (_, i) => `job${i}`);
    loop.add(...names);
    while (loop.queue.size > 0) loop.turn();
    expect(loop.ran).toEqual(names);
    expect(loop.scheduled()).toBe(0);
  });
});
