/**
 * The CRC thread's body (see ./crc-thread.ts): zlib CRC-32 of a range of a
 * SharedArrayBuffer, answered with the request's id.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

// Checksums are background work: on Linux a thread has a nice value of its
// own (setpriority on its tid), so this one gives way to the event loop
// when they want the same core.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) os.setPriority(tid, 10);
} catch {
  // Not Linux, or /proc is not mounted: the thread keeps the default priority.
}

parentPort!.on('message', ([id, sab, off, len]: [number, SharedArrayBuffer, number, number]) => {
  parentPort!.postMessage([id, crc32(new Uint8Array(sab, off, len)) >>> 0]);
});
