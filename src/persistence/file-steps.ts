/**
 * Runs a file load written as a generator of steps (RDB parse, AOF replay)
 * over the file's descriptor, closing it however the load ends: straight
 * through, or awaiting a pause between steps so a server loading at startup
 * keeps answering clients (-LOADING), as Redis's processEventsWhileBlocked().
 */
import fs from 'node:fs';

export type Steps<T> = Generator<void, T, void>;

/** Runs every step of `make(fd)` at once. */
export function runFileSteps<T>(path: string, make: (fd: number) => Steps<T>): T {
  const fd = fs.openSync(path, 'r');
  try {
    const steps = make(fd);
    for (;;) {
      const s = steps.next();
      if (s.done === true) return s.value;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs the steps of `make(fd)`, awaiting `pause` between two. */
export async function runFileStepsPaused<T>(path: string, make: (fd: number) => Steps<T>, pause: () => Promise<void>): Promise<T> {
  const fd = fs.openSync(path, 'r');
  try {
    const steps = make(fd);
    for (;;) {
      const s = steps.next();
      if (s.done === true) return s.value;
      await pause();
    }
  } finally {
    fs.closeSync(fd);
  }
}
