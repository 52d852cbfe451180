// The shapes shared by the readiness checks, the admin page and the CLI. No
// server imports: the page's client components render CheckResult too.

export type CheckStatus = 'pass' | 'warn' | 'fail';

export type CheckGroup =
  'configuration' | 'account' | 'messaging' | 'video' | 'security' | 'billing' | 'manual';

export const checkGroupLabels: Record<CheckGroup, string> = {
  configuration: 'Configuration',
  account: 'Twilio account',
  messaging: 'SMS and WhatsApp',
  video: 'Video',
  security: 'Webhooks and keys',
  billing: 'Billing',
  manual: 'Ticked by an admin',
};

export interface CheckOutcome {
  status: CheckStatus;
  /** What the check found, in one sentence a practice manager can read. */
  summary: string;
  /** How to put it right, in one sentence; null when nothing needs doing. */
  fix: string | null;
  /** Extra facts, one line each (never secrets, never patient data). */
  details?: string[];
}

export interface CheckResult extends CheckOutcome {
  id: string;
  title: string;
  group: CheckGroup;
  durationMs: number;
  /**
   * Checks that create something at Twilio run only when an admin asks: what
   * they create, and when the result shown was found (null: never run yet).
   */
  onRequest?: { creates: string; ranAt: Date | null; ranByName: string | null };
}

export const manualItemIds = ['console-2fa', 'spending-limit', 'auto-recharge'] as const;
export type ManualItemId = (typeof manualItemIds)[number];

export interface ManualTick {
  byName: string;
  at: Date;
}

/** What an admin sets that the checks compare against. */
export interface ReadinessSettings {
  /** The balance (USD) below which the balance check fails. */
  minimumBalanceUsd: number;
  /** Monthly spend thresholds (USD) that raise a billing alert. */
  alertThresholdsUsd: number[];
}

export const defaultReadinessSettings: ReadinessSettings = {
  minimumBalanceUsd: 20,
  alertThresholdsUsd: [10, 50, 100],
};

/** A reminder template and the WhatsApp Content template (HX…) it sends, if any. */
export interface TemplateMapping {
  label: string;
  contentSid: string | null;
}

export function pass(summary: string, details?: string[]): CheckOutcome {
  return { status: 'pass', summary, fix: null, details };
}

export function warn(summary: string, fix: string, details?: string[]): CheckOutcome {
  return { status: 'warn', summary, fix, details };
}

export function fail(summary: string, fix: string, details?: string[]): CheckOutcome {
  return { status: 'fail', summary, fix, details };
}
