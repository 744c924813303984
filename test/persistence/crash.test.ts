// Crash safety: the real server binary is SIGKILLed at random moments while
// clients write; after a restart on the same dir every acknowledged write is
// there and no key holds a value never written (npm run soak does 100 kills).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCrashes } from '../helpers/crash-harness.js';

test('every write acknowledged under appendfsync always survives SIGKILL at a random moment (3 kills)', async () => {
  const r = await runCrashes({ kills: 3, fsync: 'always' });
  assert.ok(r.acknowledged > 0, 'some writes were acknowledged');
  assert.deepEqual(r.violations, []);
  assert.deepEqual(r.lost, []);
});

test('under appendfsync everysec no write acknowledged more than 2 s before a SIGKILL is lost (2 kills)', async () => {
  const r = await runCrashes({ kills: 2, fsync: 'everysec' });
  assert.ok(r.acknowledged > 0);
  assert.deepEqual(r.violations, []);
  assert.deepEqual(r.lost.filter((x) => x.ageMs > 2000), []);
});
