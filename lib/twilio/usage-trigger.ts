import 'server-only';

// Twilio Usage Triggers: Twilio calls our webhook when the month's spend
// reaches a threshold. The portal's are TriggerBy=price on totalprice,
// recurring monthly. The shapes shared by create-, list- and delete-usage-trigger.ts.
export interface UsageTrigger {
  sid: string;
  friendlyName: string;
  usageCategory: string;
  triggerBy: string;
  triggerValue: number;
  recurring: string;
  callbackUrl: string;
  dateFired: Date | null;
}

export interface MonthlySpendTrigger {
  thresholdUsd: number;
  callbackUrl: string;
  friendlyName: string;
}

export type TriggerLike = {
  sid: string;
  friendlyName: string;
  usageCategory: string;
  triggerBy: string;
  triggerValue: string;
  recurring: string;
  callbackUrl: string;
  dateFired: Date | null;
};

export function toTrigger(t: TriggerLike): UsageTrigger {
  return {
    sid: t.sid,
    friendlyName: t.friendlyName,
    usageCategory: t.usageCategory,
    triggerBy: t.triggerBy,
    triggerValue: Number(t.triggerValue),
    recurring: t.recurring,
    callbackUrl: t.callbackUrl,
    dateFired: t.dateFired ?? null,
  };
}
