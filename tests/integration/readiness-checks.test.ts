// Each go-live check against emulated Twilio accounts set up to pass it and to
// fail it, through the same lib/twilio calls production makes.
import { beforeEach, describe, expect, it } from 'vitest';

import { expectLogError } from '@/tests/helpers/log-capture';

import { parseServerEnv } from '@/lib/env/schema';
import { accountStatusCheck } from '@/lib/readiness/checks/account-status';
import { accountTypeCheck } from '@/lib/readiness/checks/account-type';
import { apiKeyAgeCheck } from '@/lib/readiness/checks/api-key-age';
import { balanceCheck } from '@/lib/readiness/checks/balance';
import { envVariablesCheck } from '@/lib/readiness/checks/env-variables';
import { manualItemCheck, manualItems } from '@/lib/readiness/checks/manual-items';
import { phoneNumberCheck } from '@/lib/readiness/checks/phone-number';
import { restRegionCheck } from '@/lib/readiness/checks/rest-region';
import { statusCallbackUrlCheck } from '@/lib/readiness/checks/status-callback-url';
import { usageTriggersCheck } from '@/lib/readiness/checks/usage-triggers';
import { videoApiKeyCheck } from '@/lib/readiness/checks/video-api-key';
import { videoRoomRegionCheck } from '@/lib/readiness/checks/video-room-region';
import { webhookSignaturesCheck } from '@/lib/readiness/checks/webhook-signatures';
import { whatsappSenderCheck } from '@/lib/readiness/checks/whatsapp-sender';
import { whatsappTemplatesCheck } from '@/lib/readiness/checks/whatsapp-templates';
import { createReadinessContext, type ReadinessContextInput } from '@/lib/readiness/context';
import { defineCheck } from '@/lib/readiness/define-check';
import { runReadinessChecks } from '@/lib/readiness/run-checks';
import { twilioWebhookRoutes } from '@/lib/twilio/webhook-routes';
import { defaultReadinessSettings, type TemplateMapping } from '@/lib/readiness/types';
import { createTwilioClient } from '@/lib/twilio/client';
import { createMonthlySpendTrigger } from '@/lib/twilio/create-usage-trigger';
import { setUpEmulatorSuite } from '@/tests/helpers/emulator-suite';
import { twilioTestCredentials } from '@/tests/helpers/twilio-test-credentials';

const { accountSid, authToken, apiKey, apiSecret } = twilioTestCredentials;
const smsNumber = '+61480000011';
const whatsappFrom = 'whatsapp:+61480000012';
const appUrl = 'https://portal.example.com.au';

/** Status the fake portal answers an unsigned webhook with, per path; 403 unless listed. */
let portalAnswers: Record<string, number> = {};

const baseEnv = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://x@127.0.0.1/x',
  AUTH_SECRET: 'x'.repeat(40),
  APP_URL: appUrl,
  TWILIO_ACCOUNT_SID: accountSid,
  TWILIO_AUTH_TOKEN: authToken,
  TWILIO_API_KEY: apiKey,
  TWILIO_API_SECRET: apiSecret,
  TWILIO_PHONE_NUMBER: smsNumber,
  TWILIO_WHATSAPP_FROM: whatsappFrom,
  TWILIO_STATUS_CALLBACK_URL: `${appUrl}/api/appointments/twilio-status-callback/`,
  TWILIO_VIDEO_MEDIA_REGION: 'au1',
  TWILIO_REGION: 'au1',
  TWILIO_EDGE: 'sydney',
};

