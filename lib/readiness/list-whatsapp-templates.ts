import 'server-only';

// The reminder templates and the WhatsApp Content template (HX…) each sends,
// read from the reminders module's ReminderTemplate table (one row per clinic
// and appointment kind; a kind without a row uses the built-in SMS text and
// has no Content SID). Read with SQL rather than the typed client so that the
// readiness checks work whichever of the two migrations a database has; null
// when the reminders tables are not there, 'whatsapp-off' when the clinic's
// reminder settings turned WhatsApp off.
import { db } from '@/lib/db/client';
import { runQuery } from '@/lib/db/queries/run-query';
import {
  reminderTablesPresent,
  templateContentSids,
  whatsappEnabledQuery,
} from '@/lib/db/queries/whatsapp-templates';

import type { TemplateMapping } from './types';

const kinds = [
  ['TELEHEALTH', 'Telehealth reminder'],
  ['IN_PERSON', 'In-person reminder'],
] as const;

export async function listWhatsappTemplates(
  clinicId: string | null,
): Promise<TemplateMapping[] | 'whatsapp-off' | null> {
  const [tables] = await runQuery(db(), reminderTablesPresent, []);
  if (!tables?.templates) return null;
  if (tables.settings && clinicId) {
    const [settings] = await runQuery(db(), whatsappEnabledQuery, [clinicId]);
    if (settings && !settings.whatsappEnabled) return 'whatsapp-off';
  }
  const rows = await runQuery(db(), templateContentSids, [clinicId]);
  return kinds.map(([kind, label]) => ({
    label,
    contentSid: rows.find((r) => r.kind === kind)?.contentSid ?? null,
  }));
}
