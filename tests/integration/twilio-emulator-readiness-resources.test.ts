// The Twilio resources the readiness checks and the costs page use, emulated
// (Keys, Usage Records, Usage Triggers, Pricing, Content approvals, account
// upgrade) and called through the portal's own lib/twilio functions, with every
// response checked against Twilio's OpenAPI descriptions.
import { beforeAll, describe, expect, it } from 'vitest';

import type { TwilioClient } from '@/lib/twilio/client';
import { createMonthlySpendTrigger } from '@/lib/twilio/create-usage-trigger';
import { deleteUsageTrigger } from '@/lib/twilio/delete-usage-trigger';
import { fetchAccount } from '@/lib/twilio/fetch-account';
import { fetchApiKey } from '@/lib/twilio/fetch-api-key';
import { fetchAuPrices } from '@/lib/twilio/fetch-au-prices';
import { fetchContentApproval } from '@/lib/twilio/fetch-content-approval';
import { listApiKeys } from '@/lib/twilio/list-api-keys';
import { listMonthlyUsageRecords } from '@/lib/twilio/list-usage-records';
import { listUsageTriggers } from '@/lib/twilio/list-usage-triggers';
import { validateTwilioSignature } from '@/lib/twilio/validate-signature';
import { setUpEmulatorSuite } from '@/tests/helpers/emulator-suite';
import { twilioTestCredentials } from '@/tests/helpers/twilio-test-credentials';

const { accountSid, authToken, apiKey, apiSecret } = twilioTestCredentials;
const sender = '+61480000001';
const whatsappSender = 'whatsapp:+61480000002';
const patient = '+61412345678';

let client: TwilioClient;

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${suite.emulator.url}/__emulator${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
}

// The listener stands in for the portal's usage-trigger webhook.
const suite = setUpEmulatorSuite(
  {
    accountSid,
    authToken,
    apiKeys: [{ sid: apiKey, secret: apiSecret, dateCreated: new Date('2026-01-05T00:00:00Z') }],
    phoneNumbers: [sender],
    whatsappSenders: [whatsappSender],
    messageStepMs: 5,
    minuteMs: 20,
    callbackBackoffMs: 10,
  },
  () => 204,
);
beforeAll(() => {
  client = suite.clientWith();
});

describe('Keys', () => {
  it('lists and fetches the account’s keys with their creation date, never a secret', async () => {
    const keys = await listApiKeys(client);
    expect(keys).toEqual([
      { sid: apiKey, friendlyName: 'API key', dateCreated: new Date('2026-01-05T00:00:00Z') },
    ]);
    expect(await fetchApiKey(apiKey, client)).toMatchObject({ sid: apiKey });
  });

  it('knows an au1 key only in au1: fetched through us1 it is 20404 (null), through api.sydney.au1 it is found', async () => {
    const au1Key = suite.emulator.addApiKey({ region: 'au1', friendlyName: 'made in Australia' });
    expect(await fetchApiKey(au1Key.sid, client)).toBeNull();
    const au1 = suite.clientWith({ region: 'au1', edge: 'sydney' });
    expect(await fetchApiKey(au1Key.sid, au1)).toMatchObject({
      sid: au1Key.sid,
      friendlyName: 'made in Australia',
    });
    expect((await listApiKeys(client)).map((k) => k.sid)).toEqual([apiKey]);
  });

  it('creates a key whose secret works at once, and a deleted key stops authenticating', async () => {
    const created = await client.newKeys.create({ friendlyName: 'rotation' });
    expect(created.sid).toMatch(/^SK[0-9a-f]{32}$/);
    const withNewKey = suite.clientWith({ apiKey: created.sid, apiSecret: created.secret });
    expect((await fetchAccount(withNewKey)).sid).toBe(accountSid);
    await client.keys(created.sid).remove();
    await expect(fetchAccount(withNewKey)).rejects.toMatchObject({ code: 20003 });
  });
});

describe('Account upgrade through the control API', () => {
  it('turns a Trial account into a Full one', async () => {
    suite.emulator.setAccount({ type: 'Trial' });
    expect((await fetchAccount(client)).type).toBe('Trial');
    const response = await control('POST', '/account/upgrade');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: 'Full' });
    expect((await fetchAccount(client)).type).toBe('Full');
  });
});

describe('Usage Records', () => {
  it('adds up the emulator’s own traffic per category at emulator prices, with totalprice', async () => {
    await client.messages.create({ to: patient, from: sender, body: 'x'.repeat(200) }); // 2 segments
    await client.messages.create({
      to: `whatsapp:${patient}`,
      from: whatsappSender,
      contentSid: 'HX' + '0'.repeat(32),
    });
    suite.emulator.setMessageOutcome({ status: 'failed', errorCode: 30008 });
    await client.messages.create({ to: patient, from: sender, body: 'fails' });
    const room = await client.video.v1.rooms.create({ type: 'group', uniqueName: 'usage-room' });
    suite.emulator.joinRoom(room.sid, 'a');
    suite.emulator.joinRoom(room.sid, 'b');
    suite.emulator.endRoom(room.sid);
    await suite.emulator.idle();

    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const records = await listMonthlyUsageRecords({ start: monthStart, end: now }, client);
    const by = Object.fromEntries(records.map((r) => [r.category, r]));
    expect(by['sms-outbound']).toMatchObject({ usage: 2, price: 0.103 });
    expect(by['channels-whatsapp']).toMatchObject({ count: 1, price: 0.005 });
    expect(by['channels-whatsapp-template-utility']).toMatchObject({ count: 1, price: 0.0157 });
    expect(by['failed-message-processing-fee']).toMatchObject({ count: 1, price: 0.001 });
    expect(by['group-rooms-participant-minutes']).toMatchObject({ usage: 2, price: 0.008 });
    expect(by.phonenumbers).toMatchObject({ count: 1, price: 6.5 });
    expect(by.totalprice?.price).toBeCloseTo(0.103 + 0.005 + 0.0157 + 0.001 + 0.008 + 6.5, 6);
    expect(by.totalprice?.startDate).toBe(`${now.toISOString().slice(0, 7)}-01`);
  });

  it('reports each month separately and honours the category filter', async () => {
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10));
    suite.emulator.addUsage({
      category: 'group-rooms-participant-minutes',
      usage: 500,
      price: 2,
      date: lastMonth,
    });
    const records = await listMonthlyUsageRecords(
      { start: lastMonth, end: now, categories: ['group-rooms-participant-minutes'] },
      client,
    );
    expect(records).toEqual([
      expect.objectContaining({ startDate: lastMonth.toISOString().slice(0, 10), usage: 500, price: 2 }),
    ]);
  });
});

