/**
 * Args.detach(): a command kept past its read (blocked, held by a pause or
 * for the disk tier) owns its arguments. A big value the connection can give
 * up is kept rather than copied, and given up once more when the command runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Args, type ArgDonor } from '../../src/commands/args.js';

/** SET k <value> laid out in one buffer, as the parser leaves a big bulk. */
function setArgs(value: Buffer, donor: ArgDonor | null): Args {
  const buf = Buffer.concat([Buffer.from('SETk'), value]);
  const args = new Args().bind(buf, Int32Array.from([0, 3, 4]), Int32Array.from([3, 1, value.length]), 3);
  args.donor = donor;
  return args;
}

/** Gives the buffer up once, for a range of at least half of it (the parser's rule). */
function donorOf(getBuf: () => Buffer): ArgDonor & { given: number } {
  return {
    given: 0,
    donate(start, end) {
      const b = getBuf();
      if (this.given > 0 || end - start < b.length >>> 1) return null;
      this.given++;
      return b.subarray(start, end);
    },
  };
}

test('without a donor, every argument is copied', () => {
  const args = setArgs(Buffer.alloc(1000, 7), null);
  const kept = args.detach();
  assert.notEqual(kept.buf.buffer, args.buf.buffer);
  assert.equal(kept.str(0), 'SET');
  assert.deepEqual(kept.view(2), Buffer.alloc(1000, 7));
  assert.equal(kept.take(2), null);
});

test('a big value the connection gives up is kept, not copied, and can be taken once when the command runs', () => {
  let args: Args | null = null;
  const donor = donorOf(() => args!.buf);
  args = setArgs(Buffer.alloc(1 << 20, 9), donor);
  args.frame(0, args.buf.length);
  const kept = args.detach();
  assert.equal(donor.given, 1);
  assert.equal(kept.buf, args.buf, 'the same buffer, no copy');
  assert.equal(kept.rawStart, 0);
  assert.equal(kept.str(1), 'k');
  const value = kept.take(2)!;
  assert.equal(value.buffer, args.buf.buffer);
  assert.equal(value.length, 1 << 20);
  assert.equal(kept.take(2), null, 'given up once');
});

test('a donor that keeps its buffer (the parser does for small values) means a copy', () => {
  const args = setArgs(Buffer.alloc(10, 1), { donate: () => null });
  const kept = args.detach();
  assert.notEqual(kept.buf.buffer, args.buf.buffer);
  assert.deepEqual(kept.view(2), Buffer.alloc(10, 1));
});
