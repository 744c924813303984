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
}

const FLAG_SETS: readonly (readonly string[])[] = [[], ['--max-semi-space-size=1']];

export function runEmbeddedBench(n = 1_000_000, ops = 2_000_000): EmbeddedRow[] {
  const worker = fileURLToPath(new URL('./worker.js', import.meta.url));
  const rows: EmbeddedRow[] = [];
  for (const flags of FLAG_SETS) {
    for (const impl of ['nencache', 'lru-cache']) {
      const out = execFileSync(process.execPath, [...flags, worker, impl, String(n), String(ops)], { encoding: 'utf8' });
      rows.push({ ...(JSON.parse(out) as EmbeddedRow), flags: flags.join(' ') || 'default flags' });
    }
  }
  return rows;
}

export function formatEmbeddedTable(rows: EmbeddedRow[]): string {
  const lines = [`embedded: ${rows[0]!.n} entries (16-byte keys, 128-byte values), random keys`];
  lines.push('node flags                 impl          get ops/s    set ops/s  RSS B/entry');
  for (const r of rows) {
    lines.push(`${r.flags.padEnd(26)} ${r.impl.padEnd(12)} ${Math.round(r.getOps).toString().padStart(10)} ${Math.round(r.setOps).toString().padStart(12)} ${r.rssBytesPerEntry.toFixed(1).padStart(12)}`);
  }
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const [a, b] = [rows[i]!, rows[i + 1]!];
    lines.push(`ratio nencache/lru-cache (${a.flags}): get ${(a.getOps / b.getOps).toFixed(2)}x, set ${(a.setOps / b.setOps).toFixed(2)}x, memory ${(a.rssBytesPerEntry / b.rssBytesPerEntry).toFixed(2)}x`);
  }
  return lines.join('\n');
}
