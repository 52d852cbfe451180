'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { formAction } from '@/lib/http/form-action';
import type { FormState } from '@/lib/schemas/form-state';
import { setPasswordSchema } from '@/lib/schemas/user';
import { setPasswordWithLink } from '@/lib/users/set-password-with-link';

const setPasswordForm = z.object({
  // The link's secret travels in the POST body (and the page's own path), never in a query.
  token: z.string().max(128).default(''),
  newPassword: z.string().max(1024).optional(),
  confirmPassword: z.string().max(1024).optional(),
});

// POST /set-password/{token} – choose a password from a one-time link (an invite
// or a reset). Works without JavaScript; success redirects (303) to sign in.
export async function setPasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  return formAction(
    {
      event: 'auth.set_password_failed',
      schema: setPasswordForm,
      fields: ['token', 'newPassword', 'confirmPassword'],
      // Nothing typed here is ever sent back into the page.
      secret: ['token', 'newPassword', 'confirmPassword'],
    },
    previous,
    formData,
    async (input) => {
      const values = setPasswordSchema.parse({
        newPassword: input.newPassword ?? '',
        confirmPassword: input.confirmPassword ?? '',
      });
      const done = await setPasswordWithLink(input.token, values.newPassword, new Date());
      redirect(`/sign-in?passwordSet=${done.mustSetUpTwoFactor ? 'two-factor' : '1'}`);
    },
  );
}
