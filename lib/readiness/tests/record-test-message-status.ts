import 'server-only';

// A status callback for a test message (signature-checked and parsed at the edge): stored
// once, then the run moves on. For the fallback test, a failed WhatsApp sends
// the SMS, once, however many workers or redeliveries see the failure.
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { log } from '@/lib/log/logger';
import type { ReadinessMessageStatusWebhook } from '@/lib/schemas/twilio-webhooks';
import { describeTwilioCode, toTwilioError } from '@/lib/twilio/errors';
import { sendTestMessage } from '@/lib/twilio/send-test-message';

import { FALLBACK_SMS_BODY } from './test-messages';
import { testStatusCallbackUrl, type TestCallbackRef } from './test-status-callback';

const delivered = new Set(['delivered', 'read']);
const failed = new Set(['failed', 'undelivered']);

async function finish(
  runId: string,
  status: 'PASSED' | 'FAILED',
  outcome: string,
  errorCode: number | null = null,
) {
  // Only a running test finishes, once; the number is forgotten with it.
  await db().readinessTestRun.updateMany({
    where: { id: runId, status: 'RUNNING' },
    data: { status, outcome, errorCode, finishedAt: new Date(), toNumber: null },
  });
}

/** The run a status belongs to: by the run named in its callback URL, else by SID. */
async function findRun(p: ReadinessMessageStatusWebhook, ref: TestCallbackRef | null) {
  if (ref) {
    const run = await db().readinessTestRun.findUnique({ where: { id: ref.runId } });
    // A SID already stored must match: the URL alone does not let one message speak for another.
    const stored = ref.leg === 'primary' ? run?.resourceSid : run?.fallbackSid;
    if (run && (stored == null || stored === p.MessageSid))
      return { run, isFallbackSms: ref.leg === 'fallback' };
    return null;
  }
  const run = await db().readinessTestRun.findFirst({
    where: { OR: [{ resourceSid: p.MessageSid }, { fallbackSid: p.MessageSid }] },
  });
  return run ? { run, isFallbackSms: run.fallbackSid === p.MessageSid } : null;
}

export async function recordTestMessageStatus(
  p: ReadinessMessageStatusWebhook,
  ref: TestCallbackRef | null = null,
): Promise<{ known: boolean }> {
  const found = await findRun(p, ref);
  if (!found) return { known: false };
  const { run, isFallbackSms } = found;
  const inserted = await db().readinessTestEvent.createMany({
    data: [
      {
        runId: run.id,
        dedupeKey: `${p.MessageSid}|${p.MessageStatus}`,
        resourceSid: p.MessageSid,
        event: p.MessageStatus,
        errorCode: p.ErrorCode ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { known: true };

  const code = p.ErrorCode ?? null;
  if (run.kind !== 'SMS_FALLBACK' || isFallbackSms) {
    if (delivered.has(p.MessageStatus)) {
      await finish(
        run.id,
        'PASSED',
        isFallbackSms
          ? 'WhatsApp failed as intended and the SMS fallback was delivered.'
          : 'Delivered: the phone received it.',
      );
    } else if (failed.has(p.MessageStatus)) {
      await finish(run.id, 'FAILED', `Not delivered: ${describeTwilioCode(code)}`, code);
    }
    return { known: true };
  }

  // The WhatsApp half of the fallback test.
  if (delivered.has(p.MessageStatus)) {
    await finish(
      run.id,
      'FAILED',
      'The WhatsApp message was delivered, so no fallback was needed: that phone messaged the clinic in the last 24 hours. Try a phone that has not.',
    );
    return { known: true };
  }
  if (!failed.has(p.MessageStatus)) return { known: true };

  const claimed = await db().readinessTestRun.updateMany({
    where: { id: run.id, fallbackAt: null, status: 'RUNNING', toNumber: { not: null } },
    data: { fallbackAt: new Date() },
  });
  if (claimed.count === 0) return { known: true };
  try {
    const e = env();
    const sms = await sendTestMessage({
      to: run.toNumber!,
      from: e.TWILIO_PHONE_NUMBER ?? '',
      body: FALLBACK_SMS_BODY,
      statusCallback: testStatusCallbackUrl(run.id, 'fallback'),
    });
    await db().readinessTestRun.update({
      where: { id: run.id },
      data: { fallbackSid: sms.sid, errorCode: code },
    });
  } catch (err) {
    const error = toTwilioError(err);
    log.warn('readiness.fallback_failed', { runId: run.id, code: error.code });
    await finish(
      run.id,
      'FAILED',
      `WhatsApp failed as intended, but the SMS fallback was refused: ${error.message}`,
      error.code,
    );
  }
  return { known: true };
}
