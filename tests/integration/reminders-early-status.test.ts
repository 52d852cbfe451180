// A status callback that arrives before the sender has written the message's
// SID (a WhatsApp failure Twilio reports faster than its REST answer reaches
// us): held on the claim, applied by the SID write in the same statement, so
// the SMS fallback goes at once; after a crash before that write, the light
// sweep applies it; and whichever path wins, exactly one SMS goes.
import { describe, expect, it } from 'vitest';

import { db } from '@/lib/db/client';
import { jobSender } from '@/lib/jobs/job-sender';
import { recordMessageStatus } from '@/lib/reminders/status/record-message-status';
import { SETTLE_MS } from '@/lib/reminders/sending/claim-timing';
import { sendReminderQueue } from '@/lib/jobs/reminder-queues';
import { sendReminder, type SendReminderDeps } from '@/lib/reminders/sending/send-reminder';
import { EARLY_STATUS_GRACE_MS, sweepEarlyStatuses } from '@/lib/reminders/status/sweep-early-statuses';
import { sweepReminders } from '@/lib/reminders/scheduling/sweep-reminders';
import type { AcceptedMessage, OutboundMessage } from '@/lib/twilio/send-message';

import { eventually, reminderState } from '../helpers/reminder-fixtures';
import { setUpReminderSuite } from '../helpers/reminder-suite';

const suite = setUpReminderSuite();

let seq = 0;
const newSid = () => `SM${(++seq).toString(16).padStart(32, 'e')}`;
const claimOf = (m: OutboundMessage) => new URL(m.statusCallback).searchParams.get('claim');
const later = (ms: number) => new Date(Date.now() + ms);

/**
 * A stand-in for Twilio: accepts every message with a new SID. For WhatsApp it
 * first delivers the given status callback (the one that beats the REST answer),
 * then answers when `whatsappAnswer` says: at once, after a gate, or never (the
 * worker died before writing the SID).
 */
function fakeTwilio(callback: { status: string; errorCode?: string }) {
  const sent: (OutboundMessage & { sid: string })[] = [];
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let whatsappAnswer: 'now' | 'gate' | 'never' = 'now';
  const send = async (message: OutboundMessage): Promise<AcceptedMessage> => {
    const sid = newSid();
    sent.push({ ...message, sid });
    if (message.channel === 'WHATSAPP') {
      const held = await recordMessageStatus(
        {
          MessageSid: sid,
          MessageStatus: callback.status,
          To: message.to,
          ...(callback.errorCode ? { ErrorCode: callback.errorCode } : {}),
        },
        claimOf(message),
      );
      expect(held).toBe('HELD');
      if (whatsappAnswer === 'never') return new Promise<never>(() => {});
      if (whatsappAnswer === 'gate') await gate;
    }
    return { sid, status: 'queued', errorCode: null, dateCreated: new Date(), segments: 1 };
  };
  return {
    sent,
    sms: () => sent.filter((m) => m.channel === 'SMS'),
    whatsapp: () => sent.filter((m) => m.channel === 'WHATSAPP'),
    answer(mode: 'now' | 'gate' | 'never') {
      whatsappAnswer = mode;
    },
    open: () => open(),
    deps: (): SendReminderDeps => ({ client: suite.h.client(), send: (m) => send(m) }),
  };
}

const queuedJobs = async (reminderId: string) =>
  (await jobSender(sendReminderQueue)).findJobs(sendReminderQueue.name, { key: reminderId, queued: true });

/** A send whose WhatsApp failure is reported while its worker dies before writing the SID. */
function senderDiesBeforeSid(reminderId: string) {
  const twilio = fakeTwilio({ status: 'failed', errorCode: '63016' });
  twilio.answer('never');
  void sendReminder(reminderId, twilio.deps());
  return twilio;
}

/**
 * A send whose Twilio answer waits at the gate, once the WhatsApp failure that
 * beat it is held on the claim. `run` settles when the gate opens.
 */
