import 'server-only';

// A readiness check is defined once: its id, title, group and what it runs.
// A check that creates or costs something at Twilio says what (createsAtTwilio):
// it never runs when someone only looks at the page, only when an admin asks.
import type { ReadinessContext } from './context';
import { couldNotCheck } from './describe-failure';
import type { CheckGroup, CheckOutcome } from './types';

export interface ReadinessCheck {
  id: string;
  title: string;
  group: CheckGroup;
  /** What running it creates or costs at Twilio, said on its button; absent for reads. */
  createsAtTwilio?: string;
  run(ctx: ReadinessContext): Promise<CheckOutcome>;
}

type CheckDefinition = ReadinessCheck & {
  /** What the check reads at Twilio: a read that throws ends as "Could not check <reads>". */
  reads?: string;
};

export function defineCheck({ reads, ...check }: CheckDefinition): ReadinessCheck {
  if (!reads) return check;
  return {
    ...check,
    async run(ctx) {
      try {
        return await check.run(ctx);
      } catch (err) {
        return couldNotCheck(reads, err);
      }
    },
  };
}
