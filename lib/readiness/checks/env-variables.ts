import 'server-only';

// The Twilio settings the portal needs are all there and in the right form.
// lib/env refuses malformed values at start-up, so what is left to find here is
// what is missing, and what is fine in development but not in production
// (http:// callback addresses).
import { defineCheck } from '../define-check';
import { requiresHttps } from '../requires-https';
import { fail, pass, warn } from '../types';

const required = [
  ['TWILIO_ACCOUNT_SID', 'the account SID (AC…)'],
  ['TWILIO_AUTH_TOKEN', 'the auth token (checks webhook signatures)'],
  ['TWILIO_API_KEY', 'an API key SID (SK…) for Video tokens'],
  ['TWILIO_API_SECRET', 'that API key’s secret'],
  ['TWILIO_PHONE_NUMBER', 'the SMS sender in E.164 (+61…)'],
  ['TWILIO_STATUS_CALLBACK_URL', 'the Video status callback address'],
  ['APP_URL', 'the portal’s public address'],
] as const;

export const envVariablesCheck = defineCheck({
  id: 'env-variables',
  title: 'Twilio settings present and well-formed',
  group: 'configuration',
  async run({ env }) {
    const production = env.NODE_ENV === 'production';
    const missing = required.filter(([name]) => !env[name]).map(([name, what]) => `${name} (${what})`);
    const insecure = (['TWILIO_STATUS_CALLBACK_URL', 'APP_URL'] as const).filter(
      (name) => env[name] !== undefined && !env[name]!.startsWith('https://'),
    );
    const details = [
      'SIDs, E.164 numbers and the whatsapp: prefix are checked when the portal starts; it would not be running otherwise.',
      ...(env.TWILIO_WHATSAPP_FROM ? [] : ['TWILIO_WHATSAPP_FROM is not set: reminders go by SMS only.']),
    ];
    if (missing.length > 0) {
      const summary = `Missing: ${missing.join(', ')}.`;
      const fix =
        'Set these variables in the server’s environment (see .env.example) and restart the portal.';
      return production ? fail(summary, fix, details) : warn(summary, fix, details);
    }
    if (insecure.length > 0) {
      const summary = `${insecure.join(' and ')} ${insecure.length > 1 ? 'are' : 'is'} not https.`;
      const fix =
        'Use https:// addresses: Twilio signs what it sends, but only TLS keeps it private on the way.';
      return requiresHttps(env) ? fail(summary, fix, details) : warn(summary, fix, details);
    }
    return pass('Every Twilio setting the portal needs is present and well-formed.', details);
  },
});
