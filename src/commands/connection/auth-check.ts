/**
 * Authentication and client-name rules shared by AUTH, HELLO and CLIENT
 * SETNAME. There is one user, "default", whose password is requirepass
 * (none configured = nopass, any password is accepted, as in Redis).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CommandContext } from '../context.js';

export const WRONGPASS = 'WRONGPASS invalid username-password pair or user is disabled.';
export const AUTH_WITHOUT_PASSWORD =
  'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?';
export const BAD_CLIENT_NAME = 'ERR Client names cannot contain spaces, newlines or special characters.';

function digest(text: string): Buffer {
  return createHash('sha256').update(Buffer.from(text, 'latin1')).digest();
}

/** True when the default user has no password (requirepass is empty). */
export function defaultUserNoPass(ctx: CommandContext): boolean {
  return ctx.server.config.getString('requirepass') === '';
}

/**
 * ACLAuthenticateUser for the only user: compares SHA-256 digests in
 * constant time like Redis. On success the client becomes authenticated.
 */
export function authenticate(ctx: CommandContext, user: string, pass: string): boolean {
  if (user !== 'default') return false;
  const required = ctx.server.config.getString('requirepass');
  if (required !== '' && !timingSafeEqual(digest(required), digest(pass))) return false;
  ctx.client.authenticated = true;
  return true;
}

/** Redis accepts names made of the characters '!' to '~' (no spaces or newlines); empty clears the name. */
export function validClientName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 33 || c > 126) return false;
  }
  return true;
}
