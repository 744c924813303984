/**
 * Time source for the engine. Injected so tests never sleep: a FakeClock moves
 * time by hand. Milliseconds since the Unix epoch, like Redis's mstime().
 */
export interface Clock {
  /** Current time in milliseconds since the epoch. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests and simulations. */
export class FakeClock implements Clock {
  constructor(private ms = 1_700_000_000_000) {}
  now(): number {
    return this.ms;
  }
  /** Move time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.ms += ms;
  }
  /** Jump to an absolute time. */
  set(ms: number): void {
    this.ms = ms;
  }
}
