// The readiness page's one-click tests and the billing alerts, end to end
// through the emulator and the portal's real route handlers: callbacks are
// signed by the emulator and checked by the routes as in production.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { POST as roomStatusCallback } from '@/app/api/appointments/twilio-status-callback/route';
import { POST as readinessMessageStatus } from '@/app/api/twilio/readiness/message-status/route';
import { POST as usageTriggerCallback } from '@/app/api/twilio/usage-triggers/route';
import type { SessionUser } from '@/lib/auth/session-user';
import { raiseCrossedAlerts } from '@/lib/costs/record-billing-alert';
import { syncUsageTriggers } from '@/lib/costs/sync-usage-triggers';
import { db } from '@/lib/db/client';
import { checkBillingEstimate } from '@/lib/worker/handlers/check-billing-estimate';
import { clearAccountSnapshot } from '@/lib/readiness/account-snapshot';
import { getReadinessSettings } from '@/lib/readiness/get-readiness-settings';
import { listManualTicks } from '@/lib/readiness/list-manual-ticks';
import { setManualTick } from '@/lib/readiness/set-manual-tick';
import { getTestRun } from '@/lib/readiness/tests/get-test-run';
import { startTestRun } from '@/lib/readiness/tests/start-test-run';
import { TrialRecipientError } from '@/lib/readiness/trial-recipient-error';
import { updateAlertThresholds } from '@/lib/readiness/update-readiness-settings';
import { twilioSignature } from '@/scripts/twilio-emulator';

import {
  eventually,
  readinessCredentials,
  startReadinessServices,
  type ReadinessServices,
} from '../helpers/readiness-fixtures';
import { createClinic, createUser } from '../helpers/scheduling-fixtures';

let services: ReadinessServices;
let admin: SessionUser;
const month = new Date().toISOString().slice(0, 7);

/** The run once it has finished and every callback the emulator will send has arrived, in whatever order. */
async function finished(runId: string) {
  await eventually(async () => {
    expect((await getTestRun(runId))?.status).not.toBe('RUNNING');
  });
  await services.emulator.idle();
  return (await getTestRun(runId))!;
}