function context(
  options: { env?: Record<string, string | undefined> } & Partial<Omit<ReadinessContextInput, 'env'>> = {},
) {
  const { env: envOverrides, ...rest } = options;
  const env = parseServerEnv({
    ...baseEnv,
    TWILIO_EMULATOR: '1',
    TWILIO_EMULATOR_URL: suite.emulator.url,
    ...envOverrides,
  });
  return createReadinessContext({
    env,
    now: new Date(),
    appUrl,
    twilio: () =>
      createTwilioClient({
        accountSid,
        apiKey: env.TWILIO_API_KEY,
        apiSecret: env.TWILIO_API_SECRET,
        region: env.TWILIO_REGION,
        edge: env.TWILIO_EDGE,
        emulatorUrl: suite.emulator.url,
        timeoutMs: 3000,
      }),
    us1Twilio: () =>
      createTwilioClient({ accountSid, authToken, emulatorUrl: suite.emulator.url, timeoutMs: 3000 }),
    settings: defaultReadinessSettings,
    manualTicks: {},
    whatsappTemplates: async () => null,
    // The webhook probes go to the fake portal instead of APP_URL.
    fetch: (input, init) => fetch(String(input).replace(appUrl, suite.listener.url), init),
    ...rest,
  });
}

// The listener is the fake portal that the webhook probes reach.
const suite = setUpEmulatorSuite(
  {
    accountSid,
    authToken,
    apiKeys: [{ sid: apiKey, secret: apiSecret }],
    phoneNumbers: [smsNumber],
    whatsappSenders: [whatsappFrom],
    balance: 42.5,
  },
  (path) => portalAnswers[path] ?? 403,
);
beforeEach(() => {
  portalAnswers = {};
});

describe('configuration', () => {
  it('passes when every Twilio variable is set, and fails a missing API key in production with the variable named', async () => {
    expect((await envVariablesCheck.run(context())).status).toBe('pass');
    const missing = await envVariablesCheck.run(
      context({ env: { NODE_ENV: 'development', TWILIO_API_KEY: undefined, TWILIO_API_SECRET: undefined } }),
    );
    expect(missing.status).toBe('warn');
    expect(missing.summary).toContain('TWILIO_API_KEY');
  });

  it('fails an http:// status callback address in production, and only warns on a test deployment using the emulator', async () => {
    const http = 'http://portal.example.com.au/api/appointments/twilio-status-callback/';
    const production = await envVariablesCheck.run(
      context({
        env: { TWILIO_STATUS_CALLBACK_URL: http, TWILIO_EMULATOR: '0', TWILIO_EMULATOR_URL: undefined },
      }),
    );
    expect(production).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('TWILIO_STATUS_CALLBACK_URL'),
    });
    expect(production.fix).toMatch(/https/);
    expect((await envVariablesCheck.run(context({ env: { TWILIO_STATUS_CALLBACK_URL: http } }))).status).toBe(
      'warn',
    );
  });

  it('states where REST traffic is processed beside the media region, and warns when it is the US default', async () => {
    const au = await restRegionCheck.run(context());
    expect(au).toMatchObject({ status: 'pass' });
    expect(au.summary).toContain('region au1 via sydney');
    expect(au.summary).toContain('Video media: au1');
    const us = await restRegionCheck.run(
      context({ env: { TWILIO_REGION: undefined, TWILIO_EDGE: undefined } }),
    );
    expect(us.status).toBe('warn');
    expect(us.summary).toContain('United States (us1)');
  });
});

describe('account', () => {
  it('fails a Trial account and passes once it is upgraded through the control API', async () => {
    suite.emulator.setAccount({ type: 'Trial' });
    const trial = await accountTypeCheck.run(context());
    expect(trial.status).toBe('fail');
    expect(trial.fix).toMatch(/Upgrade/);
    suite.emulator.upgradeAccount();
    expect((await accountTypeCheck.run(context())).status).toBe('pass');
  });

  it('fails a suspended account and passes an active one', async () => {
    expect((await accountStatusCheck.run(context())).status).toBe('pass');
    suite.emulator.setAccount({ status: 'suspended' });
    expect(await accountStatusCheck.run(context())).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('suspended'),
    });
  });

  it('compares the balance with the admin’s minimum', async () => {
    const above = await balanceCheck.run(
      context({ settings: { ...defaultReadinessSettings, minimumBalanceUsd: 20 } }),
    );
    expect(above).toMatchObject({ status: 'pass', summary: expect.stringContaining('42.50 USD') });
    const below = await balanceCheck.run(
      context({ settings: { ...defaultReadinessSettings, minimumBalanceUsd: 50 } }),
    );
    expect(below.status).toBe('fail');
  });

  it('reports a Twilio refusal of the credentials as a failed check with a fix, not a crash', async () => {
    const result = await accountTypeCheck.run(
      context({ env: { TWILIO_API_SECRET: 'the-wrong-secret-entirely' } }),
    );
    expect(result).toMatchObject({ status: 'fail', summary: expect.stringContaining('20003') });
    expect(result.fix).toMatch(/TWILIO_ACCOUNT_SID/);
  });
});

