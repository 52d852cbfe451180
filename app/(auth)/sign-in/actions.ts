'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { authenticate } from '@/lib/auth/authenticate';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { setSessionCookie } from '@/lib/auth/set-session-cookie';
import { rateLimitedMessage, signInMessages } from '@/lib/auth/sign-in-messages';
import { formAction } from '@/lib/http/form-action';
import { clientAddress } from '@/lib/rate-limit/client-address';
import type { FormState } from '@/lib/schemas/form-state';

/**
 * What the sign-in form shows next. The code step carries the ticket that
 * proves the password (never the password itself); it is rendered into a
 * hidden field, so the form works the same without JavaScript.
 */
export type SignInState = FormState & {
  step?: 'password' | 'code';
  ticket?: string;
  email?: string;
  recovery?: boolean;
};

const signInSchema = z.object({
  intent: z.enum(['sign-in', 'use-recovery-code', 'use-authenticator', 'restart']).default('sign-in'),
  email: z.string().max(320).default(''),
  password: z.string().max(1024).optional(),
  ticket: z.string().max(512).optional(),
  code: z.string().max(64).optional(),
  recovery: z.enum(['0', '1']).optional(),
  next: z.string().max(2048).optional(),
});

// POST /sign-in – email and password, then (when enrolled) the authenticator or
// recovery code. Success sets the session cookie and redirects (303), also
// without JavaScript; nothing typed ever goes into a URL.
export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  return formAction<typeof signInSchema, Omit<SignInState, keyof FormState>>(
    {
      event: 'auth.sign_in_failed',
      schema: signInSchema,
      fields: ['intent', 'email', 'password', 'ticket', 'code', 'recovery', 'next'],
      secret: ['password', 'ticket', 'code'],
    },
    previous,
    formData,
    async (input) => {
      const email = input.email.trim();
      const codeStep = {
        step: 'code' as const,
        ticket: input.ticket,
        email,
        recovery: input.recovery === '1',
      };

      // Switching between authenticator and recovery code, or starting again: no attempt is made.
      if (input.intent === 'restart') return { status: 'idle' };
      if (input.intent === 'use-recovery-code' || input.intent === 'use-authenticator') {
        return { status: 'idle', ...codeStep, recovery: input.intent === 'use-recovery-code' };
      }
      if (input.ticket && !input.code?.trim()) {
        const message = codeStep.recovery
          ? signInMessages.RECOVERY_CODE_MISSING
          : signInMessages.CODE_MISSING;
        return { status: 'error', ...codeStep, fieldErrors: { code: [message] } };
      }

      const result = await authenticate(
        input.ticket
          ? { email, ticket: input.ticket, code: input.code }
          : { email, password: input.password ?? '' },
        new Date(),
        { address: clientAddress(await headers()) },
      );
      if (result.ok) {
        await setSessionCookie(result.sessionId);
        redirect(result.mfaPending ? '/account/security/setup' : (safeNextPath(input.next) ?? '/dashboard'));
      }
      switch (result.error) {
        case 'CODE_REQUIRED':
          return { status: 'idle', ...codeStep, ticket: result.ticket, recovery: false };
        case 'CODE_INVALID': {
          const message = codeStep.recovery
            ? signInMessages.RECOVERY_CODE_INVALID
            : signInMessages.CODE_INVALID;
          return { status: 'error', ...codeStep, fieldErrors: { code: [message] } };
        }
        case 'RATE_LIMITED': {
          const message = rateLimitedMessage(result.scope, result.retryAfterSeconds);
          // On the code step, stay there: the ticket still holds once the wait is over.
          return input.ticket
            ? { status: 'error', ...codeStep, message }
            : { status: 'error', step: 'password', email, message };
        }
        case 'TICKET_EXPIRED':
          return { status: 'error', step: 'password', email, message: signInMessages.TICKET_EXPIRED };
        case 'INVALID_CREDENTIALS':
          return { status: 'error', step: 'password', email, message: signInMessages.INVALID_CREDENTIALS };
        case 'ACCOUNT_DEACTIVATED':
          return { status: 'error', step: 'password', email, message: signInMessages.ACCOUNT_DEACTIVATED };
      }
    },
  );
}
