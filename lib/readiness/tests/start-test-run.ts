import 'server-only';

// One click on the readiness page: a test video room (created, then completed,
// so its status callbacks arrive), or a test WhatsApp or SMS to a number the
// admin typed, or a WhatsApp that must fail followed by the SMS fallback.
// The run row is written before Twilio is called, so callbacks always find it.
import { randomBytes } from 'node:crypto';

import { recordChange } from '@/lib/audit/record-change';
import { assertCan } from '@/lib/auth/guards';
import type { SessionUser } from '@/lib/auth/session-user';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log/logger';
import { parseMobile } from '@/lib/phone/parse-mobile';
import { parseInput } from '@/lib/schemas/parse-input';
import { testRunSchema } from '@/lib/readiness/readiness-schemas';
import { toTwilioError } from '@/lib/twilio/errors';
import { sendTestMessage } from '@/lib/twilio/send-test-message';
import { completeRoom, createGroupRoom } from '@/lib/twilio/video-rooms';

import { assertTrialCanMessage } from '../assert-trial-can-message';
import { FALLBACK_WHATSAPP_BODY, TEST_SMS_BODY, TEST_WHATSAPP_BODY } from './test-messages';
import { testStatusCallbackUrl } from './test-status-callback';

export async function startTestRun(actor: SessionUser, input: unknown): Promise<{ runId: string }> {
  assertCan(actor, 'readiness.manage');
  const { kind, to } = parseInput(testRunSchema, input);
  const e = env();

  let number: string | null = null;
  if (kind !== 'VIDEO_ROOM') {
    const parsed = parseMobile(to);
    if (!parsed.ok)
      throw new AppError('INVALID_INPUT', parsed.message, { fieldErrors: { to: [parsed.message] } });
    number = parsed.e164;
    const needsWhatsApp = kind !== 'SMS';
    if (needsWhatsApp && !e.TWILIO_WHATSAPP_FROM) {
      throw new AppError(
        'CONFLICT',
        'No WhatsApp sender is configured (TWILIO_WHATSAPP_FROM), so there is nothing to test.',
      );
    }
    if (!e.TWILIO_PHONE_NUMBER && kind !== 'WHATSAPP') {
      throw new AppError(
        'CONFLICT',
        'No SMS number is configured (TWILIO_PHONE_NUMBER), so there is nothing to test.',
      );
    }
    // A trial account would be refused by Twilio (21608): say why, before calling it.
    await assertTrialCanMessage(number);
  }

  const run = await db().readinessTestRun.create({
    data: {
      kind,
      startedById: actor.id,
      toNumber: kind === 'SMS_FALLBACK' ? number : null,
      toHint: number ? number.slice(-3) : null,
    },
  });
  await recordChange(db(), actor, 'CREATE', {
    type: 'ReadinessTestRun',
    id: run.id,
    detail: { event: 'test_started', kind },
  });

  try {
    if (kind === 'VIDEO_ROOM') {
      const { room } = await createGroupRoom({
        uniqueName: `readiness-test-${randomBytes(8).toString('hex')}`,
        mediaRegion: e.TWILIO_VIDEO_MEDIA_REGION,
        statusCallback: e.TWILIO_STATUS_CALLBACK_URL,
        maxParticipants: 2,
        emptyRoomTimeout: 1,
        unusedRoomTimeout: 1,
      });
      await db().readinessTestRun.update({ where: { id: run.id }, data: { resourceSid: room.sid } });
      await completeRoom(room.sid);
    } else {
      // The run's id rides in the callback URL (signed with it), so a status that
      // arrives before the SID below is stored still finds its run.
      const statusCallback = testStatusCallbackUrl(run.id, 'primary');
      const whatsapp = kind === 'WHATSAPP' || kind === 'SMS_FALLBACK';
      const sent = await sendTestMessage({
        to: whatsapp ? `whatsapp:${number}` : number!,
        from: whatsapp ? e.TWILIO_WHATSAPP_FROM! : e.TWILIO_PHONE_NUMBER!,
        body:
          kind === 'SMS' ? TEST_SMS_BODY : kind === 'WHATSAPP' ? TEST_WHATSAPP_BODY : FALLBACK_WHATSAPP_BODY,
        statusCallback,
      });
      await db().readinessTestRun.update({ where: { id: run.id }, data: { resourceSid: sent.sid } });
    }
  } catch (err) {
    const error = toTwilioError(err);
    log.warn('readiness.test_failed_to_start', {
      runId: run.id,
      kind,
      code: error.code,
      errorKind: error.kind,
    });
    await db().readinessTestRun.update({
      where: { id: run.id },
      data: {
        status: 'FAILED',
        errorCode: error.code,
        outcome: `Twilio refused the test: ${error.message}`,
        finishedAt: new Date(),
        toNumber: null,
      },
    });
  }
  return { runId: run.id };
}
