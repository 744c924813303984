/**
 * The big encoding of a hash (Redis's "hashtable"): fields and values as
 * latin1 strings (one char per byte, so binary safe) in two parallel arrays,
 * with a Map from field to array index. A one-byte JS string costs ~16 bytes
 * of header against ~100 for a Buffer, which is why values are strings.
 *
 * Deleting moves the last entry into the hole, so the arrays stay dense and
 * a random field is one index away (HRANDFIELD). HSCAN walks the indexes
 * downwards: an entry present for the whole scan is always below the cursor
 * until visited, because only the last entry ever moves and it moves down.
 */
import type { SizedValue } from '../object-table.js';

/** Estimated bytes per entry beyond the text: a Map entry, two array slots and two string headers. */
const ENTRY_OVERHEAD = 96;
/** The Map, the two arrays and this object. */
const BASE = 200;

export class HashTable implements SizedValue {
  private readonly index = new Map<string, number>();
  readonly fields: string[] = [];
  readonly values: string[] = [];
  private bytes = BASE;

  get size(): number {
    return this.fields.length;
  }

  memoryBytes(): number {
    return this.bytes;
  }

  get(field: string): string | undefined {
    const i = this.index.get(field);
    return i === undefined ? undefined : this.values[i];
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  /** Sets a field; true when it was created, false when its value was replaced. */
  set(field: string, value: string): boolean {
    const i = this.index.get(field);
    if (i !== undefined) {
      this.bytes += value.length - this.values[i]!.length;
      this.values[i] = value;
      return false;
    }
    this.index.set(field, this.fields.length);
    this.fields.push(field);
    this.values.push(value);
    this.bytes += ENTRY_OVERHEAD + field.length + value.length;
    return true;
  }

  /** Removes a field; false when it was absent. */
  delete(field: string): boolean {
    const i = this.index.get(field);
    if (i === undefined) return false;
    this.index.delete(field);
    this.bytes -= ENTRY_OVERHEAD + field.length + this.values[i]!.length;
    const last = this.fields.length - 1;
    const lastField = this.fields.pop()!;
    const lastValue = this.values.pop()!;
    if (i !== last) {
      this.fields[i] = lastField;
      this.values[i] = lastValue;
      this.index.set(lastField, i);
    }
    return true;
  }

  clone(): HashTable {
    const copy = new HashTable();
    for (let i = 0; i < this.fields.length; i++) copy.set(this.fields[i]!, this.values[i]!);
    return copy;
  }

  /**
   * HSCAN: visits up to `count` entries below the cursor, highest index
   * first; returns the next cursor, 0 when done. Cursor 0 starts a scan; a
   * cursor beyond the size (the hash shrank) resumes at the top.
   */
  scan(cursor: number, count: number, visit: (i: number) => void): number {
    let c = cursor === 0 || cursor > this.fields.length ? this.fields.length : cursor;
    for (let n = 0; c > 0 && n < count; n++) visit(--c);
    return c;
  }
}