describe('Usage Triggers', () => {
  it('creates a monthly totalprice trigger and fires it once, signed, when usage crosses it', async () => {
    const trigger = await createMonthlySpendTrigger(
      { thresholdUsd: 10, callbackUrl: `${suite.listener.url}/usage-trigger`, friendlyName: 'alert 10' },
      client,
    );
    expect(trigger).toMatchObject({
      usageCategory: 'totalprice',
      triggerBy: 'price',
      recurring: 'monthly',
      triggerValue: 10,
    });
    expect((await listUsageTriggers(client)).map((t) => t.sid)).toEqual([trigger.sid]);

    // 6.50 of phone number rent so far; 2 more stays under, 5 more crosses.
    expect(suite.emulator.addUsage({ category: 'sms-outbound', usage: 10, price: 2 }).fired).toEqual([]);
    expect(suite.emulator.addUsage({ category: 'sms-outbound', usage: 25, price: 5 }).fired).toEqual([
      trigger.sid,
    ]);
    expect(suite.emulator.addUsage({ category: 'sms-outbound', usage: 25, price: 5 }).fired).toEqual([]);
    await suite.emulator.idle();

    expect(suite.listener.received).toHaveLength(1);
    const callback = suite.listener.received[0]!;
    expect(callback.params).toMatchObject({
      AccountSid: accountSid,
      UsageTriggerSid: trigger.sid,
      UsageCategory: 'totalprice',
      TriggerBy: 'price',
      TriggerValue: '10',
      Recurring: 'monthly',
    });
    expect(Number(callback.params.CurrentValue)).toBeCloseTo(13.5, 6);
    const signature = callback.headers['x-twilio-signature'] as string;
    expect(
      validateTwilioSignature({
        authToken,
        url: `${suite.listener.url}/usage-trigger`,
        params: callback.params,
        signature,
      }),
    ).toBe(true);
    expect((await listUsageTriggers(client))[0]?.dateFired).toBeInstanceOf(Date);
  });

  it('fires a trigger on demand through the control API, and deletes it through the REST API', async () => {
    const trigger = await createMonthlySpendTrigger(
      { thresholdUsd: 100, callbackUrl: `${suite.listener.url}/usage-trigger`, friendlyName: 'alert 100' },
      client,
    );
    expect((await control('POST', `/usage-triggers/${trigger.sid}/fire`)).status).toBe(204);
    await suite.emulator.idle();
    expect(suite.listener.received.map((r) => r.params.TriggerValue)).toEqual(['100']);
    await deleteUsageTrigger(trigger.sid, client);
    expect(await listUsageTriggers(client)).toEqual([]);
  });
});

describe('Pricing', () => {
  it('quotes Australian SMS per segment and number rent, as strings on the wire', async () => {
    const prices = await fetchAuPrices(client);
    expect(prices).toEqual({
      smsPerSegment: 0.0515,
      numberMonthly: { local: 3, mobile: 6.5, 'toll free': 16 },
      currency: 'USD',
    });
  });

  it('answers a country it has no figures for with 20404', async () => {
    await expect(client.pricing.v1.messaging.countries('NZ').fetch()).rejects.toMatchObject({ status: 404 });
  });
});

describe('Content templates and WhatsApp approval', () => {
  it('reports approved, pending and never-submitted templates, and null for an unknown SID', async () => {
    const approved = suite.emulator.addContent({
      friendlyName: 'reminder_telehealth',
      body: 'Appointment {{1}}',
      variables: { '1': 'date' },
      whatsapp: { status: 'approved', category: 'UTILITY' },
    });
    const pending = suite.emulator.addContent({
      friendlyName: 'reminder_in_person',
      body: 'x',
      whatsapp: { status: 'pending' },
    });
    const draft = suite.emulator.addContent({ friendlyName: 'draft', body: 'x' });
    expect(await fetchContentApproval(approved.sid, client)).toEqual({
      contentSid: approved.sid,
      status: 'approved',
      category: 'UTILITY',
      rejectionReason: null,
    });
    expect((await fetchContentApproval(pending.sid, client))?.status).toBe('pending');
    expect((await fetchContentApproval(draft.sid, client))?.status).toBe('unsubmitted');
    expect(await fetchContentApproval('HX' + 'f'.repeat(32), client)).toBeNull();

    const response = await control('POST', `/content/${pending.sid}/approval`, {
      status: 'rejected',
      rejectionReason: 'INVALID_FORMAT',
    });
    expect(response.status).toBe(204);
    expect(await fetchContentApproval(pending.sid, client)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'INVALID_FORMAT',
    });

    const listed = await client.content.v1.contentAndApprovals.list();
    expect(listed.map((c) => c.friendlyName).sort()).toEqual([
      'draft',
      'reminder_in_person',
      'reminder_telehealth',
    ]);
    expect((await client.content.v1.contents.list()).length).toBe(3);
  });
});
