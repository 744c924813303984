// Node's Buffer has latin1Slice/latin1Write (used by toString/write under the
// hood) but @types/node does not declare them; calling them directly skips
// the encoding switch on the hot path (keys and replies).
declare global {
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    latin1Write(text: string, offset: number, length?: number): number;
    utf8Write(text: string, offset: number, length?: number): number;
  }
}
export {};
