// The shape of a resource module: a function that adds its routes to the router.
import type { EmulatorContext } from '../context';
import type { Router } from '../router';

export type RegisterResource = (router: Router, ctx: EmulatorContext) => void;

/** Base path of the 2010-04-01 API for the emulated account, relative to https://api.twilio.com. */
export function accountPath(ctx: EmulatorContext): string {
  return `/2010-04-01/Accounts/${ctx.state.account.sid}`;
}

/** The same path, for modules outside resources/ that build resource URIs. */
export const resourceAccountPath = accountPath;
