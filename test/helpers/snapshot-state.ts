/**
 * Shared by the snapshot tests: a key's state as one comparable string, the
 * state of every database, and random writes of every type from the
 * differential generators (blocking and connection-state commands left out).
 */
import assert from 'node:assert/strict';
import type { Database } from '../../src/engine/keyspace.js';
import type { Engine } from '../../src/engine/engine.js';
import { readKey } from '../../src/persistence/rdb/rdb-engine.js';
import { createDumpPayload } from '../../src/persistence/rdb/dump-payload.js';
import { RawClient, encodeCommand } from './resp-client.js';
import { Rng, type Cmd } from '../diff/harness.js';
import * as strings from '../diff/strings-keys.gen.js';
import * as hashes from '../diff/hashes.gen.js';
import * as lists from '../diff/lists.gen.js';
import * as sets from '../diff/sets.gen.js';
import * as zsets from '../diff/zsets.gen.js';

export { zsets };

/** A key's state as one comparable string: its DUMP payload and its expiry. */
export function stateOf(db: Database, pos: number): string {
  const v = readKey(db, pos, -2);
  assert.ok(v !== null);
  return `${createDumpPayload(v, false).toString('hex')}|${db.expireAt(pos)}`;
}

/** db:key → state of every key, read now. */
export function capture(engine: Engine): Map<string, string> {
  const out = new Map<string, string>();
  engine.dbs.forEach((db, i) => {
    let cursor = 0;
    do {
      cursor = db.scan(cursor, 100, (pos) => out.set(`${i}:${db.keyName(pos)}`, stateOf(db, pos)));
    } while (cursor !== 0);
  });
  return out;
}

const BLOCKING = /^(bl|br|bz)/i;

export function randomWrite(r: Rng): Cmd[] {
  const pick = r.int(6);
  let cmds: Cmd[];
  if (pick === 0) cmds = [strings.randomCommand(r)];
  else if (pick === 1) cmds = hashes.randomSteps(r);
  else if (pick === 2) cmds = [lists.randomCommand(r)];
  else if (pick === 3) cmds = sets.randomSetCommands(r);
  else if (pick === 4) cmds = [zsets.randomCommand(r)];
  else cmds = [['SELECT', String(r.int(3))]];
  return cmds.filter((c) => !BLOCKING.test(String(c[0])) && !/^(debug|shutdown|monitor|subscribe|psubscribe|ssubscribe|multi|exec|watch|client)$/i.test(String(c[0])));
}

export async function runBatch(c: RawClient, cmds: Cmd[]): Promise<void> {
  if (cmds.length === 0) return;
  c.write(Buffer.concat(cmds.map((x) => encodeCommand(x))));
  for (let i = 0; i < cmds.length; i++) await c.read();
}

