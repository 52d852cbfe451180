'use server';

import { z } from 'zod';

import { issueApiToken } from '@/lib/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { changeAction } from '@/lib/http/change-action';
import { CONFIRM_FIELD, confirmed } from '@/lib/schemas/confirmation';
import type { FormState } from '@/lib/schemas/form-state';
import { entityId, textFields } from '@/lib/schemas/safe-text';

export type IssueTokenState = FormState & { token?: string };

const issueForm = textFields({ userId: 64, label: 200, expiresInDays: 16 });
// Revoking must be confirmed (components/ui/confirm-dialog.tsx), with or without JavaScript.
const revokeForm = z.object({ tokenId: entityId, [CONFIRM_FIELD]: confirmed() });

// POST /admin/api-tokens – issue a token for a user; the token is in the answer, once.
export async function issueApiTokenAction(
  previous: IssueTokenState,
  formData: FormData,
): Promise<IssueTokenState> {
  return changeAction<typeof issueForm, { token: string }, 'apiTokens.manage', { token: string }>(
    { event: 'admin.issue_api_token_failed', schema: issueForm, permission: 'apiTokens.manage' },
    previous,
    formData,
    issueApiToken,
    (issued) => ({
      status: 'success',
      message:
        'Token issued. Copy it now: it is shown only once. Store it in the other system’s secret settings.',
      token: issued.token,
    }),
  );
}

// POST /admin/api-tokens – revoke a token; its next use is refused.
export async function revokeApiTokenAction(previous: FormState, formData: FormData): Promise<FormState> {
  return changeAction(
    { event: 'admin.revoke_api_token_failed', schema: revokeForm, permission: 'apiTokens.manage' },
    previous,
    formData,
    (user, { tokenId }) => revokeApiToken(user, tokenId),
    ({ changed }) =>
      changed ? 'Token revoked. It stops working at once.' : 'That token was already revoked.',
  );
}
