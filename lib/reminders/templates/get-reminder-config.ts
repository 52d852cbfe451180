// The clinic's reminder settings and templates, with defaults for anything an
// admin has not saved. Cached briefly per process: a worker sending thousands
// of reminders reads them once, not thousands of times. A change anywhere
// drops the cached copy in every process at once (lib/db/settings-changed.ts);
// while that notice cannot arrive, nothing is served from the cache.
import 'server-only';

import { db } from '@/lib/db/client';
import { watchSettings, type SettingsChange } from '@/lib/db/settings-changed';
import { DEFAULT_CLINIC_TIME_ZONE, isValidTimeZone } from '@/lib/time/clinic-time';

import { DEFAULT_QUIET_HOURS, type QuietHours } from '../scheduling/apply-quiet-hours';
import {
  DEFAULT_NOTICE_TEMPLATES,
  DEFAULT_SMS_TEMPLATES,
  type NoticeKind,
  type ReminderKind,
} from './render-template';

export const DEFAULT_OFFSETS_MINUTES = [24 * 60, 2 * 60];

export interface ReminderTemplateConfig {
  smsBody: string;
  whatsappContentSid: string | null;
  /** False while the default text is in use. */
  saved: boolean;
}

export interface ReminderConfig {
  clinicId: string;
  clinicName: string;
  clinicPhone: string | null;
  clinicEmail: string | null;
  clinicTimeZone: string;
  offsetsMinutes: number[];
  quietHours: QuietHours;
  whatsappEnabled: boolean;
  templates: Record<ReminderKind, ReminderTemplateConfig>;
  /** Change notices' templates: moved or cancelled, per kind of appointment. */
  noticeTemplates: Record<NoticeKind, Record<ReminderKind, ReminderTemplateConfig>>;
  /** False while the defaults are in use. */
  saved: boolean;
}

const CACHE_MS = 15_000;
const cache = new Map<string, { at: number; config: Promise<ReminderConfig> }>();

// The clinic's details the messages carry, and its reminder settings and templates.
const configSelect = {
  id: true,
  name: true,
  contactPhone: true,
  contactEmail: true,
  timezone: true,
  reminderSettings: true,
  reminderTemplates: true,
  changeNoticeTemplates: true,
} as const;

async function load(clinicId: string): Promise<ReminderConfig> {
  const clinic = await db().clinic.findUniqueOrThrow({ where: { id: clinicId }, select: configSelect });
  const settings = clinic.reminderSettings;
  const template = (kind: ReminderKind): ReminderTemplateConfig => {
    const row = clinic.reminderTemplates.find((t) => t.kind === kind);
    return row
      ? { smsBody: row.smsBody, whatsappContentSid: row.whatsappContentSid, saved: true }
      : { smsBody: DEFAULT_SMS_TEMPLATES[kind], whatsappContentSid: null, saved: false };
  };
  const noticeTemplate = (notice: NoticeKind, kind: ReminderKind): ReminderTemplateConfig => {
    const row = clinic.changeNoticeTemplates.find((t) => t.notice === notice && t.kind === kind);
    return row
      ? { smsBody: row.smsBody, whatsappContentSid: row.whatsappContentSid, saved: true }
      : { smsBody: DEFAULT_NOTICE_TEMPLATES[notice][kind], whatsappContentSid: null, saved: false };
  };
  return {
    clinicId: clinic.id,
    clinicName: clinic.name,
    clinicPhone: clinic.contactPhone,
    clinicEmail: clinic.contactEmail,
    clinicTimeZone: isValidTimeZone(clinic.timezone) ? clinic.timezone : DEFAULT_CLINIC_TIME_ZONE,
    offsetsMinutes: settings ? [...settings.offsetsMinutes].sort((a, b) => b - a) : DEFAULT_OFFSETS_MINUTES,
    quietHours: settings ? { start: settings.quietStart, end: settings.quietEnd } : DEFAULT_QUIET_HOURS,
    whatsappEnabled: settings?.whatsappEnabled ?? true,
    templates: { TELEHEALTH: template('TELEHEALTH'), IN_PERSON: template('IN_PERSON') },
    noticeTemplates: {
      MOVED: {
        TELEHEALTH: noticeTemplate('MOVED', 'TELEHEALTH'),
        IN_PERSON: noticeTemplate('MOVED', 'IN_PERSON'),
      },
      CANCELLED: {
        TELEHEALTH: noticeTemplate('CANCELLED', 'TELEHEALTH'),
        IN_PERSON: noticeTemplate('CANCELLED', 'IN_PERSON'),
      },
    },
    saved: Boolean(settings),
  };
}

function forgetChanged(change: SettingsChange | 'everything'): void {
  if (change === 'everything' || !change.clinicId) cache.clear();
  else cache.delete(change.clinicId);
}

export function getReminderConfig(
  clinicId: string,
  options: { fresh?: boolean } = {},
): Promise<ReminderConfig> {
  const listening = watchSettings(forgetChanged);
  const hit = cache.get(clinicId);
  if (!options.fresh && listening && hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  const config = load(clinicId);
  // Kept from the moment the read starts, so a change announced meanwhile drops it.
  const entry = { at: Date.now(), config };
  cache.set(clinicId, entry);
  config.catch(() => {
    if (cache.get(clinicId) === entry) cache.delete(clinicId);
  });
  return config;
}

/** After an admin saves: this process sees the change at once. */
export function forgetReminderConfig(clinicId?: string): void {
  if (clinicId) cache.delete(clinicId);
  else cache.clear();
}
