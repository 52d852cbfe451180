// The team page's list: each person's role, status, two-factor state and last
// sign-in, and for a deactivated (or former) clinician the future appointments
// still booked with them, so the administrator rearranges them.
import 'server-only';

import { assertCan } from '@/lib/auth/guards';
import { isMfaRequired } from '@/lib/auth/mfa-requirement';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import type { UserRole } from '@/lib/db/generated/enums';

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  invitePending: boolean;
  deactivatedAt: Date | null;
  lastLoginAt: Date | null;
  totpEnabled: boolean;
  /** Their role (or the clinic's policy) requires two-factor sign-in. */
  totpRequired: boolean;
  /** Has a Clinician row (was or is a clinician): the name patients see. */
  clinicianNames: { givenName: string; familyName: string } | null;
  /** Booked or confirmed appointments from now on; flagged when they cannot run them. */
  futureAppointments: number;
  /** Failed attempts since their last sign-in. */
  failedSinceLastSignIn: number;
  /** The longest sign-in wait running on the account now (any network), or null. */
  signInWaitUntil: Date | null;
  isYou: boolean;
};

export async function listTeam(actor: SessionUser, now: Date = new Date()): Promise<TeamMember[]> {
  assertCan(actor, 'users.manage');
  const [clinic, users] = await Promise.all([
    db().clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { mfaRequiredForAll: true } }),
    db().user.findMany({
      where: { clinicId: actor.clinicId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        invitePending: true,
        deactivatedAt: true,
        lastLoginAt: true,
        totpEnabledAt: true,
        failedLoginCount: true,
        clinician: {
          select: {
            givenName: true,
            familyName: true,
            _count: {
              select: {
                appointments: { where: { startsAt: { gte: now }, status: { in: ['BOOKED', 'CONFIRMED'] } } },
              },
            },
          },
        },
      },
      // Active people first, then by name.
      orderBy: [{ active: 'desc' }, { name: 'asc' }],
    }),
  ]);
  const waits = await db().rateLimitBucket.groupBy({
    by: ['accountId'],
    where: { accountId: { in: users.map((u) => u.id) }, blockedUntil: { gt: now } },
    _max: { blockedUntil: true },
  });
  const waitOf = new Map(waits.map((w) => [w.accountId, w._max.blockedUntil]));
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    invitePending: u.invitePending,
    deactivatedAt: u.deactivatedAt,
    lastLoginAt: u.lastLoginAt,
    totpEnabled: u.totpEnabledAt !== null,
    totpRequired: isMfaRequired(u.role, clinic.mfaRequiredForAll),
    clinicianNames: u.clinician
      ? { givenName: u.clinician.givenName, familyName: u.clinician.familyName }
      : null,
    futureAppointments: u.clinician?._count.appointments ?? 0,
    failedSinceLastSignIn: u.failedLoginCount,
    signInWaitUntil: waitOf.get(u.id) ?? null,
    isYou: u.id === actor.id,
  }));
}

export type FutureAppointment = { id: string; startsAt: Date; kind: 'IN_PERSON' | 'TELEHEALTH' };

/** One person as the team page shows them, with the appointments still booked with them. */
export async function getTeamMember(
  actor: SessionUser,
  userId: string,
  now: Date = new Date(),
): Promise<(TeamMember & { upcoming: FutureAppointment[] }) | null> {
  const member = (await listTeam(actor, now)).find((m) => m.id === userId);
  if (!member) return null;
  const upcoming = await db().appointment.findMany({
    where: {
      clinician: { userId, user: { clinicId: actor.clinicId } },
      startsAt: { gte: now },
      status: { in: ['BOOKED', 'CONFIRMED'] },
    },
    orderBy: { startsAt: 'asc' },
    take: 50,
    select: { id: true, startsAt: true, kind: true },
  });
  return { ...member, upcoming };
}