describe('SMS number and WhatsApp', () => {
  it('passes an SMS-capable number of the account and counts the numbers', async () => {
    expect(await phoneNumberCheck.run(context())).toMatchObject({
      status: 'pass',
      summary: expect.stringContaining('rents 1 number'),
    });
  });

  it('fails a number the account does not own, and one without SMS', async () => {
    expect(
      (await phoneNumberCheck.run(context({ env: { TWILIO_PHONE_NUMBER: '+61480000099' } }))).status,
    ).toBe('fail');
    suite.emulator.addIncomingPhoneNumber(smsNumber, { capabilities: { sms: false } });
    expect(await phoneNumberCheck.run(context())).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('cannot send SMS'),
    });
  });

  it('warns about extra numbers that cost rent every month', async () => {
    suite.emulator.addIncomingPhoneNumber('+61280000000');
    expect(await phoneNumberCheck.run(context())).toMatchObject({
      status: 'warn',
      summary: expect.stringContaining('rents 2 numbers'),
    });
  });

  it('fails the WhatsApp sandbox, warns when no sender is set, passes the clinic’s own sender', async () => {
    expect((await whatsappSenderCheck.run(context())).status).toBe('pass');
    expect(
      (await whatsappSenderCheck.run(context({ env: { TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' } })))
        .status,
    ).toBe('fail');
    expect(
      (await whatsappSenderCheck.run(context({ env: { TWILIO_WHATSAPP_FROM: undefined } }))).status,
    ).toBe('warn');
  });

  it('passes when every reminder template maps to an approved Content SID', async () => {
    const a = suite.emulator.addContent({
      friendlyName: 'telehealth',
      body: 'x',
      whatsapp: { status: 'approved', category: 'UTILITY' },
    });
    const b = suite.emulator.addContent({
      friendlyName: 'in_person',
      body: 'x',
      whatsapp: { status: 'approved', category: 'UTILITY' },
    });
    const templates: TemplateMapping[] = [
      { label: 'Telehealth reminder', contentSid: a.sid },
      { label: 'In-person reminder', contentSid: b.sid },
    ];
    expect(
      (await whatsappTemplatesCheck.run(context({ whatsappTemplates: async () => templates }))).status,
    ).toBe('pass');
  });

  it('warns while a template waits for approval, and fails a rejected, unmapped or unknown one', async () => {
    const approved = suite.emulator.addContent({
      friendlyName: 'a',
      body: 'x',
      whatsapp: { status: 'approved' },
    });
    const pending = suite.emulator.addContent({
      friendlyName: 'p',
      body: 'x',
      whatsapp: { status: 'pending' },
    });
    const rejected = suite.emulator.addContent({
      friendlyName: 'r',
      body: 'x',
      whatsapp: { status: 'rejected', rejectionReason: 'TAG_CONTENT_MISMATCH' },
    });
    const run = (templates: TemplateMapping[]) =>
      whatsappTemplatesCheck.run(context({ whatsappTemplates: async () => templates }));
    expect(
      (
        await run([
          { label: 'A', contentSid: approved.sid },
          { label: 'P', contentSid: pending.sid },
        ])
      ).status,
    ).toBe('warn');
    const bad = await run([{ label: 'R', contentSid: rejected.sid }]);
    expect(bad.status).toBe('fail');
    expect(bad.details?.join(' ')).toContain('TAG_CONTENT_MISMATCH');
    expect((await run([{ label: 'Unmapped', contentSid: null }])).status).toBe('fail');
    expect((await run([{ label: 'Unknown', contentSid: 'HX' + 'e'.repeat(32) }])).status).toBe('fail');
    expect((await whatsappTemplatesCheck.run(context())).status).toBe('warn');
    const off = await whatsappTemplatesCheck.run(context({ whatsappTemplates: async () => 'whatsapp-off' }));
    expect(off).toMatchObject({ status: 'pass', summary: expect.stringContaining('by SMS') });
  });
});

describe('video', () => {
  it('passes a US1 API key and fails a key made in au1, which Twilio’s us1 region does not know', async () => {
    expect((await videoApiKeyCheck.run(context())).status).toBe('pass');
    const au1Key = suite.emulator.addApiKey({ region: 'au1' });
    const result = await videoApiKeyCheck.run(
      context({ env: { TWILIO_API_KEY: au1Key.sid, TWILIO_API_SECRET: au1Key.secret } }),
    );
    expect(result).toMatchObject({ status: 'fail', summary: expect.stringContaining('not a US1 key') });
  });

  it('fails when no API key is configured (tokens would need the auth token)', async () => {
    const result = await videoApiKeyCheck.run(
      context({ env: { NODE_ENV: 'development', TWILIO_API_KEY: undefined, TWILIO_API_SECRET: undefined } }),
    );
    expect(result.status).toBe('fail');
  });

  it('creates a test room, reads media region au1 from Twilio’s answer, then completes it', async () => {
    const result = await videoRoomRegionCheck.run(context());
    expect(result.status).toBe('pass');
    const rooms = suite.emulator.rooms();
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({ mediaRegion: 'au1', status: 'completed' });
  });

  it('fails when rooms are created outside Australia', async () => {
    const result = await videoRoomRegionCheck.run(context({ env: { TWILIO_VIDEO_MEDIA_REGION: 'us1' } }));
    expect(result).toMatchObject({ status: 'fail', summary: expect.stringContaining('us1') });
    expect(suite.emulator.rooms()[0]?.status).toBe('completed');
  });

  it('passes the callback URL of this deployment and fails another host or a missing trailing slash', async () => {
    expect((await statusCallbackUrlCheck.run(context())).status).toBe('pass');
    const other = await statusCallbackUrlCheck.run(
      context({
        env: {
          TWILIO_STATUS_CALLBACK_URL:
            'https://staging.example.com.au/api/appointments/twilio-status-callback/',
        },
      }),
    );
    expect(other.status).toBe('fail');
    expect(other.fix).toContain(`${appUrl}/api/appointments/twilio-status-callback/`);
    const noSlash = await statusCallbackUrlCheck.run(
      context({ env: { TWILIO_STATUS_CALLBACK_URL: `${appUrl}/api/appointments/twilio-status-callback` } }),
    );
    expect(noSlash.status).toBe('fail');
  });
});

describe('webhooks and keys', () => {
  it('passes when every Twilio route answers an unsigned request with 403', async () => {
    const result = await webhookSignaturesCheck.run(context());
    expect(result.status).toBe('pass');
    expect(result.details).toHaveLength(twilioWebhookRoutes.length);
  });

  it('fails when a route accepts an unsigned request, or is missing', async () => {
    portalAnswers = { '/api/twilio/messages/inbound': 200 };
    const accepted = await webhookSignaturesCheck.run(context());
    expect(accepted).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('accepted a request without'),
    });
    portalAnswers = { '/api/twilio/usage-triggers': 404 };
    const missing = await webhookSignaturesCheck.run(context());
    expect(missing.status).toBe('fail');
    expect(missing.details?.join(' ')).toContain(
      '/api/twilio/usage-triggers (Billing alerts (usage triggers)): not found (404)',
    );
  });

  it('fails when the portal cannot reach its own public address', async () => {
    const result = await webhookSignaturesCheck.run(
      context({ fetch: () => Promise.reject(new Error('ECONNREFUSED')) }),
    );
    expect(result).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('could not reach itself'),
    });
  });

  it('passes a young key that is the only one, warns at 91 days, and warns about other active keys', async () => {
    expect((await apiKeyAgeCheck.run(context())).status).toBe('pass');
    suite.emulator.addApiKey({ sid: apiKey, dateCreated: new Date(Date.now() - 91 * 86_400_000) });
    const old = await apiKeyAgeCheck.run(context());
    expect(old).toMatchObject({ status: 'warn', summary: expect.stringContaining('91 days old') });
    suite.emulator.addApiKey({ sid: apiKey, dateCreated: new Date() });
    suite.emulator.addApiKey({ friendlyName: 'old laptop' });
    const stray = await apiKeyAgeCheck.run(context());
    expect(stray).toMatchObject({
      status: 'warn',
      summary: expect.stringContaining('1 other API key is still active'),
    });
    expect(stray.details?.join(' ')).toContain('old laptop');
  });
});

