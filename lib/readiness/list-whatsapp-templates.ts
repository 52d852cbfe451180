import 'server-only';

// The reminder templates and the WhatsApp Content template (HX…) each sends,
// read from the reminders module's ReminderTemplate table (one row per clinic
// and appointment kind; a kind without a row uses the built-in SMS text and
// has no Content SID). Read with SQL rather than the typed client so that the
// readiness checks work whichever of the two migrations a database has; null
// when the reminders tables are not there, 'whatsapp-off' when the clinic's
// reminder settings turned WhatsApp off.
import { db } from '@/lib/db/client';

import type { TemplateMapping } from './types';

const kinds = [
  ['TELEHEALTH', 'Telehealth reminder'],
  ['IN_PERSON', 'In-person reminder'],
] as const;

export async function listWhatsappTemplates(
  clinicId: string | null,
): Promise<TemplateMapping[] | 'whatsapp-off' | null> {
  const [tables] = await db().$queryRaw<Array<{ templates: boolean; settings: boolean }>>`
    SELECT to_regclass('public."ReminderTemplate"') IS NOT NULL AS templates,
           to_regclass('public."ReminderSettings"') IS NOT NULL AS settings`;
  if (!tables?.templates) return null;
  if (tables.settings && clinicId) {
    const [settings] = await db().$queryRaw<Array<{ whatsappEnabled: boolean }>>`
      SELECT "whatsappEnabled" FROM "ReminderSettings" WHERE "clinicId" = ${clinicId}`;
    if (settings && !settings.whatsappEnabled) return 'whatsapp-off';
  }
  const rows = await db().$queryRaw<Array<{ kind: string; contentSid: string | null }>>`
    SELECT kind::text AS kind, "whatsappContentSid" AS "contentSid"
    FROM "ReminderTemplate"
    WHERE ${clinicId}::text IS NULL OR "clinicId" = ${clinicId}`;
  return kinds.map(([kind, label]) => ({
    label,
    contentSid: rows.find((r) => r.kind === kind)?.contentSid ?? null,
  }));
}
