import 'server-only';

// What Twilio's API cannot show: settings in the Console that an admin
// confirms by ticking, with who ticked and when.
import type { ReadinessCheck } from '../define-check';
import { defineCheck } from '../define-check';
import { pass, warn, type ManualItemId } from '../types';

export const manualItems: ReadonlyArray<{ id: ManualItemId; title: string; fix: string }> = [
  {
    id: 'console-2fa',
    title: 'Two-factor sign-in on every Twilio Console login',
    fix: 'In the Twilio Console, turn on two-factor authentication for every user (User settings), then tick this.',
  },
  {
    id: 'spending-limit',
    title: 'A spending limit agreed and set',
    fix: 'Agree a monthly limit with the practice owner, set it in the Twilio Console’s billing settings, then tick this.',
  },
  {
    id: 'auto-recharge',
    title: 'Auto-recharge on',
    fix: 'Turn on auto-recharge in the Twilio Console (Billing) so the balance cannot run out mid-week, then tick this.',
  },
];

export function manualItemCheck(item: (typeof manualItems)[number]): ReadinessCheck {
  return defineCheck({
    id: `manual-${item.id}`,
    title: item.title,
    group: 'manual',
    async run(ctx) {
      const tick = ctx.manualTicks[item.id];
      if (!tick) return warn('Not confirmed yet: Twilio’s API cannot see this setting.', item.fix);
      return pass(`Confirmed by ${tick.byName} on ${tick.at.toISOString().slice(0, 10)}.`);
    },
  });
}
