import 'server-only';

// What the checks compare against, from the database: the admin's settings,
// the manual items ticked, and the reminder templates' WhatsApp mapping. The
// CLI has no signed-in admin, so it reads the deployment's (first) clinic.
import { db } from '@/lib/db/client';

import type { ReadinessContextInput } from './context';
import { getReadinessSettings } from './get-readiness-settings';
import { listManualTicks } from './list-manual-ticks';
import { listWhatsappTemplates } from './list-whatsapp-templates';
import { defaultReadinessSettings } from './types';

export type ReadinessInputs = Pick<ReadinessContextInput, 'settings' | 'manualTicks' | 'whatsappTemplates'>;

export async function loadReadinessInputs(clinicId?: string): Promise<ReadinessInputs> {
  const id =
    clinicId ??
    (await db().clinic.findFirst({ select: { id: true }, orderBy: { createdAt: 'asc' } }))?.id ??
    null;
  if (!id)
    return { settings: defaultReadinessSettings, manualTicks: {}, whatsappTemplates: async () => null };
  const [{ settings }, manualTicks] = await Promise.all([getReadinessSettings(id), listManualTicks(id)]);
  return { settings, manualTicks, whatsappTemplates: () => listWhatsappTemplates(id) };
}
