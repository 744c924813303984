/**
 * client-output-buffer-limit for normal clients, as Redis applies it: a
 * client whose pending output passes the hard limit, or stays above the soft
 * limit for soft-seconds, is disconnected. Pending output here is what the
 * socket still holds (Node's writableLength) after a flush.
 */

export interface OutputLimit {
  hard: number;
  soft: number;
  softSeconds: number;
}

/** The limits of one client class from the CONFIG GET form ("normal 0 0 0 slave ... pubsub ..."). */
export function parseOutputLimits(text: string, cls: 'normal' | 'pubsub'): OutputLimit {
  const parts = text.trim().split(/\s+/);
  for (let i = 0; i + 3 < parts.length; i += 4) {
    if (parts[i] === cls) return { hard: Number(parts[i + 1]), soft: Number(parts[i + 2]), softSeconds: Number(parts[i + 3]) };
  }
  return { hard: 0, soft: 0, softSeconds: 0 };
}

/** Tracks when a client went above its soft limit. */
export class OutputLimitState {
  private softSince = 0;

  /** True when the client must be closed for `pending` bytes of output at time `now` (ms). */
  exceeded(limit: OutputLimit, pending: number, now: number): boolean {
    if (limit.hard > 0 && pending >= limit.hard) return true;
    if (limit.soft > 0 && pending >= limit.soft) {
      if (this.softSince === 0) this.softSince = now;
      return now - this.softSince > limit.softSeconds * 1000;
    }
    this.softSince = 0;
    return false;
  }
}
