// The field a destructive form must carry to act: the confirm dialog's button
// sends it, and without JavaScript the person ticks a box that sends it. The
// server refuses the action without it, so nothing destructive happens on one
// click, whatever the browser ran. Client-safe (no server imports).
import { z } from 'zod';

/** The form field name the confirm dialog (components/ui/confirm-dialog.tsx) sends. */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRM_VALUE = 'yes';

/** Add to a server action's schema as `[CONFIRM_FIELD]: confirmed()` and list CONFIRM_FIELD in `fields`. */
export function confirmed(message = 'Tick the box to confirm, then try again.') {
  return z.literal(CONFIRM_VALUE, { error: message });
}
