// The newcomer's demo: loading the demo data twice changes nothing the second time,
// and both times name the next telehealth appointment, whose join link stays the same.
import { describe, expect, it } from 'vitest';

import { db } from '@/lib/db/client';
import { createDemoJoinLink } from '@/lib/video/links/create-demo-join-link';
import { seedDatabase } from '@/scripts/seed/seed-database';

describe('demo data', () => {
  it('names the next telehealth appointment on every run, and its join link survives a restart', async () => {
    const now = new Date();
    const first = await seedDatabase(db(), now);
    expect(first.seeded).toBe(true);
    expect(first.nextTelehealthId).not.toBeNull();
    const appointments = await db().appointment.count();

    const again = await seedDatabase(db(), now);
    expect(again).toMatchObject({ seeded: false, clinicId: first.clinicId, appointments: 0 });
    expect(again.nextTelehealthId).toBe(first.nextTelehealthId);
    expect(await db().appointment.count()).toBe(appointments);

    const link = await createDemoJoinLink(again.nextTelehealthId!);
    expect(link).toMatch(/\/join\/[A-Za-z0-9._~-]+$/);
    expect(await createDemoJoinLink(again.nextTelehealthId!)).toBe(link);
  });

  it('names none once every telehealth appointment is past or cancelled', async () => {
    await seedDatabase(db());
    await db().appointment.updateMany({ where: { kind: 'TELEHEALTH' }, data: { status: 'CANCELLED' } });
    expect((await seedDatabase(db())).nextTelehealthId).toBeNull();
  });
});
