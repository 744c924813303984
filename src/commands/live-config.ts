/**
 * Numeric config parameters that hot commands read on every call, cached
 * per Config and kept current by change listeners: Config.getNumber()
 * lowercases the name and goes through a bigint each time.
 */
import type { Config } from '../config/config.js';

/** A parameter's current value, as a field read. */
export interface LiveNumber {
  value: number;
}

const cells = new WeakMap<Config, Map<string, LiveNumber>>();

/** The live cell of numeric parameter `name` (its primary name) of `config`. */
export function liveNumber(config: Config, name: string): LiveNumber {
  let byName = cells.get(config);
  if (byName === undefined) {
    byName = new Map();
    cells.set(config, byName);
  }
  let cell = byName.get(name);
  if (cell === undefined) {
    const c: LiveNumber = { value: config.getNumber(name) };
    config.onChange(name, () => (c.value = config.getNumber(name)));
    byName.set(name, c);
    cell = c;
  }
  return cell;
}

/**
 * A reader of one parameter for a hot path: it keeps the cell of the last
 * Config it was asked about (a process usually runs one server), so a call
 * is a comparison and a field read instead of two map lookups.
 */
export function liveReader(name: string): (config: Config) => number {
  let last: Config | null = null;
  let cell: LiveNumber = { value: 0 };
  return (config) => {
    if (config !== last) {
      cell = liveNumber(config, name);
      last = config;
    }
    return cell.value;
  };
}