async function slowSendWithFailureHeld(reminderId: string) {
  const twilio = fakeTwilio({ status: 'failed', errorCode: '63016' });
  twilio.answer('gate');
  const run = sendReminder(reminderId, twilio.deps());
  await eventually(async () =>
    expect((await reminderState(reminderId)).messages[0]).toMatchObject({ earlyStatus: 'FAILED' }),
  );
  return { twilio, run };
}

describe('a status callback that arrives before the SID is written', () => {
  it('a WhatsApp failure held before the SID write turns into the SMS fallback in the same run, with no sweep', async () => {
    const { reminder } = await suite.scenario();
    const twilio = fakeTwilio({ status: 'failed', errorCode: '63016' });

    expect(await sendReminder(reminder.id, twilio.deps())).toBe('ACCEPTED');

    expect(twilio.whatsapp()).toHaveLength(1);
    expect(twilio.sms()).toHaveLength(1);
    const state = await reminderState(reminder.id);
    expect(state.status).toBe('SENT');
    expect(state.messages).toMatchObject([
      { channel: 'WHATSAPP', status: 'FAILED', errorCode: 63016, twilioSid: twilio.whatsapp()[0]!.sid },
      { channel: 'SMS', status: 'QUEUED', isFallback: true, fallbackReason: 'WHATSAPP_FAILED' },
    ]);
    expect(state.events.map((e) => `${e.type}:${e.channel ?? ''}`)).toEqual([
      'SCHEDULED:',
      'SENT:WHATSAPP',
      'FAILED:WHATSAPP',
      'FALLBACK:SMS',
      'SENT:SMS',
    ]);
    // Running the job again sends nothing more.
    expect(await sendReminder(reminder.id, twilio.deps())).toBe('FINISHED');
    expect(twilio.sms()).toHaveLength(1);
  });

  it('a delivery held before the SID write marks the reminder delivered when the SID is written', async () => {
    const { reminder } = await suite.scenario();
    const twilio = fakeTwilio({ status: 'delivered' });
    expect(await sendReminder(reminder.id, twilio.deps())).toBe('ACCEPTED');
    const state = await reminderState(reminder.id);
    expect(state.status).toBe('DELIVERED');
    expect(state.messages).toMatchObject([{ channel: 'WHATSAPP', status: 'DELIVERED' }]);
    expect(twilio.sms()).toHaveLength(0);
  });

  it('after the worker dies before writing the SID, one light sweep past the grace applies the failure and the fallback goes exactly once', async () => {
    const { reminder } = await suite.scenario();
    const twilio = senderDiesBeforeSid(reminder.id);
    await eventually(async () =>
      expect((await reminderState(reminder.id)).messages[0]).toMatchObject({
        status: 'CLAIMED',
        twilioSid: null,
        earlyStatus: 'FAILED',
      }),
    );

    // Within the grace the sender may still be alive: the sweep leaves it.
    expect(await sweepEarlyStatuses(new Date())).toMatchObject({ adopted: 0 });
    expect(await sweepEarlyStatuses(later(EARLY_STATUS_GRACE_MS + 1000))).toMatchObject({ adopted: 1 });
    const state = await reminderState(reminder.id);
    expect(state.messages).toMatchObject([
      { channel: 'WHATSAPP', status: 'FAILED', errorCode: 63016, twilioSid: twilio.whatsapp()[0]!.sid },
    ]);
    expect(state.status).toBe('SENDING');
    // The fallback job was queued by the sweep itself, not left for the ten-minute check.
    expect(await queuedJobs(reminder.id)).toHaveLength(1);

    twilio.answer('now');
    expect(await sendReminder(reminder.id, twilio.deps())).toBe('ACCEPTED');
    expect(twilio.sms()).toHaveLength(1);

    // Every later sweep and job run adds nothing.
    expect(await sweepEarlyStatuses(later(EARLY_STATUS_GRACE_MS + 1000))).toEqual({
      adopted: 0,
      requeued: 0,
    });
    await sweepReminders(later(SETTLE_MS + 1000), { client: suite.h.client() });
    expect(await sendReminder(reminder.id, twilio.deps())).toBe('FINISHED');
    expect(twilio.sms()).toHaveLength(1);
    expect(twilio.whatsapp()).toHaveLength(1);
  });

  it('when the sweep adopts the claim before the slow sender writes the SID, the sender records nothing and one SMS goes', async () => {
    const { reminder } = await suite.scenario();
    const { twilio, run } = await slowSendWithFailureHeld(reminder.id);
    expect(await sweepEarlyStatuses(later(EARLY_STATUS_GRACE_MS + 1000))).toMatchObject({ adopted: 1 });
    twilio.open();
    // Its claim was taken over: it stops, and the fallback job the sweep queued sends the SMS.
    expect(await run).toBe('BUSY');
    expect(twilio.sms()).toHaveLength(0);
    expect(await sendReminder(reminder.id, twilio.deps())).toBe('ACCEPTED');
    expect(await sendReminder(reminder.id, twilio.deps())).toBe('FINISHED');
    expect(twilio.sms()).toHaveLength(1);
  });

  it('sends exactly one SMS when the sender writes the SID while the sweep adopts the claim', async () => {
    const runs = await Promise.all(
      [1, 2, 3].map(async () => {
        const { reminder } = await suite.scenario();
        return { reminder, ...(await slowSendWithFailureHeld(reminder.id)) };
      }),
    );
    // Both paths at once: every sender is released while the sweep runs.
    const sweep = sweepEarlyStatuses(later(EARLY_STATUS_GRACE_MS + 1000));
    for (const r of runs) r.twilio.open();
    await Promise.all([sweep, ...runs.map((r) => r.run)]);
    for (const { reminder, twilio } of runs) {
      // Whichever path won, the fallback job (queued by the sweep, or the sender itself) settles it.
      await sendReminder(reminder.id, twilio.deps());
      expect(await sendReminder(reminder.id, twilio.deps())).toBe('FINISHED');
      expect(twilio.sms()).toHaveLength(1);
      const state = await reminderState(reminder.id);
      expect(state.messages.map((m) => `${m.channel}:${m.status}`)).toEqual([
        'WHATSAPP:FAILED',
        'SMS:QUEUED',
      ]);
      expect(state.events.filter((e) => e.type === 'FAILED')).toHaveLength(1);
    }
  });
});

