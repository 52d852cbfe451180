// Failed sign-ins throttle where they come from, with waits that grow, instead of
// locking the account: a stranger who knows a clinician's email cannot keep them
// out. Counted in PostgreSQL, so the limits hold across server instances.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authenticate, type SignInResult } from '@/lib/auth/authenticate';
import { failedSignInsNotice } from '@/lib/auth/failed-sign-ins-notice';
import { clearSignInWaits, listUsersForSecurity } from '@/lib/auth/manage-user-security';
import { TICKET_LIFETIME_MS } from '@/lib/auth/second-factor-ticket';
import type { SessionUser } from '@/lib/auth/session-user';
import { totpCode } from '@/lib/auth/totp';
import { db } from '@/lib/db/client';
import { PrismaClient } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors/app-error';
import type { BucketDb } from '@/lib/rate-limit/bucket-store';
import { SECOND_FACTOR_ACCOUNT, SIGN_IN_ACCOUNT, SIGN_IN_NETWORK } from '@/lib/rate-limit/policies';

import { createAuthClinic, createSignInUser, loginState, TEST_PASSWORD } from '../helpers/auth-fixtures';

const MINUTE = 60_000;
const CLINICIAN_HOME = '198.51.100.7';
// Each test's attacker comes from a network of its own, so no test inherits another's count.
let nextNetwork = 1;
const newNetwork = () => `203.0.113.${nextNetwork++}`;
let clinicId: string;
// A second client with its own pg pool: what a second server instance would use.
let otherPool: pg.Pool;
let otherInstance: PrismaClient;

beforeAll(async () => {
  clinicId = (await createAuthClinic()).id;
  otherPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  otherInstance = new PrismaClient({ adapter: new PrismaPg(otherPool) });
});
afterAll(async () => {
  await otherInstance.$disconnect();
  await otherPool.end().catch(() => {});
});

/** A clock that starts at a fixed instant and moves only when told. */
function clockAt(iso: string) {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

function outcome(r: SignInResult): string {
  if (r.ok) return 'ok';
  if (r.error === 'RATE_LIMITED') return `RATE_LIMITED:${r.scope}:${r.retryAfterSeconds}s`;
  return r.error;
}

async function attempt(email: string, password: string, now: Date, address: string, store?: BucketDb) {
  return outcome(await authenticate({ email, password }, now, { address, store }));
}

async function failTimes(email: string, times: number, now: Date, address: string) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await attempt(email, `wrong password ${i}`, now, address));
  return results;
}

async function sessionCount(userId: string) {
  return db().authSession.count({ where: { userId } });
}

async function adminOf(clinic: string): Promise<SessionUser> {
  const row = await createSignInUser(clinic, { role: 'ADMIN' });
  return { ...row, clinicId: clinic, name: 'Admin', clinicianId: null, sessionId: 'test' };
}

