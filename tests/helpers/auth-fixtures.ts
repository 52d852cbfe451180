// People who can sign in, for the sign-in and session integration tests: real
// Argon2id password hashes, and optionally an authenticator secret.
import { hashPassword } from '@/lib/auth/password';
import { generateTotpSecret } from '@/lib/auth/totp';
import { db } from '@/lib/db/client';
import type { UserRole } from '@/lib/db/generated/enums';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = 'a-long-test-password-2026';

export async function createAuthClinic(options: { mfaRequiredForAll?: boolean } = {}) {
  return db().clinic.create({
    data: { name: `Auth clinic ${unique()}`, mfaRequiredForAll: options.mfaRequiredForAll ?? false },
  });
}

export type SignInUser = { id: string; email: string; role: UserRole; totpSecret: string | null };

export async function createSignInUser(
  clinicId: string,
  options: { role?: UserRole; totp?: boolean; active?: boolean; password?: string } = {},
): Promise<SignInUser> {
  const role = options.role ?? 'STAFF';
  const totpSecret = options.totp ? generateTotpSecret() : null;
  const email = `${role.toLowerCase()}.${unique()}@example.test`;
  const user = await db().user.create({
    data: {
      clinicId,
      email,
      name: `Test ${role.toLowerCase()}`,
      role,
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
      totpSecret,
      totpEnabledAt: totpSecret ? new Date('2026-01-01T00:00:00Z') : null,
      ...(role === 'CLINICIAN'
        ? { clinician: { create: { givenName: 'Test', familyName: 'Clinician' } } }
        : {}),
    },
    select: { id: true },
  });
  return { id: user.id, email, role, totpSecret };
}

export async function loginState(userId: string) {
  return db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { failedLoginCount: true, lastFailedLoginAt: true, lastLoginAt: true, totpLastStep: true },
  });
}
