import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { confirmed, CONFIRM_FIELD } from '@/lib/schemas/confirmation';

describe('confirm dialog before JavaScript runs', () => {
  const html = renderToString(
    <form>
      <ConfirmDialog
        triggerLabel="Cancel appointment"
        title="Cancel this appointment?"
        message="The patient will be told by WhatsApp or SMS."
        confirmLabel="Cancel the appointment"
      />
    </form>,
  );

  it('shows the consequence and a checkbox that must be ticked, so one click does not act', () => {
    expect(html).toContain('Cancel this appointment?');
    expect(html).toContain('The patient will be told by WhatsApp or SMS.');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="confirm"[^>]*value="yes"/);
    expect(html).toContain('Yes, cancel the appointment');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Cancel the appointment<\/button>/);
  });

  it('keeps the consequence behind a closed disclosure named like the trigger until it is opened', () => {
    expect(html).toMatch(/<details(?![^>]*\sopen)[^>]*>\s*<summary[^>]*>Cancel appointment<\/summary>/);
  });

  it('sends no confirmation field except through the checkbox (no hidden input)', () => {
    expect(html).not.toMatch(/type="hidden"/);
    expect(html).not.toContain('<dialog');
  });
});

describe('the confirmation field on the server', () => {
  it('accepts only the value the dialog or checkbox sends', () => {
    expect(confirmed().safeParse('yes').success).toBe(true);
    expect(confirmed().safeParse(undefined).success).toBe(false);
    expect(confirmed().safeParse('on').success).toBe(false);
    expect(CONFIRM_FIELD).toBe('confirm');
  });

  it('refuses a missing confirmation with a plain message', () => {
    const result = confirmed().safeParse(undefined);
    expect(result.error?.issues[0]?.message).toBe('Tick the box to confirm, then try again.');
  });
});
