/**
 * Client classes as CLIENT LIST TYPE and CLIENT KILL TYPE name them
 * (getClientTypeByName / getClientType). This server has no replication, so
 * every client is "normal" unless it is subscribed ("pubsub", flag P in its
 * CLIENT LIST line); MONITOR clients count as normal, as in Redis.
 */
import type { ClientHandle } from '../context.js';

export type ClientType = 'normal' | 'slave' | 'pubsub' | 'master';

/** getClientTypeByName(); null for an unknown name. */
export function clientTypeByName(name: string): ClientType | null {
  switch (name.toLowerCase()) {
    case 'normal':
      return 'normal';
    case 'slave':
    case 'replica':
      return 'slave';
    case 'pubsub':
      return 'pubsub';
    case 'master':
      return 'master';
    default:
      return null;
  }
}

/** The flags field of a CLIENT LIST line. */
export function clientFlags(c: ClientHandle): string {
  const line = c.describe();
  const at = line.indexOf(' flags=');
  if (at < 0) return '';
  const end = line.indexOf(' ', at + 7);
  return line.slice(at + 7, end < 0 ? undefined : end);
}

export function clientType(c: ClientHandle): ClientType {
  return clientFlags(c).includes('P') ? 'pubsub' : 'normal';
}
