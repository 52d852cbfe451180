// The WhatsApp Content templates the reminders send, for the readiness checks
// (lib/readiness/list-whatsapp-templates.ts), which work whichever migrations a database has.
import 'server-only';

import type { ReminderSettings, ReminderTemplate } from '@/lib/db/generated/client';

import { defineQuery } from './define-query';

export const reminderTablesPresent = defineQuery<{ templates: boolean; settings: boolean }>(
  'reminder-tables-present',
  `
    SELECT to_regclass('public."ReminderTemplate"') IS NOT NULL AS templates,
           to_regclass('public."ReminderSettings"') IS NOT NULL AS settings`,
  { templates: 'bool', settings: 'bool' },
);

/** $1 clinic id. */
export const whatsappEnabledQuery = defineQuery<Pick<ReminderSettings, 'whatsappEnabled'>>(
  'whatsapp-enabled',
  `
      SELECT "whatsappEnabled" FROM "ReminderSettings" WHERE "clinicId" = $1`,
  { whatsappEnabled: 'bool' },
);

export type TemplateContentRow = Pick<ReminderTemplate, 'kind'> & {
  contentSid: ReminderTemplate['whatsappContentSid'];
};

/** $1 clinic id, or null for every clinic's. */
export const templateContentSids = defineQuery<TemplateContentRow>(
  'template-content-sids',
  `
    SELECT kind::text AS kind, "whatsappContentSid" AS "contentSid"
    FROM "ReminderTemplate"
    WHERE $1::text IS NULL OR "clinicId" = $1`,
  { kind: 'text', contentSid: 'text' },
);
