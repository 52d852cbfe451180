// Looking at the readiness page creates nothing at Twilio: the checks that
// would (the test video room) run only when an admin asks, once, and their
// last result is stored in PostgreSQL and shown with its time from then on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { buildReadinessContext } from '@/lib/readiness/build-context';
import { getReadinessResults } from '@/lib/readiness/get-readiness-results';
import { loadReadinessInputs } from '@/lib/readiness/load-readiness-inputs';
import { readinessChecks } from '@/lib/readiness/registry';
import { checksOnRequest, runCheckOnRequest } from '@/lib/readiness/run-check-on-request';
import { startReadinessServices, type ReadinessServices } from '@/tests/helpers/readiness-fixtures';

let services: ReadinessServices;
let admin: SessionUser;

beforeAll(async () => {
  // Every webhook the signature check probes answers 403, as the real routes do unsigned.
  const refuse = async () => new Response(null, { status: 403 });
  services = await startReadinessServices({
    '/api/appointments/twilio-status-callback/': refuse,
    '/api/twilio/messages/status/': refuse,
    '/api/twilio/messages/inbound/': refuse,
    '/api/twilio/readiness/message-status/': refuse,
    '/api/twilio/usage-triggers/': refuse,
  });
  const clinic = await db().clinic.create({
    data: { name: 'Readiness clinic', timezone: 'Australia/Perth' },
  });
  const user = await db().user.create({
    data: {
      clinicId: clinic.id,
      email: `admin-${clinic.id}@example.test`,
      name: 'Ada Admin',
      role: 'ADMIN',
      passwordHash: 'x',
    },
  });
  admin = {
    id: user.id,
    clinicId: clinic.id,
    role: 'ADMIN',
    name: user.name,
    email: user.email,
    clinicianId: null,
    sessionId: 'test-session',
  };
});
afterAll(async () => {
  await services.stop();
});

async function loadPage() {
  return getReadinessResults(
    admin.clinicId,
    buildReadinessContext(await loadReadinessInputs(admin.clinicId)),
  );
}

describe('the readiness page', () => {
  it('lists the test-room check among those that run only on request', () => {
    expect(checksOnRequest().map((c) => c.id)).toEqual(['video-room-region']);
    // The page still shows every check, in the registry's order.
    expect(readinessChecks.length).toBeGreaterThan(10);
  });

  it('creates nothing at Twilio however often it is loaded, and says the room check has not run yet', async () => {
    for (let i = 0; i < 5; i++) {
      const results = await loadPage();
      expect(results.map((r) => r.id)).toEqual(readinessChecks.map((c) => c.id));
      expect(results.find((r) => r.id === 'video-room-region')).toMatchObject({
        status: 'warn',
        summary: expect.stringContaining('Not run yet'),
        onRequest: { ranAt: null, creates: expect.stringContaining('test video room') },
      });
    }
    expect(services.emulator.rooms()).toHaveLength(0);
    expect(services.emulator.outbox()).toHaveLength(0);
    expect(services.emulator.usageTriggers()).toHaveLength(0);
  });

  it('runs the room check once when an admin asks, stores its result, and shows it with its time afterwards', async () => {
    const now = new Date('2026-12-05T02:15:00Z');
    const result = await runCheckOnRequest(
      admin,
      { checkId: 'video-room-region' },
      buildReadinessContext({ now }),
    );
    expect(result).toMatchObject({ status: 'pass', onRequest: { ranAt: now, ranByName: 'Ada Admin' } });
    const rooms = services.emulator.rooms();
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({ mediaRegion: 'au1', status: 'completed' });

    const stored = await db().readinessCheckRun.findUniqueOrThrow({
      where: { clinicId_checkId: { clinicId: admin.clinicId, checkId: 'video-room-region' } },
    });
    expect(stored).toMatchObject({ status: 'pass', ranById: admin.id, ranAt: now });

    for (let i = 0; i < 3; i++) {
      const shown = (await loadPage()).find((r) => r.id === 'video-room-region');
      expect(shown).toMatchObject({
        status: 'pass',
        summary: result.summary,
        onRequest: { ranAt: now, ranByName: 'Ada Admin' },
      });
    }
    expect(services.emulator.rooms()).toHaveLength(1);
  });

  it('replaces the stored result when asked again, keeping one row per clinic and check', async () => {
    await runCheckOnRequest(
      admin,
      { checkId: 'video-room-region' },
      buildReadinessContext({ now: new Date('2026-12-06T00:00:00Z') }),
    );
    expect(services.emulator.rooms()).toHaveLength(2);
    const rows = await db().readinessCheckRun.findMany({ where: { clinicId: admin.clinicId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ranAt).toEqual(new Date('2026-12-06T00:00:00Z'));
  });

  it('refuses to run a check that only reads, or one that does not exist, on request (404)', async () => {
    for (const checkId of ['balance', 'no-such-check']) {
      await expect(runCheckOnRequest(admin, { checkId }, buildReadinessContext())).rejects.toMatchObject({
        status: 404,
      });
    }
  });

  it('refuses a user without the readiness permission', async () => {
    await expect(
      runCheckOnRequest(
        { ...admin, role: 'STAFF' },
        { checkId: 'video-room-region' },
        buildReadinessContext(),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});
