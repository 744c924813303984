/**
 * Socket reads into memory we choose (net.Socket's `onread`) instead of a
 * fresh 64 KiB Buffer per read: the bytes of a big bulk string land straight
 * in the buffer sized for it (no copy; a 1 MiB SET value used to cost 16
 * allocations and 16 copies), and every other read lands in one buffer the
 * whole server shares, which is safe because each read is parsed, and the
 * parser lets go of it, before libuv reads the next socket.
 *
 * Node offers `onread` only to sockets it constructs, so the accepted
 * socket's handle is moved into a new Socket (its `_handle`, stable since
 * Node 0.x); when that is not possible the connection keeps 'data' events.
 */
import net from 'node:net';

/** One read buffer for every connection, as Redis reads into one buffer per thread. */
const SHARED = Buffer.allocUnsafeSlow(64 * 1024);

/** What a connection does with reads. */
export interface DirectReader {
  /** Where the next read may go straight into (a big bulk's buffer), or null. */
  directTarget(): Buffer | null;
  /** `n` bytes were read into the direct target. */
  readDirect(n: number): void;
  /** `n` bytes were read into `chunk` (shared: not to be kept after the call). */
  readShared(chunk: Buffer): void;
}

/**
 * Moves the accepted (paused) socket's handle into a Socket that reads
 * through `reader`; null (and the socket untouched) when the handle cannot
 * be taken.
 */
export function adoptSocket(accepted: net.Socket, reader: DirectReader): net.Socket | null {
  const husk = accepted as unknown as { _handle?: object | null };
  const handle = husk._handle;
  if (handle === null || handle === undefined || typeof (handle as { readStart?: unknown }).readStart !== 'function') return null;
  const opts = {
    handle,
    readable: true,
    writable: true,
    onread: {
      buffer: (): Buffer => reader.directTarget() ?? SHARED,
      callback: (n: number, buf: Buffer): void => {
        if (buf === SHARED) reader.readShared(SHARED.subarray(0, n));
        else reader.readDirect(n);
      },
    },
  };
  husk._handle = null;
  const socket = new net.Socket(opts as unknown as net.SocketConstructorOpts);
  // The husk closes without its handle: the net.Server stops counting it (we track connections ourselves).
  accepted.destroy();
  return socket;
}
