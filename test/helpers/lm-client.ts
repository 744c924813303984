/**
 * An lm:// client written from LMCache's protocol description
 * (/work/shared/lmcache-protocols.md §3), independent of the server's codec
 * so tests are not circular: struct "iiiiiiiii150s" requests with the key
 * space-padded, "iiiiiiiii" replies, PUT unanswered, requests one at a time.
 */
import { ByteReader } from './byte-reader.js';

export interface LmShape {
  fmt: number;
  dtype: number;
  shape: [number, number, number, number];
}

export interface LmReply {
  code: number;
  length: number;
  fmt: number;
  dtype: number;
  shape: number[];
  location: number;
}

export const PUT = 1;
export const GET = 2;
export const EXIST = 3;
export const LIST = 4;
export const HEALTH = 5;

/** ClientMetaMessage.serialize(): 9 native int32s then the key ljust'ed to 150 bytes. */
export function packRequest(command: number, key: string, length = 0, s: LmShape = { fmt: 1, dtype: 2, shape: [0, 0, 0, 0] }): Buffer {
  const b = Buffer.alloc(186);
  const ints = [command, length, s.fmt, s.dtype, 0, ...s.shape];
  ints.forEach((v, i) => b.writeInt32LE(v, i * 4));
  const k = Buffer.from(key, 'utf8');
  b.fill(0x20, 36);
  k.copy(b, 36, 0, Math.min(k.length, 150));
  return b;
}

export function unpackReply(b: Buffer): LmReply {
  const i = (n: number) => b.readInt32LE(n * 4);
  return { code: i(0), length: i(1), fmt: i(2), dtype: i(3), shape: [i(4), i(5), i(6), i(7)], location: i(8) };
}

export class LmClient {
  private constructor(readonly r: ByteReader) {}

  static async connect(port: number): Promise<LmClient> {
    return new LmClient(await ByteReader.connect(port));
  }

  put(key: string, payload: Buffer, s: LmShape): void {
    this.r.write(packRequest(PUT, key, payload.length, s));
    this.r.write(payload);
  }

  /** GET: the reply header and, on SUCCESS, exactly `length` payload bytes. */
  async get(key: string): Promise<{ reply: LmReply; payload: Buffer | null }> {
    this.r.write(packRequest(GET, key));
    const reply = unpackReply(await this.r.readExact(36));
    if (reply.code !== 200) return { reply, payload: null };
    return { reply, payload: await this.r.readExact(reply.length) };
  }

  async exist(key: string): Promise<boolean> {
    this.r.write(packRequest(EXIST, key));
    const reply = unpackReply(await this.r.readExact(36));
    return reply.code === 200;
  }

  /** HEALTH with the newest client's dummy key. */
  async health(): Promise<LmReply> {
    this.r.write(packRequest(HEALTH, '@0@0@0@half'));
    return unpackReply(await this.r.readExact(36));
  }

  close(): void {
    this.r.close();
  }
}