describe('one network guessing one account', () => {
  it('lets five wrong passwords through, then makes each further one wait twice as long as the last', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');

    expect(await failTimes(user.email, 6, clock.now(), attacker)).toEqual(
      Array(6).fill('INVALID_CREDENTIALS'),
    );
    // The sixth started a one-minute wait; attempts during it are refused without being tried.
    expect(await failTimes(user.email, 1, clock.now(), attacker)).toEqual(['RATE_LIMITED:network:60s']);
    clock.advance(30_000);
    expect(await failTimes(user.email, 1, clock.now(), attacker)).toEqual(['RATE_LIMITED:network:30s']);

    clock.advance(30_000);
    expect(await failTimes(user.email, 2, clock.now(), attacker)).toEqual([
      'INVALID_CREDENTIALS',
      'RATE_LIMITED:network:120s',
    ]);
    clock.advance(2 * MINUTE);
    expect(await failTimes(user.email, 2, clock.now(), attacker)).toEqual([
      'INVALID_CREDENTIALS',
      'RATE_LIMITED:network:240s',
    ]);
    // Refused attempts were never tried: the account records only the eight real failures.
    expect((await loginState(user.id)).failedLoginCount).toBe(8);
  });

  it('refuses even the right password from that network while its wait runs, and creates no session', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 6, clock.now(), attacker);

    clock.advance(59_000);
    expect(await attempt(user.email, TEST_PASSWORD, clock.now(), attacker)).toBe('RATE_LIMITED:network:1s');
    expect(await sessionCount(user.id)).toBe(0);

    clock.advance(1_000);
    expect(await attempt(user.email, TEST_PASSWORD, clock.now(), attacker)).toBe('ok');
  });

  it('forgets the count after a successful sign-in from that network', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 5, now, attacker);
    expect(await attempt(user.email, TEST_PASSWORD, now, attacker)).toBe('ok');

    expect(await failTimes(user.email, 6, now, attacker)).toEqual(Array(6).fill('INVALID_CREDENTIALS'));
    expect(await failTimes(user.email, 1, now, attacker)).toEqual(['RATE_LIMITED:network:60s']);
  });

  it('forgets the count after an hour without attempts', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 5, clock.now(), attacker);

    clock.advance(60 * MINUTE);
    expect(await failTimes(user.email, 6, clock.now(), attacker)).toEqual(
      Array(6).fill('INVALID_CREDENTIALS'),
    );
  });

  it('never makes anyone wait longer than an hour, however long the guessing goes on', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    const waits: number[] = [];
    while (waits.length < 8) {
      const answer = await attempt(user.email, `wrong ${waits.length}`, clock.now(), attacker);
      const wait = /^RATE_LIMITED:network:(\d+)s$/.exec(answer);
      if (!wait) {
        expect(answer).toBe('INVALID_CREDENTIALS');
        continue;
      }
      waits.push(Number(wait[1]));
      clock.advance(Number(wait[1]) * 1000);
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });
});

describe('a stranger cannot keep the owner out', () => {
  it('signs the clinician in from their own network while an attacker hammers their email from another', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN' });
    const clock = clockAt('2026-11-25T10:00:00.000Z');

    const hammering = await failTimes(user.email, 40, clock.now(), attacker);
    expect(hammering.filter((a) => a === 'INVALID_CREDENTIALS')).toHaveLength(6);
    expect(hammering.at(-1)).toMatch(/^RATE_LIMITED:network:/);

    expect(await attempt(user.email, TEST_PASSWORD, clock.now(), CLINICIAN_HOME)).toBe('ok');
  });

  it('keeps a network the owner has signed in from open even when the account is tried from many networks', async () => {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN' });
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    expect(await attempt(user.email, TEST_PASSWORD, clock.now(), CLINICIAN_HOME)).toBe('ok');

    // Guessing spread over 60 networks, one attempt each: past the account's own limit of 50.
    const spread = [];
    for (let i = 0; i < 60; i++)
      spread.push(await attempt(user.email, `guess ${i}`, clock.now(), `192.0.2.${i}`));
    expect(spread.slice(0, 51)).toEqual(Array(51).fill('INVALID_CREDENTIALS'));
    expect(spread[51]).toBe('RATE_LIMITED:account:60s');

    // The owner's usual network is not part of the account's throttle; a new one waits only briefly.
    expect(await attempt(user.email, TEST_PASSWORD, clock.now(), CLINICIAN_HOME)).toBe('ok');
    expect(await attempt(user.email, TEST_PASSWORD, clock.now(), '100.64.0.1')).toBe(
      'RATE_LIMITED:account:60s',
    );
    expect(SIGN_IN_ACCOUNT.maxBlockMs).toBeLessThanOrEqual(5 * MINUTE);
  });

  it('no longer ends the owner’s sessions when others fail to sign in', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    expect(await attempt(user.email, TEST_PASSWORD, now, CLINICIAN_HOME)).toBe('ok');
    await failTimes(user.email, 20, now, attacker);
    const live = await db().authSession.count({ where: { userId: user.id, revokedAt: null } });
    expect(live).toBe(1);
  });
});

