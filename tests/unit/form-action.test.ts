import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { expectLogError } from '@/tests/helpers/log-capture';

const guards = vi.hoisted(() => ({ requirePermission: vi.fn() }));
vi.mock('@/lib/auth/guards', () => guards);

const { formAction } = await import('@/lib/http/form-action');
const { AppError } = await import('@/lib/errors/app-error');
const { singleLine } = await import('@/lib/schemas/safe-text');

const schema = z.object({ id: z.string().min(1), label: singleLine(20), password: z.string().min(1) });
const user = { id: 'usr_1', clinicId: 'cln_1', role: 'ADMIN', name: 'A', email: 'a@x', clinicianId: null };

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

const spec = {
  event: 'test.action_failed',
  schema,
  fields: ['label', 'password'],
  secret: ['password'],
  args: { id: 'apt_1' },
  permission: 'apiTokens.manage' as const,
};

describe('formAction (the server-action edge)', () => {
  beforeEach(() => {
    guards.requirePermission.mockReset();
    guards.requirePermission.mockResolvedValue(user);
  });

  it('hands typed values and the signed-in user to the operation and counts the attempt', async () => {
    const operation = vi.fn(async () => ({ status: 'success' as const, message: 'Done.' }));
    const state = await formAction(
      spec,
      { status: 'idle', attempt: 2 },
      form({ label: 'x', password: 'p' }),
      operation,
    );
    expect(state).toEqual({ status: 'success', message: 'Done.', attempt: 3 });
    expect(operation).toHaveBeenCalledWith(
      { id: 'apt_1', label: 'x', password: 'p' },
      { user, values: { label: 'x' } },
    );
    expect(guards.requirePermission).toHaveBeenCalledWith('apiTokens.manage');
  });

  it('refuses a NUL character with a field message, after authorizing and before running anything', async () => {
    const operation = vi.fn();
    const state = await formAction(
      spec,
      { status: 'idle', attempt: 0 },
      form({ label: 'a\u0000b', password: 'p' }),
      operation,
    );
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.label?.[0]).toMatch(/control characters/);
    expect(state.values).toEqual({ label: 'a\u0000b' });
    expect(operation).not.toHaveBeenCalled();
    expect(guards.requirePermission).toHaveBeenCalledWith('apiTokens.manage');
  });

  it('tells a person without the permission nothing about the fields they sent', async () => {
    // What forbidden() throws: Next's own control flow, which must reach Next untouched.
    const refusal = Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;403'), {
      digest: 'NEXT_HTTP_ERROR_FALLBACK;403',
    });
    guards.requirePermission.mockRejectedValue(refusal);
    const operation = vi.fn();
    const attempt = formAction(spec, { status: 'idle', attempt: 0 }, form({ label: 'a\u0000b' }), operation);
    await expect(attempt).rejects.toBe(refusal);
    expect(operation).not.toHaveBeenCalled();
  });

  it('never echoes a secret field back', async () => {
    const state = await formAction(
      spec,
      { status: 'idle', attempt: 0 },
      form({ label: 'x'.repeat(21), password: 'hunter2' }),
      vi.fn(),
    );
    expect(state.fieldErrors?.label).toBeDefined();
    expect(JSON.stringify(state)).not.toContain('hunter2');
  });

  it('answers a crafted request (no FormData, a previous state that is not one) with field errors, not a throw', async () => {
    const state = await formAction(spec, 'nonsense', 42, vi.fn());
    expect(state).toMatchObject({ status: 'error', attempt: 1 });
    expect(Object.keys(state.fieldErrors ?? {})).toEqual(expect.arrayContaining(['label', 'password']));
  });

  it('turns an AppError from the operation into a form message', async () => {
    const state = await formAction(
      spec,
      { status: 'idle', attempt: 0 },
      form({ label: 'x', password: 'p' }),
      async () => {
        throw new AppError('CONFLICT', 'That label is taken.', {
          fieldErrors: { label: ['That label is taken.'] },
        });
      },
    );
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: { label: ['That label is taken.'] },
      attempt: 1,
    });
  });

  it('logs an unexpected failure by name and code only and answers in general terms', async () => {
    const state = await expectLogError('test.action_failed', () =>
      formAction(spec, { status: 'idle', attempt: 0 }, form({ label: 'x', password: 'p' }), async () => {
        throw Object.assign(new Error('value "secret" violates'), { code: 'P2000' });
      }),
    );
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/nothing was saved/);
  });

  it("lets Next's redirect from the guard through instead of reporting it", async () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), {
      digest: 'NEXT_REDIRECT;replace;/sign-in;307;',
    });
    guards.requirePermission.mockRejectedValue(redirect);
    await expect(
      formAction(spec, { status: 'idle', attempt: 0 }, form({ label: 'x', password: 'p' }), vi.fn()),
    ).rejects.toBe(redirect);
  });
});

describe('textFields (the form edge for text)', () => {
  it('keeps the tabs and new lines pasted text brings, refuses NUL and other controls, and bounds the length', async () => {
    const { textFields } = await import('@/lib/schemas/safe-text');
    const schema = textFields({ name: 10 });
    expect(schema.safeParse({ name: 'Jane\t' }).success).toBe(true);
    expect(schema.safeParse({ name: 'a\r\nb' }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ name: 'a\u0000b' }).success).toBe(false);
    expect(schema.safeParse({ name: 'a\u001bb' }).success).toBe(false);
    expect(schema.safeParse({ name: 'x'.repeat(11) }).success).toBe(false);
  });
});
