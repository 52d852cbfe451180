import 'server-only';

import { failedSignInsNotice } from '@/lib/auth/failed-sign-ins-notice';
import type { SessionUser } from '@/lib/auth/session-user';

import { dismissFailedSignInsAction } from './failed-sign-ins-actions';

/**
 * Tells the owner, on whatever page they land on after signing in, how many
 * failed attempts were made on their account since their last sign-in, until
 * they dismiss it. The form is a server action, so it works without JavaScript.
 */
export async function FailedSignInsBanner({ user }: { user: SessionUser }) {
  const message = await failedSignInsNotice(user);
  if (!message) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <form
        action={dismissFailedSignInsAction}
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm"
      >
        <p>{message}</p>
        <button type="submit" className="rounded px-1 py-1 font-medium underline underline-offset-4">
          Dismiss
        </button>
      </form>
    </div>
  );
}