describe('one network trying many accounts (password spray)', () => {
  it('lets twenty failures through, then makes the whole network wait, while other networks carry on', async () => {
    const attacker = newNetwork();
    const users = await Promise.all(Array.from({ length: 23 }, () => createSignInUser(clinicId)));
    const now = new Date('2026-11-25T10:00:00.000Z');
    const spray = [];
    for (const u of users) spray.push(await attempt(u.email, 'Summer2026!', now, attacker));

    expect(spray.slice(0, 21)).toEqual(Array(21).fill('INVALID_CREDENTIALS'));
    expect(spray.slice(21)).toEqual(['RATE_LIMITED:network:60s', 'RATE_LIMITED:network:60s']);
    expect(SIGN_IN_NETWORK.free).toBe(20);
    // The spray never reached any one account's limits: each owner signs in from home.
    expect(await attempt(users[0]!.email, TEST_PASSWORD, now, CLINICIAN_HOME)).toBe('ok');
  });

  it('counts unknown emails like real ones, so a spray cannot tell which accounts exist', async () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const address = '203.0.113.77';
    const answers = [];
    for (let i = 0; i < 22; i++)
      answers.push(await attempt(`nobody-${i}@example.test`, 'x-password', now, address));
    expect(answers.slice(0, 21)).toEqual(Array(21).fill('INVALID_CREDENTIALS'));
    expect(answers[21]).toBe('RATE_LIMITED:network:60s');
  });
});

describe('limits hold across server instances', () => {
  it('counts attempts made through two database clients as one series', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    const address = '203.0.113.120';
    const answers = [];
    for (let i = 0; i < 8; i++) {
      const store = i % 2 === 0 ? db() : otherInstance;
      answers.push(await attempt(user.email, `wrong ${i}`, now, address, store));
    }
    expect(answers).toEqual([
      ...Array(6).fill('INVALID_CREDENTIALS'),
      'RATE_LIMITED:network:60s',
      'RATE_LIMITED:network:60s',
    ]);
  });

  it('lets exactly six of twenty simultaneous guesses through, split over two instances', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    const address = '203.0.113.121';
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(user.email, `wrong ${i}`, now, address, i % 2 === 0 ? db() : otherInstance),
      ),
    );
    expect(answers.filter((a) => a === 'INVALID_CREDENTIALS')).toHaveLength(6);
    expect(answers.filter((a) => a.startsWith('RATE_LIMITED:network:'))).toHaveLength(14);
    expect((await loginState(user.id)).failedLoginCount).toBe(6);
  });
});

describe('the owner is told at their next sign-in', () => {
  it('records how many attempts failed since the last sign-in and when the latest was, on the new session', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN' });
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 2, clock.now(), attacker);
    clock.advance(5 * MINUTE);
    await failTimes(user.email, 1, clock.now(), attacker);
    const latest = clock.now();

    clock.advance(60 * MINUTE);
    const result = await authenticate({ email: user.email, password: TEST_PASSWORD }, clock.now(), {
      address: CLINICIAN_HOME,
    });
    if (!result.ok) throw new Error(outcome(result));

    const session = await db().authSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ failedSignInsNotice: 3, failedSignInsLatestAt: latest });
    const me: SessionUser = {
      ...user,
      clinicId,
      name: 'Test',
      clinicianId: null,
      sessionId: result.sessionId,
    };
    // 10:05 UTC is 9:05 pm in Sydney (daylight time).
    expect(await failedSignInsNotice(me)).toBe(
      '3 failed sign-in attempts on your account since your last sign-in, the latest on Wednesday 25 November at 9:05 pm (clinic time). If this wasn’t you, tell the practice manager.',
    );
    expect(await loginState(user.id)).toMatchObject({ failedLoginCount: 0, lastFailedLoginAt: null });

    // Told once: the next sign-in has nothing to report.
    const again = await authenticate({ email: user.email, password: TEST_PASSWORD }, clock.now(), {
      address: CLINICIAN_HOME,
    });
    if (!again.ok) throw new Error(outcome(again));
    expect(await failedSignInsNotice({ ...me, sessionId: again.sessionId })).toBeNull();
  });
});