async function postSigned(path: string, params: Record<string, string>, signed = true): Promise<Response> {
  const url = `${services.appUrl}${path}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(signed
        ? { 'X-Twilio-Signature': twilioSignature(readinessCredentials.authToken, url, params) }
        : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

beforeAll(async () => {
  services = await startReadinessServices({
    '/api/appointments/twilio-status-callback/': roomStatusCallback,
    '/api/twilio/readiness/message-status': readinessMessageStatus,
    '/api/twilio/usage-triggers': usageTriggerCallback,
  });
  const clinic = await createClinic();
  admin = await createUser(clinic.id, 'ADMIN');
});

beforeEach(() => {
  services.emulator.reset();
  clearAccountSnapshot();
});

afterAll(async () => {
  await services?.stop();
});

describe('post-upgrade tests', () => {
  it('creates a test room in au1, completes it, and shows the status callbacks the video route received', async () => {
    const { runId } = await startTestRun(admin, { kind: 'VIDEO_ROOM' });
    const run = await finished(runId);
    expect(run.status).toBe('PASSED');
    expect(run.events.map((e) => e.label)).toEqual(expect.arrayContaining(['room-created', 'room-ended']));
    expect(services.emulator.rooms()[0]).toMatchObject({ mediaRegion: 'au1', status: 'completed' });
  });

  it('sends a test SMS, follows its callbacks to delivered, and forgets the number', async () => {
    const { runId } = await startTestRun(admin, { kind: 'SMS', to: '0491 570 159' });
    const run = await finished(runId);
    expect(run).toMatchObject({
      status: 'PASSED',
      toHint: '159',
      outcome: 'Delivered: the phone received it.',
    });
    expect(run.events.map((e) => e.label)).toEqual(['SMS: sent', 'SMS: delivered']);
    expect((await db().readinessTestRun.findUniqueOrThrow({ where: { id: runId } })).toNumber).toBeNull();
  });

  it('keeps a status that arrives before the message SID is stored, by the run its signed callback URL names', async () => {
    const run = await db().readinessTestRun.create({
      data: { kind: 'SMS', startedById: admin.id, toHint: '159' },
    });
    const sid = `SM${'e'.repeat(32)}`;
    const path = `/api/twilio/readiness/message-status?run=${run.id}&leg=primary`;
    // "delivered" overtakes "sent", and both come before the portal stored the SID.
    expect((await postSigned(path, { MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(204);
    expect((await postSigned(path, { MessageSid: sid, MessageStatus: 'sent' })).status).toBe(204);
    const view = (await getTestRun(run.id))!;
    expect(view.status).toBe('PASSED');
    expect(view.events.map((e) => e.label)).toEqual(['SMS: sent', 'SMS: delivered']);

    // Once a SID is stored, the URL alone cannot attribute another message's status to the run.
    await db().readinessTestRun.update({ where: { id: run.id }, data: { resourceSid: sid } });
    const other = await postSigned(path, { MessageSid: `SM${'f'.repeat(32)}`, MessageStatus: 'failed' });
    expect(other.status).toBe(204);
    expect((await getTestRun(run.id))!.events).toHaveLength(2);
  });

  it('reports a test WhatsApp to a phone without an open 24-hour window as failed with 63016 explained', async () => {
    const { runId } = await startTestRun(admin, { kind: 'WHATSAPP', to: '0491 570 158' });
    const run = await finished(runId);
    expect(run.status).toBe('FAILED');
    expect(run.outcome).toContain('WhatsApp only allows an approved template');
    services.emulator.openWhatsAppSession('+61491570158');
    const again = await finished((await startTestRun(admin, { kind: 'WHATSAPP', to: '0491 570 158' })).runId);
    expect(again.status).toBe('PASSED');
  });

  it('forces the fallback: WhatsApp fails with 63016, then exactly one SMS is sent and delivered, even if the failure is reported twice', async () => {
    const { runId } = await startTestRun(admin, { kind: 'SMS_FALLBACK', to: '0491 570 157' });
    const run = await finished(runId);
    expect(run.status).toBe('PASSED');
    expect(run.events.map((e) => e.label)).toEqual([
      'WhatsApp: failed',
      'SMS fallback: sent',
      'SMS fallback: delivered',
    ]);
    expect(run.events[0]?.errorCode).toBe(63016);

    const row = await db().readinessTestRun.findUniqueOrThrow({ where: { id: runId } });
    const redelivered = await postSigned('/api/twilio/readiness/message-status', {
      MessageSid: row.resourceSid!,
      MessageStatus: 'failed',
      ErrorCode: '63016',
    });
    expect(redelivered.status).toBe(204);
    await services.emulator.idle();
    expect(services.emulator.outbox().map((m) => m.to)).toEqual(['whatsapp:+61491570157', '+61491570157']);
  });

  it('refuses a test message to an unverified number while the account is a Trial, before Twilio is asked', async () => {
    services.emulator.setAccount({ type: 'Trial' });
    await expect(startTestRun(admin, { kind: 'SMS', to: '0491 570 156' })).rejects.toBeInstanceOf(
      TrialRecipientError,
    );
    expect(services.emulator.outbox()).toEqual([]);
  });

  it('refuses a landline with a field message', async () => {
    await expect(startTestRun(admin, { kind: 'SMS', to: '02 9999 0000' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { to: [expect.stringContaining('landline')] },
    });
  });
});

describe('webhook signatures', () => {
  it('answers unsigned or tampered requests to the readiness and usage-trigger routes with 403 and records nothing', async () => {
    const params = {
      UsageTriggerSid: `UT${'a'.repeat(32)}`,
      UsageCategory: 'totalprice',
      TriggerValue: '9999',
      CurrentValue: '10000',
    };
    expect((await postSigned('/api/twilio/usage-triggers', params, false)).status).toBe(403);
    const tampered = await fetch(`${services.appUrl}/api/twilio/usage-triggers`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': twilioSignature(
          readinessCredentials.authToken,
          `${services.appUrl}/api/twilio/usage-triggers`,
          params,
        ),
      },
      body: new URLSearchParams({ ...params, CurrentValue: '1' }).toString(),
    });
    expect(tampered.status).toBe(403);
    expect(
      (
        await postSigned(
          '/api/twilio/readiness/message-status',
          { MessageSid: `SM${'b'.repeat(32)}`, MessageStatus: 'delivered' },
          false,
        )
      ).status,
    ).toBe(403);
    expect(await db().billingAlert.count({ where: { thresholdUsd: 9999 } })).toBe(0);
  });
});

describe('billing alerts', () => {
  it('creates Twilio usage triggers for the thresholds, keeps matching ones and removes dropped ones', async () => {
    const first = await syncUsageTriggers(admin, [10, 50, 100]);
    expect(first).toEqual({ created: [10, 50, 100], kept: [], removed: [] });
    const second = await syncUsageTriggers(admin, [10, 200]);
    expect(second).toEqual({ created: [200], kept: [10], removed: [50, 100] });
    expect(
      services.emulator
        .usageTriggers()
        .map((t) => t.triggerValue)
        .sort(),
    ).toEqual(['10', '200']);
    expect(services.emulator.usageTriggers()[0]).toMatchObject({
      usageCategory: 'totalprice',
      recurring: 'monthly',
      callbackUrl: `${services.appUrl}/api/twilio/usage-triggers`,
    });
  });

  it('raises the alert when Twilio’s signed trigger arrives, once per threshold per month, with one audit entry', async () => {
    await syncUsageTriggers(admin, [30]);
    // 6.50 rent for the number plus 25 of usage crosses 30.
    services.emulator.addUsage({ category: 'sms-outbound', usage: 500, price: 25 });
    await services.emulator.idle();
    await eventually(async () =>
      expect(await db().billingAlert.count({ where: { month, thresholdUsd: 30 } })).toBe(1),
    );
    const alert = await db().billingAlert.findFirstOrThrow({ where: { month, thresholdUsd: 30 } });
    expect(alert.source).toBe('TWILIO_TRIGGER');
    expect(Number(alert.amountUsd)).toBeCloseTo(31.5, 4);

    // Fired again (a redelivery, or next evaluation) and then the portal's estimate: nothing new.
    services.emulator.fireUsageTrigger(services.emulator.usageTriggers()[0]!.sid);
    await services.emulator.idle();
    expect(
      await raiseCrossedAlerts({ month, amountUsd: 35, thresholdsUsd: [30], source: 'PORTAL_ESTIMATE' }),
    ).toEqual([]);
    expect(await db().billingAlert.count({ where: { month, thresholdUsd: 30 } })).toBe(1);
    expect(
      await db().auditLog.count({ where: { entityType: 'BillingAlert', entityId: `${month}:30` } }),
    ).toBe(1);
  });

  it('raises the alert from the portal’s own estimate first; Twilio’s later trigger changes nothing', async () => {
    await updateAlertThresholds(admin, { alertThresholdsUsd: '5, 5000' });
    // The only usage this month is the number's rent (6.50 USD at the emulator's price).
    expect(await checkBillingEstimate()).toEqual([5]);
    expect(await checkBillingEstimate()).toEqual([]);
    await syncUsageTriggers(admin, [5]);
    services.emulator.fireUsageTrigger(
      services.emulator.usageTriggers().find((t) => t.triggerValue === '5')!.sid,
    );
    await services.emulator.idle();
    const alerts = await db().billingAlert.findMany({ where: { month, thresholdUsd: 5 } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.source).toBe('PORTAL_ESTIMATE');
    expect(services.answered.filter((a) => a.path === '/api/twilio/usage-triggers').at(-1)?.status).toBe(204);
  });
});

describe('settings and manual items', () => {
  it('saves thresholds sorted and distinct, and refuses nonsense with a field message', async () => {
    expect(await updateAlertThresholds(admin, { alertThresholdsUsd: '100, 10 50,10' })).toEqual([
      10, 50, 100,
    ]);
    expect((await getReadinessSettings(admin.clinicId)).settings.alertThresholdsUsd).toEqual([10, 50, 100]);
    await expect(updateAlertThresholds(admin, { alertThresholdsUsd: '10, lots' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('records who ticked a manual item and when, audits it, and removes the tick on untick', async () => {
    await setManualTick(admin, { item: 'auto-recharge', ticked: 'true' });
    const ticks = await listManualTicks(admin.clinicId);
    expect(ticks['auto-recharge']).toMatchObject({ byName: admin.name });
    await setManualTick(admin, { item: 'auto-recharge', ticked: 'false' });
    expect((await listManualTicks(admin.clinicId))['auto-recharge']).toBeUndefined();
    expect(
      await db().auditLog.count({ where: { entityType: 'ReadinessManualTick', entityId: 'auto-recharge' } }),
    ).toBe(2);
  });

  it('refuses a clinician (no readiness.manage)', async () => {
    const clinician = await createUser(admin.clinicId, 'CLINICIAN');
    await expect(setManualTick(clinician, { item: 'console-2fa', ticked: 'true' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(startTestRun(clinician, { kind: 'VIDEO_ROOM' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
