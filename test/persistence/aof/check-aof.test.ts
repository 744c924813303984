// nencache check-aof: the offset of the first bad command, --fix truncating
// to the last good one (after the y/N answer), manifests checked file by file.
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAofFile, runCheckAof } from '../../../src/persistence/aof/check.js';

const good = '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function file(content: string, name = 'appendonly.aof.1.incr.aof'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nencache-check-'));
  dirs.push(d);
  const p = path.join(d, name);
  fs.writeFileSync(p, content, 'latin1');
  return p;
}

async function run(p: string, fix: boolean, answer = true): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCheckAof(p, { fix, yes: false, ask: async () => answer, print: (l) => out.push(l) });
  return { code, out };
}

describe('nencache check-aof', () => {
  test('a valid file is reported valid', async () => {
    const r = await run(file(good), false);
    assert.equal(r.code, 0);
    assert.ok(r.out.includes('AOF appendonly.aof.1.incr.aof is valid'));
  });

  test('an empty file is valid', () => {
    assert.equal(checkAofFile(file('')).problem, null);
  });

  test('a corrupt command is found at its offset and --fix truncates to the last good command', async () => {
    const p = file(good + 'garbage\r\n' + good);
    const r1 = await run(p, false);
    assert.equal(r1.code, 1);
    assert.ok(r1.out.some((l) => l.includes(`ok_up_to=${good.length}`)));
    const r2 = await run(p, true);
    assert.equal(r2.code, 0);
    assert.equal(fs.readFileSync(p, 'latin1'), good);
  });

  test('answering no to the prompt leaves the file alone', async () => {
    const p = file(good + '*3\r\n$3\r\nset');
    const r = await run(p, true, false);
    assert.equal(r.code, 1);
    assert.equal(fs.statSync(p).size, good.length + '*3\r\n$3\r\nset'.length);
  });

  test('a MULTI without EXEC at the end is cut before the MULTI', () => {
    const c = checkAofFile(file(good + '*1\r\n$5\r\nMULTI\r\n' + good));
    assert.equal(c.problem, 'truncated');
    assert.equal(c.okUpTo, good.length);
  });

  test('a manifest checks every file it names and fixes the cut tail of the last one', async () => {
    const inc = file(good + '*3\r\n$3\r\nset\r\n$1\r\nb');
    const dir = path.dirname(inc);
    fs.writeFileSync(path.join(dir, 'appendonly.aof.1.base.aof'), good);
    const manifest = path.join(dir, 'appendonly.aof.manifest');
    fs.writeFileSync(manifest, 'file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    const r = await run(manifest, true);
    assert.equal(r.code, 0);
    assert.ok(r.out.includes('AOF appendonly.aof.1.base.aof is valid'));
    assert.equal(fs.readFileSync(inc, 'latin1'), good);
  });

  test('the nencache CLI runs check-aof --fix --yes', () => {
    const p = file(good + 'xx');
    const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../src/cli/nencache.js');
    const r = spawnSync(process.execPath, [cli, 'check-aof', '--fix', '--yes', p], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Successfully truncated AOF appendonly.aof.1.incr.aof/);
    assert.equal(fs.readFileSync(p, 'latin1'), good);
  });
});
