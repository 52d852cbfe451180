import 'server-only';

// A readiness check is defined once: its id, title, group and what it runs.
// A check that creates or costs something at Twilio says what (createsAtTwilio):
// it never runs when someone only looks at the page, only when an admin asks.
import type { ReadinessContext } from './context';
import type { CheckGroup, CheckOutcome } from './types';

export interface ReadinessCheck {
  id: string;
  title: string;
  group: CheckGroup;
  /** What running it creates or costs at Twilio, said on its button; absent for reads. */
  createsAtTwilio?: string;
  run(ctx: ReadinessContext): Promise<CheckOutcome>;
}

export function defineCheck(check: ReadinessCheck): ReadinessCheck {
  return check;
}
