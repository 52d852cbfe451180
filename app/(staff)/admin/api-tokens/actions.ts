'use server';

import { refresh } from 'next/cache';

import { issueApiToken } from '@/lib/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { requirePermission } from '@/lib/auth/guards';
import { runFormAction } from '@/lib/auth/run-form-action';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export type IssueTokenState = FormState & { token?: string };

// POST /admin/api-tokens – issue a token for a user; the token is in the answer, once.
export async function issueApiTokenAction(
  previous: IssueTokenState,
  formData: FormData,
): Promise<IssueTokenState> {
  const admin = await requirePermission('apiTokens.manage');
  const values = formValues(formData, ['userId', 'label', 'expiresInDays']);
  return runFormAction<{ token: string }>('admin.issue_api_token_failed', previous, values, async () => {
    const issued = await issueApiToken(admin, values);
    refresh();
    return {
      status: 'success',
      message:
        'Token issued. Copy it now: it is shown only once. Store it in the other system’s secret settings.',
      token: issued.token,
    };
  });
}

// POST /admin/api-tokens – revoke a token; its next use is refused.
export async function revokeApiTokenAction(previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requirePermission('apiTokens.manage');
  return runFormAction('admin.revoke_api_token_failed', previous, {}, async () => {
    const { changed } = await revokeApiToken(admin, formData.get('tokenId'));
    refresh();
    return {
      status: 'success',
      message: changed ? 'Token revoked. It stops working at once.' : 'That token was already revoked.',
    };
  });
}
