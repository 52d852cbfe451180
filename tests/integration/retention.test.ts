// The retention job, on a clock the test sets: each kind of record is kept
// until its limit and deleted or anonymised just after it, minors' records wait
// until they turn 25, anonymised rows keep their figures, and running it again
// changes nothing.
import { describe, expect, it } from 'vitest';

import { db } from '@/lib/db/client';
import { applyRetention } from '@/lib/retention/apply-retention';

const NOW = new Date('2026-06-15T03:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function yearsBefore(years: number): Date {
  const d = new Date(NOW);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}
const inside = (cutoff: Date) => new Date(cutoff.getTime() + MINUTE);
const past = (cutoff: Date) => new Date(cutoff.getTime() - MINUTE);
const sevenYears = yearsBefore(7);
const twoYears = yearsBefore(2);
const oneYear = yearsBefore(1);
const ninetyDays = new Date(NOW.getTime() - 90 * DAY);
const thirtyDays = new Date(NOW.getTime() - 30 * DAY);

let seq = 0;
const uid = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function scenario() {
  const clinic = await db().clinic.create({ data: { name: 'Retention clinic' } });
  const user = await db().user.create({
    data: {
      clinicId: clinic.id,
      email: `${uid('c')}@example.test`,
      name: 'Dr Test',
      role: 'CLINICIAN',
      passwordHash: 'x',
    },
  });
  const clinician = await db().clinician.create({
    data: { userId: user.id, givenName: 'Dr', familyName: 'Test' },
  });
  const patient = (dateOfBirth: string | null, createdAt = NOW) =>
    db().patient.create({
      data: {
        clinicId: clinic.id,
        givenName: 'Pat',
        familyName: 'Ient',
        mobile: '+61412345678',
        dateOfBirth: dateOfBirth ? new Date(`${dateOfBirth}T00:00:00Z`) : null,
        createdAt,
      },
    });
  const appointment = (patientId: string, startsAt: Date) =>
    db().appointment.create({
      data: {
        clinicianId: clinician.id,
        patientId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 50 * MINUTE),
        kind: 'TELEHEALTH',
      },
    });

  const adult = await patient('1980-03-01', past(sevenYears));
  // 20 today: was 12 at an appointment 8 years ago, kept until 25.
  const minor = await patient('2006-01-10', past(sevenYears));
  // Turned 25 yesterday: a minor's old appointment goes now.
  const turned25 = await patient('2001-06-14', past(sevenYears));
  // Only an old appointment and added long ago: goes with it.
  const gone = await patient(null, past(sevenYears));
  // Added long ago but still has a kept appointment.
  const recentPatient = await patient(null, NOW);

  const keptAppointment = await appointment(adult.id, inside(sevenYears));
  const oldAppointment = await appointment(adult.id, past(sevenYears));
  const minorAppointment = await appointment(minor.id, yearsBefore(8));
  const turned25Appointment = await appointment(turned25.id, yearsBefore(8));
  const goneAppointment = await appointment(gone.id, yearsBefore(8));

  const reminder = await db().reminder.create({
    data: {
      appointmentId: keptAppointment.id,
      patientId: adult.id,
      source: 'POLICY',
      offsetMinutes: 1440,
      requestedAt: keptAppointment.startsAt,
      dueAt: keptAppointment.startsAt,
      status: 'DELIVERED',
    },
  });
  const message = (channel: 'SMS' | 'WHATSAPP', claimedAt: Date) =>
    db().reminderMessage.create({
      data: {
        reminderId: reminder.id,
        channel,
        status: 'DELIVERED',
        statusRank: 5,
        toAddress: channel === 'SMS' ? '+61412345678' : 'whatsapp:+61412345678',
        fromAddress: '+61400000000',
        bodyHash: 'a'.repeat(64),
        claimToken: uid('claim'),
        claimedAt,
        acceptedAt: claimedAt,
        deliveredAt: claimedAt,
        segments: channel === 'SMS' ? 2 : null,
        twilioSid: uid('SM'),
        isFallback: channel === 'SMS',
      },
    });
  const oldMessage = await message('SMS', past(twoYears));
  const recentMessage = await message('WHATSAPP', inside(twoYears));

  const reply = (receivedAt: Date) =>
    db().inboundReply.create({
      data: {
        messageSid: uid('SM'),
        channel: 'SMS',
        fromAddress: '+61412345678',
        intent: 'CONFIRM',
        keyword: 'YES',
        body: 'Yes see you then, Pat',
        appointmentId: keptAppointment.id,
        receivedAt,
      },
    });
  const oldReply = await reply(past(twoYears));
  const recentReply = await reply(inside(twoYears));

  const session = await db().videoSession.create({ data: { appointmentId: keptAppointment.id } });
  const joinLink = await db().joinLink.create({ data: { sessionId: session.id } });
  const waitingReply = (createdAt: Date) =>
    db().waitingRoomReply.create({
      data: { sessionId: session.id, joinLinkId: joinLink.id, reply: 'RUNNING_LATE', createdAt },
    });
  const waitingMessage = (createdAt: Date) =>
    db().waitingRoomMessage.create({
      data: { sessionId: session.id, authorId: user.id, body: 'Two minutes, Pat', createdAt },
    });

  const statusEvent = (receivedAt: Date) =>
    db().messageStatusEvent.create({
      data: { dedupeKey: uid('k'), messageSid: uid('SM'), status: 'delivered', receivedAt },
    });
  const roomEvent = (receivedAt: Date) =>
    db().videoRoomEvent.create({
      data: { dedupeKey: uid('k'), roomSid: 'RM1', event: 'room-ended', occurredAt: receivedAt, receivedAt },
    });
  const testRun = (startedAt: Date) =>
    db().readinessTestRun.create({
      data: { kind: 'SMS', status: 'PASSED', startedById: user.id, startedAt },
    });
  const keptRun = await testRun(inside(oneYear));
  const testEvent = (receivedAt: Date) =>
    db().readinessTestEvent.create({
      data: { runId: keptRun.id, dedupeKey: uid('k'), resourceSid: 'SM1', event: 'delivered', receivedAt },
    });
  const audit = (at: Date) => db().auditLog.create({ data: { action: 'READ', entityType: 'Patient', at } });
  const authSession = (end: Date, revoked: boolean) =>
    db().authSession.create({
      data: revoked
        ? { userId: user.id, expiresAt: NOW, revokedAt: end }
        : { userId: user.id, expiresAt: end },
    });
  const bucket = (updatedAt: Date) =>
    db().rateLimitBucket.create({ data: { key: uid('b'), windowEndsAt: updatedAt, updatedAt } });
  const passwordLink = (end: Date, how: 'expired' | 'used') =>
    db().passwordLink.create({
      data: {
        userId: user.id,
        purpose: 'RESET',
        tokenHash: uid('h'),
        expiresAt: how === 'expired' ? end : NOW,
        usedAt: how === 'used' ? end : null,
      },
    });

  // [model, id, expected to survive]
  const rows: [string, string, boolean][] = [
    ['appointment', keptAppointment.id, true],
    ['appointment', oldAppointment.id, false],
    ['appointment', minorAppointment.id, true],
    ['appointment', turned25Appointment.id, false],
    ['appointment', goneAppointment.id, false],
    ['patient', adult.id, true],
    ['patient', minor.id, true],
    ['patient', gone.id, false],
    ['patient', recentPatient.id, true],
    ['waitingRoomReply', (await waitingReply(inside(oneYear))).id, true],
    ['waitingRoomReply', (await waitingReply(past(oneYear))).id, false],
    ['waitingRoomMessage', (await waitingMessage(inside(oneYear))).id, true],
    ['waitingRoomMessage', (await waitingMessage(past(oneYear))).id, false],
    ['messageStatusEvent', (await statusEvent(inside(ninetyDays))).id, true],
    ['messageStatusEvent', (await statusEvent(past(ninetyDays))).id, false],
    ['videoRoomEvent', (await roomEvent(inside(ninetyDays))).id, true],
    ['videoRoomEvent', (await roomEvent(past(ninetyDays))).id, false],
    ['readinessTestRun', keptRun.id, true],
    ['readinessTestRun', (await testRun(past(oneYear))).id, false],
    ['readinessTestEvent', (await testEvent(inside(ninetyDays))).id, true],
    ['readinessTestEvent', (await testEvent(past(ninetyDays))).id, false],
    ['auditLog', (await audit(inside(sevenYears))).id, true],
    ['auditLog', (await audit(past(sevenYears))).id, false],
    ['authSession', (await authSession(inside(thirtyDays), false)).id, true],
    ['authSession', (await authSession(past(thirtyDays), false)).id, false],
    ['authSession', (await authSession(inside(thirtyDays), true)).id, true],
    ['authSession', (await authSession(past(thirtyDays), true)).id, false],
    ['passwordLink', (await passwordLink(inside(thirtyDays), 'expired')).id, true],
    ['passwordLink', (await passwordLink(past(thirtyDays), 'expired')).id, false],
    ['passwordLink', (await passwordLink(inside(thirtyDays), 'used')).id, true],
    ['passwordLink', (await passwordLink(past(thirtyDays), 'used')).id, false],
  ];
  const keptBucket = await bucket(inside(ninetyDays));
  const oldBucket = await bucket(past(ninetyDays));
  return { rows, oldMessage, recentMessage, oldReply, recentReply, keptBucket, oldBucket, turned25 };
}

