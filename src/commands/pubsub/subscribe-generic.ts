/**
 * What (P|S)SUBSCRIBE and (P|S)UNSUBSCRIBE share: one confirmation per
 * argument (or, for an unsubscribe without arguments, per subscription).
 */
import type { Args } from '../args.js';
import type { CommandContext, SubKind } from '../context.js';

export function subscribeGeneric(ctx: CommandContext, args: Args, kind: SubKind): void {
  for (let i = 1; i < args.count; i++) ctx.client.pubsub.subscribe(kind, args.view(i));
}

export function unsubscribeGeneric(ctx: CommandContext, args: Args, kind: SubKind): void {
  const ps = ctx.client.pubsub;
  if (args.count === 1) return ps.unsubscribeAll(kind);
  for (let i = 1; i < args.count; i++) ps.unsubscribe(kind, args.view(i));
}
