import 'server-only';

// A readiness check is defined once: its id, title, group and what it runs.
import type { ReadinessContext } from './context';
import type { CheckGroup, CheckOutcome } from './types';

export interface ReadinessCheck {
  id: string;
  title: string;
  group: CheckGroup;
  run(ctx: ReadinessContext): Promise<CheckOutcome>;
}

export function defineCheck(check: ReadinessCheck): ReadinessCheck {
  return check;
}
