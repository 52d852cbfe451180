import { describe, expect, it } from 'vitest';

import { DEFAULT_QUIET_HOURS, quietHoursEnd } from '@/lib/reminders/scheduling/apply-quiet-hours';
import { NOTICE_DEBOUNCE_MS, planNoticeTime } from '@/lib/reminders/scheduling/plan-notice-time';
import {
  DEFAULT_NOTICE_TEMPLATES,
  noticeTemplateProblems,
  renderTemplate,
  reminderTemplateValues,
  whatsappContentVariables,
} from '@/lib/reminders/templates/render-template';
import { formatInTimeZone, zonedTimeToUtc } from '@/lib/time/clinic-time';

function at(date: string, time: string, timeZone: string): Date {
  const r = zonedTimeToUtc(date, time, timeZone);
  if (!r.ok) throw new Error(`${date} ${time} does not exist in ${timeZone}`);
  return r.date;
}
const local = (d: Date, timeZone: string) => formatInTimeZone(d, timeZone, 'yyyy-MM-dd HH:mm');
const SYD = 'Australia/Sydney';
const PER = 'Australia/Perth';

function plan(changed: Date, startsAt: Date, previous: Date, timeZone = SYD) {
  return planNoticeTime({
    changedAt: changed,
    startsAt,
    previousStartsAt: previous,
    timeZone,
    quietHours: DEFAULT_QUIET_HOURS,
  });
}

/** plan() with Sydney wall-clock times written 'yyyy-MM-dd HH:mm'; the due time comes back the same way. */
function sydneyPlan(changed: string, startsAt: string, previous: string) {
  const sydney = (wallClock: string) => at(wallClock.slice(0, 10), wallClock.slice(11), SYD);
  const p = plan(sydney(changed), sydney(startsAt), sydney(previous));
  return { quiet: p.quiet, dueAt: local(p.dueAt, SYD) };
}

describe('planNoticeTime', () => {
  it('goes three minutes after a daytime change', () => {
    const changed = at('2026-03-10', '10:00', SYD);
    const p = plan(changed, at('2026-03-12', '11:30', SYD), at('2026-03-12', '10:00', SYD));
    expect(p).toEqual({ dueAt: new Date(changed.getTime() + NOTICE_DEBOUNCE_MS), quiet: 'NONE' });
  });

  it('holds a night-time change until 8 am when the earlier of the two times is at least two hours later', () => {
    expect(sydneyPlan('2026-03-10 22:00', '2026-03-11 14:00', '2026-03-11 10:00')).toEqual({
      quiet: 'HELD',
      dueAt: '2026-03-11 08:00',
    });
  });

  it('goes at night when the patient still expects the old time before 10 am', () => {
    // Moved from 9:30 to the afternoon: the patient must not turn up at 9:30 unaware.
    expect(sydneyPlan('2026-03-10 22:00', '2026-03-11 15:00', '2026-03-11 09:30')).toEqual({
      quiet: 'URGENT',
      dueAt: '2026-03-10 22:03',
    });
  });

  it('follows the patient’s clock: a change just before 8 pm in Perth is held there until 8 am Perth time', () => {
    const changed = at('2026-06-10', '19:58', PER);
    const p = plan(changed, at('2026-06-12', '10:00', PER), at('2026-06-12', '09:00', PER), PER);
    expect(p.quiet).toBe('HELD');
    expect(local(p.dueAt, PER)).toBe('2026-06-11 08:00');
  });

  it('holds a change made after midnight until 8 am the same morning', () => {
    expect(local(quietHoursEnd(at('2026-03-11', '01:15', SYD), SYD, DEFAULT_QUIET_HOURS), SYD)).toBe(
      '2026-03-11 08:00',
    );
  });

  it('ends quiet hours at 8 am local on the day daylight saving ends', () => {
    // Sydney leaves daylight saving at 3 am on 5 April 2026: the held notice still goes at 8 am local.
    const end = quietHoursEnd(at('2026-04-04', '23:00', SYD), SYD, DEFAULT_QUIET_HOURS);
    expect(formatInTimeZone(end, SYD, 'yyyy-MM-dd HH:mm xxx')).toBe('2026-04-05 08:00 +10:00');
  });
});

describe('change notice templates', () => {
  const values = reminderTemplateValues({
    clinicName: 'Harbourside',
    clinicPhone: '02 9000 0000',
    startsAt: at('2026-03-12', '11:30', SYD),
    timeZone: SYD,
    joinUrl: 'https://portal.example/join/abc',
  });

  it('the default texts pass their own checks and hold only the time, clinic, link or phone', () => {
    for (const notice of ['MOVED', 'CANCELLED'] as const) {
      for (const kind of ['TELEHEALTH', 'IN_PERSON'] as const) {
        expect(noticeTemplateProblems(DEFAULT_NOTICE_TEMPLATES[notice][kind], notice, kind)).toEqual([]);
      }
    }
    expect(renderTemplate(DEFAULT_NOTICE_TEMPLATES.MOVED.TELEHEALTH, values)).toBe(
      'Harbourside: your telehealth appointment has moved to Thu 12 Mar at 11:30 am AEDT. Join with the same link: https://portal.example/join/abc Reply C to confirm. Reply STOP to opt out.',
    );
    expect(renderTemplate(DEFAULT_NOTICE_TEMPLATES.CANCELLED.TELEHEALTH, values)).toBe(
      'Harbourside: your telehealth appointment on Thu 12 Mar at 11:30 am AEDT is cancelled. To book again, call 02 9000 0000. Reply STOP to opt out.',
    );
  });

  it('refuses a cancellation text with a join link or without the clinic’s phone', () => {
    expect(
      noticeTemplateProblems('{clinic} {date} {time} {link} {phone} {optout}', 'CANCELLED', 'TELEHEALTH'),
    ).toEqual(['A cancelled appointment has no session to join: remove {link}.']);
    expect(noticeTemplateProblems('{clinic} {date} {time} {optout}', 'CANCELLED', 'IN_PERSON')).toEqual([
      'Include {phone}, so the patient can call the clinic to book again.',
    ]);
  });

  it('maps WhatsApp variable 4 to the join link when moved, and to the phone when cancelled', () => {
    expect(whatsappContentVariables(values, 'TELEHEALTH', 'MOVED')['4']).toBe(
      'https://portal.example/join/abc',
    );
    expect(whatsappContentVariables(values, 'TELEHEALTH', 'CANCELLED')['4']).toBe('02 9000 0000');
  });
});
