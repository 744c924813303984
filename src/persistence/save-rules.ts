/**
 * The `save` config ("<seconds> <changes> ..."), parsed into the rules the
 * snapshot scheduler checks: save when at least `changes` writes happened
 * and `seconds` passed since the last save. Empty means no snapshots.
 */

/** One `save <seconds> <changes>` pair. */
export interface SaveRule {
  seconds: number;
  changes: number;
}

/** The rules of a `save` value; throws on a malformed value (the config validator's message). */
export function parseSaveRules(value: string): SaveRule[] {
  const words = value.split(/\s+/).filter((w) => w !== '');
  if (words.length % 2 !== 0) throw new Error('Invalid save parameters');
  const rules: SaveRule[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const seconds = Number(words[i]);
    const changes = Number(words[i + 1]);
    if (!/^\d+$/.test(words[i]!) || !/^\d+$/.test(words[i + 1]!)) throw new Error('Invalid save parameters');
    rules.push({ seconds, changes });
  }
  return rules;
}

/** Whether any rule says a snapshot is due (serverCron's check, without its retry delay after a failure). */
export function saveDue(rules: readonly SaveRule[], changesSinceSave: number, secondsSinceSave: number): boolean {
  return rules.some((r) => changesSinceSave >= r.changes && secondsSinceSave > r.seconds);
}
