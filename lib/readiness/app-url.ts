import 'server-only';

// The portal's public base URL (no trailing slash): what Twilio calls back.
import { env } from '@/lib/env';

export function readinessAppUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}
