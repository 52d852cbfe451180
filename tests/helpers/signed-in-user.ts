// Stands in for lib/auth/current-user, whose session cookie only exists inside
// a request: a test file mocks that module with this one and sets
// `signedIn.user` to say who each test is.
//   vi.mock('@/lib/auth/current-user', () => import('@/tests/helpers/signed-in-user'));
import type { SessionUser } from '@/lib/auth/session-user';

export const signedIn = { user: null as SessionUser | null };

export async function getSessionUser(): Promise<SessionUser | null> {
  return signedIn.user;
}