describe('the second factor', () => {
  async function codeUser() {
    const user = await createSignInUser(clinicId, { role: 'CLINICIAN', totp: true });
    const now = new Date('2026-11-25T10:00:00.000Z');
    const right = totpCode(user.totpSecret!, now.getTime());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    return { user, now, right, wrong };
  }

  async function ticketFor(email: string, now: Date, address = CLINICIAN_HOME) {
    const step1 = await authenticate({ email, password: TEST_PASSWORD }, now, { address });
    if (step1.ok || step1.error !== 'CODE_REQUIRED') throw new Error(outcome(step1));
    return step1.ticket;
  }

  it('asks for the code after a right password with a ticket that signs in with the code, never the password', async () => {
    const { user, now, right } = await codeUser();
    const ticket = await ticketFor(user.email, now);
    expect(ticket).not.toContain(TEST_PASSWORD);

    const result = await authenticate({ email: user.email, ticket, code: right }, now, {
      address: CLINICIAN_HOME,
    });
    expect(result.ok).toBe(true);
  });

  it('does not count a right password that still needs its code, and does not clear the count either', async () => {
    const { user, now } = await codeUser();
    await failTimes(user.email, 4, now, CLINICIAN_HOME);
    for (let i = 0; i < 5; i++) await ticketFor(user.email, now);
    expect((await loginState(user.id)).failedLoginCount).toBe(4);
    expect(await failTimes(user.email, 3, now, CLINICIAN_HOME)).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'RATE_LIMITED:network:60s',
    ]);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('throttles wrong codes from anywhere: ten, then growing waits', async () => {
    const { user, now, wrong, right } = await codeUser();
    const answers = [];
    for (let i = 0; i < 11; i++) {
      // A different network each time, so only the codes' own throttle applies.
      const address = `192.0.2.${100 + i}`;
      const ticket = await ticketFor(user.email, now, address);
      answers.push(outcome(await authenticate({ email: user.email, ticket, code: wrong }, now, { address })));
    }
    expect(answers).toEqual([...Array(10).fill('CODE_INVALID'), 'CODE_INVALID']);
    const ticket = await ticketFor(user.email, now, '192.0.2.200');
    expect(
      outcome(
        await authenticate({ email: user.email, ticket, code: right }, now, { address: '192.0.2.200' }),
      ),
    ).toBe('RATE_LIMITED:account:60s');
    expect(SECOND_FACTOR_ACCOUNT.free).toBe(10);
  });

  it('refuses a ticket after ten minutes, or once the password has changed', async () => {
    const { user, now, right } = await codeUser();
    const ticket = await ticketFor(user.email, now);
    const later = new Date(now.getTime() + TICKET_LIFETIME_MS);
    expect(
      outcome(
        await authenticate({ email: user.email, ticket, code: right }, later, { address: CLINICIAN_HOME }),
      ),
    ).toBe('TICKET_EXPIRED');

    const fresh = await ticketFor(user.email, now);
    await db().user.update({ where: { id: user.id }, data: { passwordHash: 'changed elsewhere' } });
    expect(
      outcome(
        await authenticate({ email: user.email, ticket: fresh, code: right }, now, {
          address: CLINICIAN_HOME,
        }),
      ),
    ).toBe('TICKET_EXPIRED');
  });

  it('refuses a ticket for another account or a made-up one like a wrong code', async () => {
    const { user, now, right } = await codeUser();
    const other = await createSignInUser(clinicId, { role: 'CLINICIAN', totp: true });
    const ticket = await ticketFor(other.email, now);
    expect(
      outcome(
        await authenticate({ email: user.email, ticket, code: right }, now, { address: CLINICIAN_HOME }),
      ),
    ).toBe('CODE_INVALID');
    expect(
      outcome(
        await authenticate({ email: user.email, ticket: 'bm9wZQ.xyz', code: right }, now, {
          address: CLINICIAN_HOME,
        }),
      ),
    ).toBe('CODE_INVALID');
  });
});

