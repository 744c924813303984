/**
 * CRC-32 of big tier values on a thread of its own. A disk record carries
 * the checksum of its value, and 8 MiB values written and read back at
 * GB/s made the main thread spend most of its time in crc32 (the event
 * loop's longest stalls during disk-tier traffic). Big values live in
 * SharedArrayBuffers (../arena/big-buffers.ts), so the thread reads them
 * where they are: no copy, only a message each way.
 */
import { Worker } from 'node:worker_threads';

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (crc: number) => void; reject: (err: Error) => void }>();

function start(): Worker {
  const w = new Worker(new URL('./crc-worker.js', import.meta.url));
  w.on('message', ([id, crc]: [number, number]) => {
    const p = waiting.get(id);
    if (p === undefined) return;
    waiting.delete(id);
    if (waiting.size === 0) w.unref();
    p.resolve(crc);
  });
  const fail = (err: Error): void => {
    if (worker === w) worker = null;
    const all = [...waiting.values()];
    waiting.clear();
    for (const p of all) p.reject(err);
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`crc thread exited with code ${code}`)));
  return w;
}

/**
 * The CRC-32 of `v`, computed on the CRC thread; null when `v` is not in a
 * SharedArrayBuffer (the caller computes it itself). Rejects when the thread
 * died; the next call starts a new one.
 */
export function crcOffThread(v: Uint8Array): Promise<number> | null {
  if (!(v.buffer instanceof SharedArrayBuffer)) return null;
  const w = (worker ??= start());
  // Referenced only while a checksum is pending: an idle thread never keeps the process alive.
  if (waiting.size === 0) w.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage([id, v.buffer, v.byteOffset, v.byteLength]);
  });
}