type Finder = { findUnique: (args: { where: { id: string } }) => Promise<unknown> };

async function exists(model: string, id: string): Promise<boolean> {
  const delegate = (db() as unknown as Record<string, Finder>)[model]!;
  return (await delegate.findUnique({ where: { id } })) !== null;
}

describe('retention job', () => {
  it('keeps each record just inside its limit, removes or anonymises it just past, and a second run changes nothing', async () => {
    const s = await scenario();
    const first = await applyRetention({ now: NOW });

    for (const [model, id, survives] of s.rows) {
      expect({ model, id, exists: await exists(model, id) }).toEqual({ model, id, exists: survives });
    }
    expect(await db().rateLimitBucket.findUnique({ where: { key: s.keptBucket.key } })).not.toBeNull();
    expect(await db().rateLimitBucket.findUnique({ where: { key: s.oldBucket.key } })).toBeNull();
    // The minor's patient row stays (their record has appointments kept); the one who turned 25
    // loses the old appointment, and the patient row goes with it (added 7 years ago, none left).
    expect(await exists('patient', s.turned25.id)).toBe(false);

    // Anonymised: recipient and text hash gone, every figure kept.
    const old = await db().reminderMessage.findUniqueOrThrow({ where: { id: s.oldMessage.id } });
    expect(old).toEqual({ ...s.oldMessage, toAddress: '', bodyHash: null, updatedAt: old.updatedAt });
    expect(await db().reminderMessage.findUniqueOrThrow({ where: { id: s.recentMessage.id } })).toMatchObject(
      {
        toAddress: s.recentMessage.toAddress,
        bodyHash: s.recentMessage.bodyHash,
      },
    );
    const oldReply = await db().inboundReply.findUniqueOrThrow({ where: { id: s.oldReply.id } });
    expect(oldReply).toEqual({ ...s.oldReply, fromAddress: '', body: '', keyword: null });
    expect(await db().inboundReply.findUniqueOrThrow({ where: { id: s.recentReply.id } })).toEqual(
      s.recentReply,
    );

    expect(first.counts).toMatchObject({
      appointments: 3,
      patients: 2,
      reminderMessageRecipients: 1,
      inboundReplyContent: 1,
      statusEvents: 1,
      roomEvents: 1,
      readinessTestEvents: 1,
      readinessTestRuns: 1,
      waitingRoomMessages: 1,
      waitingRoomReplies: 1,
      auditEntries: 1,
      authSessions: 2,
      passwordLinks: 2,
      rateLimitBuckets: 1,
    });

    // One audit entry per run, holding counts only.
    const entries = await db().auditLog.findMany({ where: { entityType: 'Retention' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatchObject({ counts: first.counts });

    const second = await applyRetention({ now: NOW });
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
    expect(await db().reminderMessage.findUniqueOrThrow({ where: { id: s.oldMessage.id } })).toEqual(old);
  });

  it('works through a backlog in bounded batches until none is left', async () => {
    const old = new Date(NOW.getTime() - 100 * DAY);
    await db().messageStatusEvent.createMany({
      data: Array.from({ length: 5 }, () => ({
        dedupeKey: uid('k'),
        messageSid: 'SMbatch',
        status: 'sent',
        receivedAt: old,
      })),
    });
    const result = await applyRetention({ now: NOW, batchSize: 2 });
    expect(result.counts.statusEvents).toBe(5);
    // 2 + 2 + 1: the short batch ends the loop.
    expect(result.statements.statusEvents).toBe(3);
    expect(await db().messageStatusEvent.count({ where: { messageSid: 'SMbatch' } })).toBe(0);
  });
});