describe('administrators', () => {
  it('can end the sign-in waits on an account, which the security page lists, and it is audited', async () => {
    const attacker = newNetwork();
    const user = await createSignInUser(clinicId);
    const admin = await adminOf(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    await failTimes(user.email, 7, now, attacker);

    const before = (await listUsersForSecurity(admin, now)).find((u) => u.id === user.id)!;
    expect(before.signInWaitUntil?.getTime()).toBe(now.getTime() + MINUTE);
    expect(before.failedSinceLastSignIn).toBe(6);

    await clearSignInWaits(admin, { userId: user.id });

    const after = (await listUsersForSecurity(admin, now)).find((u) => u.id === user.id)!;
    expect(after.signInWaitUntil).toBeNull();
    expect(await attempt(user.email, TEST_PASSWORD, now, attacker)).toBe('ok');
    const entry = await db().auditLog.findFirst({ where: { actorId: admin.id, entityId: user.id } });
    expect(entry).toMatchObject({ action: 'UPDATE', entityType: 'User', outcome: 'SUCCESS' });
  });

  it('refuses to end waits for someone without users.manage', async () => {
    const user = await createSignInUser(clinicId);
    const staffRow = await createSignInUser(clinicId, { role: 'STAFF' });
    const staff: SessionUser = { ...staffRow, clinicId, name: 'Staff', clinicianId: null, sessionId: 'test' };
    await expect(clearSignInWaits(staff, { userId: user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(clearSignInWaits(staff, { userId: user.id })).rejects.toBeInstanceOf(AppError);
  });

  it('cannot end the waits on an account of another clinic', async () => {
    const otherClinic = await createAuthClinic();
    const stranger = await createSignInUser(otherClinic.id);
    const admin = await adminOf(clinicId);
    await expect(clearSignInWaits(admin, { userId: stranger.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('what sign-in answers and keeps', () => {
  it('gives an unknown email the same answer as a wrong password', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    const unknown = await authenticate({ email: 'nobody-here@example.test', password: TEST_PASSWORD }, now);
    const wrong = await authenticate({ email: user.email, password: 'not the password' }, now);
    expect(unknown).toEqual({ ok: false, error: 'INVALID_CREDENTIALS' });
    expect(wrong).toEqual(unknown);
  });

  it('gives a deactivated account the wrong-password answer, and says it is deactivated only after the right password', async () => {
    const user = await createSignInUser(clinicId, { active: false });
    const wrong = await authenticate({ email: user.email, password: 'not the password' }, new Date());
    expect(wrong).toEqual({ ok: false, error: 'INVALID_CREDENTIALS' });
    const right = await authenticate({ email: user.email, password: TEST_PASSWORD }, new Date());
    expect(right).toEqual({ ok: false, error: 'ACCOUNT_DEACTIVATED' });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('matches the email whatever its case and surrounding spaces', async () => {
    const user = await createSignInUser(clinicId);
    const result = await authenticate(
      { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
      new Date(),
    );
    expect(result.ok).toBe(true);
  });

  it('writes audit entries for refused and successful sign-ins without the email or password', async () => {
    const user = await createSignInUser(clinicId);
    const now = new Date('2026-11-25T10:00:00.000Z');
    await authenticate({ email: user.email, password: 'wrong password!' }, now);
    await authenticate({ email: user.email, password: TEST_PASSWORD }, now);

    const entries = await db().auditLog.findMany({
      where: { OR: [{ actorId: user.id }, { detail: { path: ['userId'], equals: user.id } }] },
      orderBy: { at: 'asc' },
    });
    expect(entries.map((e) => e.outcome)).toEqual(['DENIED', 'SUCCESS']);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(TEST_PASSWORD);
  });

  it('keeps no address or email in the throttle table', async () => {
    const user = await createSignInUser(clinicId);
    await failTimes(user.email, 3, new Date('2026-11-25T10:00:00.000Z'), '203.0.113.250');
    const rows = await db().rateLimitBucket.findMany({ select: { key: true } });
    const keys = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(keys).not.toContain('203.0.113.250');
    expect(keys).not.toContain(user.email);
    expect(keys).not.toContain(user.email.split('@')[0]!);
  });
});
