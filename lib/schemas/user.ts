// Staff accounts: what creating a user, changing a password and the
// second-factor forms accept. Messages are written for the person typing.
import { z } from 'zod';

export const USER_ROLES = ['ADMIN', 'STAFF', 'CLINICIAN'] as const;
export const roleLabels: Record<(typeof USER_ROLES)[number], string> = {
  ADMIN: 'Admin',
  STAFF: 'Reception',
  CLINICIAN: 'Clinician',
};

/** NIST SP 800-63B: length, not composition rules, makes a password strong. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
const NAME_MAX = 100;
const EMAIL_MAX = 254;

const text = (message: string) => z.string({ error: message }).trim();

const newPassword = (label: string) =>
  z
    .string({ error: `Enter a ${label}.` })
    .min(PASSWORD_MIN, { error: `The ${label} must be at least ${PASSWORD_MIN} characters.` })
    .max(PASSWORD_MAX, { error: `The ${label} must be ${PASSWORD_MAX} characters or fewer.` })
    .refine((v) => v.trim().length > 0, { error: `The ${label} cannot be only spaces.` });

const email = text('Enter an email address.')
  .min(1, { error: 'Enter an email address.' })
  .max(EMAIL_MAX, { error: `The email address must be ${EMAIL_MAX} characters or fewer.` })
  .pipe(z.email({ error: 'Enter an email address like name@example.com.' }))
  .transform((v) => v.toLowerCase());

const optionalName = (label: string) =>
  z
    .string()
    .trim()
    .max(NAME_MAX, { error: `${label} must be ${NAME_MAX} characters or fewer.` })
    .nullish()
    .transform((v) => (v ? v : null));

const personFields = {
  name: text('Enter the person’s full name.')
    .min(1, { error: 'Enter the person’s full name.' })
    .max(NAME_MAX, { error: `The name must be ${NAME_MAX} characters or fewer.` }),
  email,
  role: z.enum(USER_ROLES, { error: 'Choose a role.' }),
  givenName: optionalName('Given name'),
  familyName: optionalName('Family name'),
};

/** A clinician needs a Clinician row, which needs the name patients see. */
function requireClinicianNames(
  v: { role: (typeof USER_ROLES)[number]; givenName: string | null; familyName: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.role !== 'CLINICIAN') return;
  if (!v.givenName)
    ctx.addIssue({ code: 'custom', path: ['givenName'], message: 'Enter the clinician’s given name.' });
  if (!v.familyName) {
    ctx.addIssue({ code: 'custom', path: ['familyName'], message: 'Enter the clinician’s family name.' });
  }
}

/** Inviting a person: no password; they choose their own from a one-time link. */
export const inviteUserSchema = z.object(personFields).superRefine(requireClinicianNames);
export type InviteUserInput = z.output<typeof inviteUserSchema>;
export const inviteUserFormFields = ['name', 'email', 'role', 'givenName', 'familyName'] as const;

/**
 * A new role. Becoming a clinician needs the names for the Clinician row, unless
 * the person already has one (they were a clinician before): the operation checks that.
 */
export const changeRoleSchema = z.object({
  role: z.enum(USER_ROLES, { error: 'Choose a role.' }),
  givenName: optionalName('Given name'),
  familyName: optionalName('Family name'),
});
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;

/** An admin corrects a person's name or email (same rules as inviting them). */
export const updateUserDetailsSchema = z.object({ name: personFields.name, email: personFields.email });
export type UpdateUserDetailsInput = z.output<typeof updateUserDetailsSchema>;
export const updateUserDetailsFormFields = ['name', 'email'] as const;

const confirmPassword = z.string({ error: 'Type the new password again.' });

/** The confirmation must repeat the new password; `message` says which. */
function checkConfirmed(
  v: { newPassword: string; confirmPassword: string },
  ctx: z.RefinementCtx,
  message: string,
) {
  if (v.newPassword !== v.confirmPassword)
    ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message });
}

/** Choosing a password from a one-time link: the project's password rules. */
export const setPasswordSchema = z
  .object({ newPassword: newPassword('new password'), confirmPassword })
  .superRefine((v, ctx) => checkConfirmed(v, ctx, 'The two passwords are not the same.'));

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, { error: 'Enter your current password.' }),
    newPassword: newPassword('new password'),
    confirmPassword,
  })
  .superRefine((v, ctx) => {
    checkConfirmed(v, ctx, 'The two new passwords are not the same.');
    if (v.newPassword === v.currentPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'Choose a password different from your current one.',
      });
    }
  });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const confirmPasswordSchema = z.object({
  password: z.string({ error: 'Enter your password.' }).min(1, { error: 'Enter your password.' }),
});

export const totpCodeSchema = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app.' })
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app.' })),
});

export const userIdSchema = z.object({
  userId: z.string({ error: 'Choose a user.' }).trim().min(1).max(64),
});

export const mfaPolicySchema = z.object({
  mfaRequiredForAll: z
    .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal(''), z.boolean()])
    .nullish()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});
