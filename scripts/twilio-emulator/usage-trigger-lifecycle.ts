// When a Usage Trigger fires: its category's count, usage or price for the
// current period (day, month, year or all time, in GMT as Twilio says) reaches
// the trigger value. A trigger fires once per period (a non-recurring one once
// ever), with a signed callback carrying Twilio's fields.
import type { EmulatorContext } from './context';
import { rfc2822 } from './formats';
import { resourceAccountPath } from './resources/resource';
import type { UsageTriggerRecord } from './state';
import { addMonths, startOfUtcDay, startOfUtcMonth, usageEvents, usageTotals } from './usage';

function periodStart(trigger: UsageTriggerRecord, now: Date): Date {
  switch (trigger.recurring) {
    case 'daily':
      return startOfUtcDay(now);
    case 'monthly':
      return startOfUtcMonth(now);
    case 'yearly':
      return new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
    default:
      return new Date(0);
  }
}

/** The trigger's current value for this period, as Twilio compares it (a decimal string). */
export function currentValue(ctx: EmulatorContext, trigger: UsageTriggerRecord, now = new Date()): number {
  const end = addMonths(startOfUtcMonth(now), 1);
  const totals = usageTotals(usageEvents(ctx, now), periodStart(trigger, now), end);
  const total = totals.get(trigger.usageCategory);
  if (!total) return 0;
  return trigger.triggerBy === 'price'
    ? total.price
    : trigger.triggerBy === 'usage'
      ? total.usage
      : total.count;
}

/** Sends the trigger's callback now, whatever the usage (the control API's "fire"). */
export function fireUsageTrigger(ctx: EmulatorContext, trigger: UsageTriggerRecord, value: number): void {
  const now = new Date();
  trigger.dateFired = now;
  trigger.currentValue = String(value);
  trigger.dateUpdated = now;
  ctx.log.info('emulator.usage_trigger_fired', { sid: trigger.sid, category: trigger.usageCategory });
  ctx.callbacks.send({
    kind: 'usage-trigger',
    event: 'fired',
    resourceSid: trigger.sid,
    url: trigger.callbackUrl,
    method: trigger.callbackMethod,
    params: {
      AccountSid: ctx.state.account.sid,
      UsageTriggerSid: trigger.sid,
      DateFired: rfc2822(now),
      Recurring: trigger.recurring,
      UsageCategory: trigger.usageCategory,
      TriggerBy: trigger.triggerBy,
      TriggerValue: trigger.triggerValue,
      CurrentValue: String(value),
      UsageRecordUri: `${resourceAccountPath(ctx)}/Usage/Records.json?Category=${trigger.usageCategory}`,
      IdempotencyToken: `${trigger.sid}-${now.getTime()}`,
    },
  });
}

/** Fires every trigger whose threshold is reached and that has not fired in this period. */
export function evaluateUsageTriggers(ctx: EmulatorContext, now = new Date()): string[] {
  const fired: string[] = [];
  for (const trigger of ctx.state.usageTriggers.values()) {
    const already =
      trigger.dateFired !== null &&
      (trigger.recurring === 'alltime' || trigger.dateFired >= periodStart(trigger, now));
    if (already) continue;
    const value = currentValue(ctx, trigger, now);
    if (value >= Number(trigger.triggerValue)) {
      fireUsageTrigger(ctx, trigger, value);
      fired.push(trigger.sid);
    }
  }
  return fired;
}
