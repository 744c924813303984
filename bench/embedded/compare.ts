/**
 * Embedded Cache vs lru-cache at the same capacity: each in a fresh process
 * (bench/embedded/worker.ts), get/set ops/s and RSS growth per entry.
 *
 * Run twice: with Node's default flags, and with the young generation pinned
 * at 1 MiB for both sides. V8 grows the young generation (up to 48 MiB) with
 * the allocation rate of the loop that fills the cache (key strings, value
 * Buffers), which is the harness's garbage, not what either cache keeps; the
 * pinned run shows what the caches themselves cost, the default run what a
 * process with default flags sees.
 *
 * Each flag set also runs the harness alone (impl `none`: same keys and
 * Buffers, nothing kept); its growth is subtracted to give each cache's net
 * bytes per entry, and the memory ratio is shown both raw and net.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmbeddedRow {
  impl: string;
  flags: string;
  n: number;
  fillS: number;
  getOps: number;
  setOps: number;
  rssBytesPerEntry: number;
  /** rssBytesPerEntry less the harness's own growth under the same flags. */
  netBytesPerEntry: number;
}

const FLAG_SETS: readonly (readonly string[])[] = [[], ['--max-semi-space-size=1']];

export function runEmbeddedBench(n = 1_000_000, ops = 2_000_000): EmbeddedRow[] {
  const worker = fileURLToPath(new URL('./worker.js', import.meta.url));
  const rows: EmbeddedRow[] = [];
  const run = (flags: readonly string[], impl: string): EmbeddedRow =>
    JSON.parse(execFileSync(process.execPath, [...flags, worker, impl, String(n), String(ops)], { encoding: 'utf8' })) as EmbeddedRow;
  for (const flags of FLAG_SETS) {
    const harness = run(flags, 'none').rssBytesPerEntry;
    for (const impl of ['nencache', 'lru-cache']) {
      const r = run(flags, impl);
      rows.push({ ...r, flags: flags.join(' ') || 'default flags', netBytesPerEntry: r.rssBytesPerEntry - harness });
    }
  }
  return rows;
}

export function formatEmbeddedTable(rows: EmbeddedRow[]): string {
  const lines = [`embedded: ${rows[0]!.n} entries (16-byte keys, 128-byte values), random keys`];
  lines.push('node flags                 impl          get ops/s    set ops/s  RSS B/entry  net B/entry');
  for (const r of rows) {
    lines.push(`${r.flags.padEnd(26)} ${r.impl.padEnd(12)} ${Math.round(r.getOps).toString().padStart(10)} ${Math.round(r.setOps).toString().padStart(12)} ${r.rssBytesPerEntry.toFixed(1).padStart(12)} ${r.netBytesPerEntry.toFixed(1).padStart(12)}`);
  }
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const [a, b] = [rows[i]!, rows[i + 1]!];
    lines.push(`ratio nencache/lru-cache (${a.flags}): get ${(a.getOps / b.getOps).toFixed(2)}x, set ${(a.setOps / b.setOps).toFixed(2)}x, memory ${(a.rssBytesPerEntry / b.rssBytesPerEntry).toFixed(2)}x raw, ${(a.netBytesPerEntry / b.netBytesPerEntry).toFixed(2)}x net of the harness`);
  }
  return lines.join('\n');
}
