// The clinic's own details an admin keeps: the phone number patients call
// (shown, tap to call, whenever a join link no longer works, and in reminders).
import { z } from 'zod';

export const clinicPhoneSchema = z.object({
  contactPhone: z
    .string()
    .trim()
    .max(30, 'Keep the phone number under 30 characters.')
    .refine((v) => v === '' || /^\+?[0-9 ()-]+$/.test(v), {
      message: 'Use digits, spaces and an optional leading +, such as 02 9000 0000 or +61 2 9000 0000.',
    })
    .refine((v) => v === '' || v.replace(/\D/g, '').length >= 6, {
      message: 'That number looks too short: include the area code.',
    })
    .transform((v) => (v === '' ? null : v)),
});
