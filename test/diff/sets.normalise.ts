/**
 * How set replies may differ between redis-server and NenCache: a
 * hashtable's member order is unspecified (members sorted), and random
 * picks are reduced to what must hold (their count and that they exist).
 */
import { defaultNormaliser, type Cmd, type Normaliser } from './harness.js';

const UNORDERED = new Set(['SMEMBERS', 'SINTER', 'SUNION', 'SDIFF']);

function sorted(r: unknown): unknown {
  return Array.isArray(r) ? [...r].map(String).sort() : r;
}

export const setsNormaliser: Normaliser = (cmd: Cmd, r: unknown) => {
  const name = String(cmd[0]).toUpperCase();
  if (UNORDERED.has(name)) return sorted(r);
  if (name === 'SRANDMEMBER' || name === 'SPOP') {
    if (!Array.isArray(r)) return r === null || typeof r === 'object' ? r : { pick: true };
    const negative = cmd.length > 2 && String(cmd[2]).startsWith('-');
    // Unique picks have distinct members; their count is what must match.
    return { picks: r.length, distinct: negative ? null : new Set(r.map(String)).size };
  }
  if (name === 'SSCAN' && Array.isArray(r) && r.length === 2) {
    const big = cmd.some((a) => String(a) === '1000');
    // A small COUNT over a hashtable walks it in steps whose cursors differ.
    return big ? [r[0], sorted(r[1])] : { sscan: true };
  }
  return defaultNormaliser(cmd, r);
};
