// Strings as callers may send them: bounded in length and free of control
// characters, which PostgreSQL refuses in text (NUL: 22021) and no person
// types. Free text (a message body, a note) may keep new lines and tabs.
// Client-safe: forms and the edges share these.
import { z } from 'zod';

// C0 controls except \t \n \r, DEL, and C1 controls.
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

export const CONTROL_MESSAGE = 'Remove the invisible control characters from this field.';

/** One line of text: no control characters at all, at most `max` characters. */
export function singleLine(max: number) {
  return z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !ANY_CONTROL.test(value), CONTROL_MESSAGE);
}

/** Free text: new lines and tabs allowed, other control characters refused, at most `max` characters. */
export function freeText(max: number) {
  return z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !CONTROL_EXCEPT_WHITESPACE.test(value), CONTROL_MESSAGE);
}

/** True when the text holds a control character other than \t \n \r. */
export function hasControlCharacters(value: string, { allowWhitespace = false } = {}): boolean {
  return (allowWhitespace ? CONTROL_EXCEPT_WHITESPACE : ANY_CONTROL).test(value);
}

/** An id the portal issued (cuid), as sent back by a form or a bound argument. */
export const entityId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'This item could not be found. Reload the page.');

/**
 * A form's text fields as they arrive: each optional (a browser leaves out an
 * unticked box), bounded, free of control characters other than tabs and new
 * lines (pasted text carries those; the meaning of each field, trimming
 * included, is checked further in, with the field-level messages people see).
 */
export function textFields<K extends string>(fields: Record<K, number>) {
  const shape = {} as Record<K, z.ZodOptional<ReturnType<typeof freeText>>>;
  for (const [name, max] of Object.entries(fields) as [K, number][]) {
    shape[name] = freeText(max).optional();
  }
  return z.object(shape);
}

/** `textFields` for a list of form fields that share one length limit. */
export function textFieldsOf<K extends string>(names: readonly K[], max = 200) {
  return textFields(Object.fromEntries(names.map((name) => [name, max])) as Record<K, number>);
}
