// The SessionUser a sign-in would give a user row (read with its clinician), to call lib code as
// them: the very mapping sign-in uses, so the tests cannot drift from it.
export { toSessionUser as sessionUserOf } from '@/lib/auth/session-user-row';
