/**
 * The only file I/O of the engine: a directory of segment files read and
 * written at offsets. Reads and writes go to the libuv pool (positioned
 * pread/pwritev, looping on short transfers); opening a segment and listing
 * the directory are synchronous single syscalls. readSync exists for the
 * blocking fallback alone.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One segment file. */
export interface SegmentFile {
  readonly name: string;
  write(chunks: readonly Uint8Array[], at: number): Promise<void>;
  /** Fills `into` from offset `at`; rejects when the file is shorter. */
  read(into: Uint8Array, at: number): Promise<void>;
  readSync(into: Uint8Array, at: number): void;
  truncate(len: number): Promise<void>;
  readonly length: number;
  close(): void;
}

/** The segment directory. */
export interface SegmentDir {
  /** Segment file names present, any order. */
  list(): string[];
  open(name: string): SegmentFile;
  remove(name: string): Promise<void>;
}

const writev = (fd: number, bufs: NodeJS.ArrayBufferView[], at: number): Promise<number> =>
  new Promise((res, rej) => fs.writev(fd, bufs, at, (err, n) => (err ? rej(err) : res(n))));
const pread = (fd: number, b: Uint8Array, off: number, len: number, at: number): Promise<number> =>
  new Promise((res, rej) => fs.read(fd, b, off, len, at, (err, n) => (err ? rej(err) : res(n))));

class NodeSegment implements SegmentFile {
  constructor(
    readonly name: string,
    private readonly fd: number,
  ) {}

  get length(): number {
    return fs.fstatSync(this.fd).size;
  }

  async write(chunks: readonly Uint8Array[], at: number): Promise<void> {
    let bufs = chunks.filter((c) => c.length > 0);
    while (bufs.length > 0) {
      let n = await writev(this.fd, bufs, at);
      at += n;
      const rest: Uint8Array[] = [];
      for (const b of bufs) {
        if (n >= b.length) n -= b.length;
        else {
          rest.push(b.subarray(n));
          n = 0;
        }
      }
      bufs = rest;
    }
  }

  async read(into: Uint8Array, at: number): Promise<void> {
    let done = 0;
    while (done < into.length) {
      const n = await pread(this.fd, into, done, into.length - done, at + done);
      if (n === 0) throw new Error(`tier: short read in ${this.name} at ${at + done}`);
      done += n;
    }
  }

  readSync(into: Uint8Array, at: number): void {
    let done = 0;
    while (done < into.length) {
      const n = fs.readSync(this.fd, into, done, into.length - done, at + done);
      if (n === 0) throw new Error(`tier: short read in ${this.name} at ${at + done}`);
      done += n;
    }
  }

  truncate(len: number): Promise<void> {
    return new Promise((res, rej) => fs.ftruncate(this.fd, len, (err) => (err ? rej(err) : res())));
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** A SegmentDir over a real directory (created if missing). */
export function nodeSegmentDir(dir: string): SegmentDir {
  fs.mkdirSync(dir, { recursive: true });
  return {
    list: () => fs.readdirSync(dir),
    open: (name) => new NodeSegment(name, fs.openSync(path.join(dir, name), fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)),
    remove: (name) => fs.promises.rm(path.join(dir, name), { force: true }),
  };
}
