/**
 * `npm run soak`: the long crash test. 100 SIGKILLs of the real server under
 * appendfsync always (no acknowledged write may be lost), then 30 under
 * everysec (nothing acknowledged more than 2 s before a kill may be lost).
 */
import { runCrashes } from '../../test/helpers/crash-harness.js';

const kills = Number(process.env.NENCACHE_SOAK_KILLS ?? 100);
let failed = false;
for (const [fsync, n] of [['always', kills], ['everysec', Math.max(1, Math.round(kills * 0.3))]] as const) {
  const start = Date.now();
  const r = await runCrashes({
    kills: n,
    fsync,
    progress: (k) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${fsync}: ${k}/${n} kills`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const bad = fsync === 'always' ? r.lost : r.lost.filter((x) => x.ageMs > 2000);
  console.log(
    `appendfsync ${fsync}: ${n} SIGKILLs in ${((Date.now() - start) / 1000).toFixed(0)} s, ${r.acknowledged} keys with acknowledged writes, ` +
      `${r.lost.length} acknowledged writes lost (${bad.length} beyond the bound), ${r.violations.length} never-written values`,
  );
  for (const v of [...r.violations, ...bad.map((x) => `lost ${x.key} (${x.ageMs} ms before the kill)`)].slice(0, 20)) console.log(`  ${v}`);
  if (bad.length > 0 || r.violations.length > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