describe('the held status itself', () => {
  it('ignores a claim id that cannot be one of ours (a NUL, say) and keeps the status by its SID', async () => {
    const messageSid = newSid();
    expect(
      await recordMessageStatus({ MessageSid: messageSid, MessageStatus: 'failed' }, 'claim\u0000x'),
    ).toBe('UNKNOWN_MESSAGE');
    expect(await db().messageStatusEvent.count({ where: { messageSid } })).toBe(1);
  });

  it('keeps the furthest status: a failure held first is not replaced by a later "sent"', async () => {
    const { reminder } = await suite.scenario();
    const twilio = senderDiesBeforeSid(reminder.id);
    await eventually(async () =>
      expect((await reminderState(reminder.id)).messages[0]).toMatchObject({ earlyStatus: 'FAILED' }),
    );
    const [wa] = twilio.whatsapp();
    expect(
      await recordMessageStatus({ MessageSid: wa!.sid, MessageStatus: 'sent', To: wa!.to }, claimOf(wa!)),
    ).toBe('HELD');
    const row = await db().reminderMessage.findFirstOrThrow({ where: { reminderId: reminder.id } });
    expect(row).toMatchObject({ earlyStatus: 'FAILED', earlyErrorCode: 63016, earlySid: wa!.sid });
  });
});
