/**
 * Embedded Cache vs lru-cache at the same capacity: each in a fresh process
 * (bench/embedded/worker.ts), get/set ops/s and RSS growth per entry.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmbeddedRow {
  impl: string;
  n: number;
  fillS: number;
  getOps: number;
  setOps: number;
  rssBytesPerEntry: number;
}

export function runEmbeddedBench(n = 1_000_000, ops = 2_000_000): EmbeddedRow[] {
  const worker = fileURLToPath(new URL('./worker.js', import.meta.url));
  return ['nencache', 'lru-cache'].map((impl) => JSON.parse(execFileSync(process.execPath, [worker, impl, String(n), String(ops)], { encoding: 'utf8' })) as EmbeddedRow);
}

export function formatEmbeddedTable(rows: EmbeddedRow[]): string {
  const [a, b] = rows as [EmbeddedRow, EmbeddedRow];
  const lines = [`embedded: ${a.n} entries (16-byte keys, 128-byte values), random keys`, 'impl          get ops/s    set ops/s  RSS B/entry'];
  for (const r of rows) lines.push(`${r.impl.padEnd(12)} ${Math.round(r.getOps).toString().padStart(10)} ${Math.round(r.setOps).toString().padStart(12)} ${r.rssBytesPerEntry.toFixed(1).padStart(12)}`);
  lines.push(`ratio nencache/lru-cache: get ${(a.getOps / b.getOps).toFixed(2)}x, set ${(a.setOps / b.setOps).toFixed(2)}x, memory ${(a.rssBytesPerEntry / b.rssBytesPerEntry).toFixed(2)}x`);
  return lines.join('\n');
}
