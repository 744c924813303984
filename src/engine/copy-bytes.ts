/**
 * Copies src[s, e) into dst at `at`: short runs by a loop (no view object),
 * longer ones by TypedArray#set from a plain Uint8Array view, which is
 * cheaper to make than a Buffer's subarray() (no species lookup) and is what
 * Buffer#copy itself does underneath in Node 20.
 */
export function copyBytes(src: Uint8Array, s: number, e: number, dst: Uint8Array, at: number): void {
  if (e - s <= 16) {
    for (let i = s; i < e; i++) dst[at++] = src[i]!;
    return;
  }
  dst.set(new Uint8Array(src.buffer, src.byteOffset + s, e - s), at);
}