describe('billing alerts and manual items', () => {
  it('fails until a monthly totalprice trigger exists for every threshold, pointing at this deployment', async () => {
    const client = createTwilioClient({ accountSid, apiKey, apiSecret, emulatorUrl: suite.emulator.url });
    const missing = await usageTriggersCheck.run(context());
    expect(missing).toMatchObject({
      status: 'fail',
      summary: expect.stringContaining('10 USD, 50 USD, 100 USD'),
    });
    for (const thresholdUsd of [10, 50]) {
      await createMonthlySpendTrigger(
        { thresholdUsd, callbackUrl: `${appUrl}/api/twilio/usage-triggers`, friendlyName: 'x' },
        client,
      );
    }
    await createMonthlySpendTrigger(
      {
        thresholdUsd: 100,
        callbackUrl: 'https://elsewhere.example/api/twilio/usage-triggers',
        friendlyName: 'x',
      },
      client,
    );
    expect((await usageTriggersCheck.run(context())).summary).toContain('100 USD');
    await createMonthlySpendTrigger(
      { thresholdUsd: 100, callbackUrl: `${appUrl}/api/twilio/usage-triggers`, friendlyName: 'x' },
      client,
    );
    expect((await usageTriggersCheck.run(context())).status).toBe('pass');
  });

  it('warns about an unticked manual item and passes a ticked one, naming who and when', async () => {
    const check = manualItemCheck(manualItems[0]!);
    expect((await check.run(context())).status).toBe('warn');
    const ticked = await check.run(
      context({
        manualTicks: { 'console-2fa': { byName: 'Priya Admin', at: new Date('2026-11-20T01:00:00Z') } },
      }),
    );
    expect(ticked).toMatchObject({ status: 'pass', summary: 'Confirmed by Priya Admin on 2026-11-20.' });
  });
});

describe('running the checks', () => {
  it('reports a check that throws as failed and still returns the others', async () => {
    const broken = defineCheck({
      id: 'broken',
      title: 'Broken',
      group: 'configuration',
      run: () => Promise.reject(new Error('boom')),
    });
    const results = await expectLogError('readiness.check_crashed', () =>
      runReadinessChecks(context(), [broken, whatsappSenderCheck]),
    );
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['broken', 'fail'],
      ['whatsapp-sender', 'pass'],
    ]);
  });

  it('asks Twilio for the account once when several checks need it', async () => {
    const ctx = context();
    await runReadinessChecks(ctx, [accountTypeCheck, accountStatusCheck]);
    suite.emulator.injectFailure({
      path: '/2010-04-01/Accounts/*.json',
      fault: { type: 'error', code: 20500, status: 500 },
      always: true,
    });
    // Served from the run's memo: the injected failure is never reached.
    const again = await runReadinessChecks(ctx, [accountTypeCheck]);
    expect(again[0]?.status).toBe('pass');
  });
});
