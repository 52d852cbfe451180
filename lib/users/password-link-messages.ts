// What the set-password page says about a link that no longer works. Plain,
// kind, and about the link only: nothing about the account behind it.
export type DeadPasswordLink = 'unknown' | 'expired' | 'used' | 'revoked';

export const passwordLinkMessages: Record<DeadPasswordLink, { title: string; text: string }> = {
  unknown: {
    title: 'This link doesn’t work',
    text: 'Check that you copied the whole link. If it still doesn’t work, ask your practice manager for a new one.',
  },
  expired: {
    title: 'This link has expired',
    text: 'Links to set a password work for a limited time. Ask your practice manager for a new one.',
  },
  used: {
    title: 'This link has already been used',
    text: 'Each link works once. If you set your password, sign in with it. If you didn’t, tell your practice manager straight away.',
  },
  revoked: {
    title: 'This link no longer works',
    text: 'A newer link was made, or the account was changed. Ask your practice manager for a new one.',
  },
};
