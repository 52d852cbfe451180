import 'server-only';

// Keys that never change are keys that leak eventually: rotate the one in use
// every 90 days, and delete keys nothing uses (each still opens the account).
import { fetchApiKey } from '@/lib/twilio/fetch-api-key';
import { listApiKeys } from '@/lib/twilio/list-api-keys';

import { defineCheck } from '../define-check';
import { fail, pass, warn } from '../types';

export const KEY_ROTATION_DAYS = 90;
const dayMs = 86_400_000;

export const apiKeyAgeCheck = defineCheck({
  id: 'api-key-age',
  title: 'API key rotated within 90 days; no stray keys',
  group: 'security',
  reads: 'the API keys',
  async run(ctx) {
    const sid = ctx.env.TWILIO_API_KEY;
    if (!sid)
      return fail(
        'No API key is configured.',
        'Create an API key in the Twilio Console (US1) and set TWILIO_API_KEY and TWILIO_API_SECRET.',
      );
    const keys = await listApiKeys(ctx.us1Twilio());
    const inUse = keys.find((k) => k.sid === sid) ?? (await fetchApiKey(sid, ctx.twilio()));
    if (!inUse) {
      return fail(
        'Twilio does not know TWILIO_API_KEY.',
        'Create a new API key in the Twilio Console and put it in TWILIO_API_KEY and TWILIO_API_SECRET.',
      );
    }
    const ageDays = Math.floor((ctx.now.getTime() - inUse.dateCreated.getTime()) / dayMs);
    const others = keys.filter((k) => k.sid !== sid);
    const details = [
      `The key in use was created ${inUse.dateCreated.toISOString().slice(0, 10)} (${ageDays} days ago).`,
      ...others.map(
        (k) =>
          `Also active: ${k.sid} “${k.friendlyName}”, created ${k.dateCreated.toISOString().slice(0, 10)}.`,
      ),
    ];
    if (ageDays > KEY_ROTATION_DAYS) {
      return warn(
        `The API key in use is ${ageDays} days old; rotate it every ${KEY_ROTATION_DAYS} days.`,
        'Create a new US1 API key, set TWILIO_API_KEY and TWILIO_API_SECRET to it, restart, then delete the old key in the Console.',
        details,
      );
    }
    if (others.length > 0) {
      return warn(
        `${others.length} other API key${others.length > 1 ? 's are' : ' is'} still active on the account.`,
        'Delete the keys nothing uses in the Twilio Console (Account → API keys): each one still opens the account.',
        details,
      );
    }
    return pass(`The API key in use is ${ageDays} days old and is the account’s only key.`, details);
  },
});
