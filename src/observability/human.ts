/**
 * Redis's bytesToHuman(): "1023B", "1.00K", "12.50M"... as INFO prints
 * used_memory_human and friends.
 */
export function formatBytesHuman(n: number): string {
  const units = ['K', 'M', 'G', 'T', 'P'];
  if (n < 1024) return `${n}B`;
  let v = n / 1024;
  for (const u of units) {
    if (v < 1024 || u === 'P') return `${v.toFixed(2)}${u}`;
    v /= 1024;
  }
  return `${n}B`;
}
