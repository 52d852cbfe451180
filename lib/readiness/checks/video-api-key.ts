import 'server-only';

// Video access tokens are signed with an API key, never the auth token (a
// leaked token would then be the whole account). The key must be a US1 key:
// Twilio rejects Video tokens signed with keys from other regions. Keys belong
// to the region they were made in, so asking us1 for ours answers the question:
// 20404 there means it was made elsewhere.
import { fetchApiKey } from '@/lib/twilio/fetch-api-key';

import { defineCheck } from '../define-check';
import { fail, pass } from '../types';

export const videoApiKeyCheck = defineCheck({
  id: 'video-api-key',
  title: 'Video uses a US1 API key, not the auth token',
  group: 'video',
  reads: 'the API key’s region',
  async run(ctx) {
    const { TWILIO_API_KEY: key, TWILIO_API_SECRET: secret } = ctx.env;
    if (!key || !secret) {
      return fail(
        'No API key is configured, so Video tokens cannot be signed safely.',
        'Create an API key in the Twilio Console with the US1 region selected and set TWILIO_API_KEY and TWILIO_API_SECRET.',
      );
    }
    const found = await fetchApiKey(key, ctx.us1Twilio());
    if (!found) {
      return fail(
        'TWILIO_API_KEY is not a US1 key (Twilio’s us1 region does not know it), so Twilio would reject its Video tokens.',
        'Create a new API key with the US1 region selected in the Twilio Console and put it in TWILIO_API_KEY and TWILIO_API_SECRET.',
      );
    }
    return pass('Video tokens are signed with an API key made in US1, not with the auth token.');
  },
});
