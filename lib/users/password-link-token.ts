// The secret in a one-time set-password link and how it is stored: 256 random
// bits, so a plain SHA-256 is enough at rest (it cannot be guessed), and the
// secret itself is shown once, in the administrator's answer, and never stored
// or logged.
import 'server-only';

import { createHash, randomBytes } from 'node:crypto';

import { appBaseUrl } from '@/lib/http/public-url';

/** An invite gives a new person a week to choose a password. */
export const INVITE_LINK_HOURS = 7 * 24;
/** A reset is for someone waiting to get back in: a day. */
export const RESET_LINK_HOURS = 24;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newPasswordLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashPasswordLinkToken(token) };
}

export function hashPasswordLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** False for anything this portal cannot have issued, so it never reaches a query. */
export function looksLikePasswordLinkToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

export function setPasswordUrl(token: string): string {
  return `${appBaseUrl()}/set-password/${token}`;
}

/** A secret no one knows: what an invited person's password hash is made from until they choose one. */
export function unusableSecret(): string {
  return randomBytes(32).toString('base64url');
}
