// Every Twilio and camera/microphone error the video pages can meet maps to a
// plain message and a next step, from the one table in
// components/video/error-messages.ts. One test per row.
import { describe, expect, it } from 'vitest';

import {
  describeVideoError,
  UNKNOWN_VIDEO_PROBLEM,
  VIDEO_ERROR_TABLE,
  videoErrorKey,
  type NextStep,
} from '@/components/video/error-messages';

const twilioError = (code: number) =>
  Object.assign(new Error(`Twilio ${code}`), { name: 'TwilioError', code });
const domError = (name: string) => Object.assign(new Error(name), { name });

const rows: Array<[string, unknown, string, NextStep]> = [
  ['53000 signalling connection error', twilioError(53000), 'We couldn’t reach the video service', 'rejoin'],
  ['53001 signalling connection dropped', twilioError(53001), 'Your connection dropped', 'rejoin'],
  ['53002 signalling connection timed out', twilioError(53002), 'The connection timed out', 'rejoin'],
  ['53105 room full', twilioError(53105), 'The session is full', 'contact-clinic'],
  ['53118 room completed', twilioError(53118), 'The session has ended', 'contact-clinic'],
  ['53205 duplicate identity', twilioError(53205), 'You joined from somewhere else', 'rejoin'],
  ['53405 media connection failed', twilioError(53405), 'Sound and video couldn’t get through', 'rejoin'],
  ['20104 access token expired', twilioError(20104), 'Your access needed renewing', 'rejoin'],
  [
    'NotAllowedError: blocked',
    domError('NotAllowedError'),
    'The camera and microphone are blocked',
    'retry-devices',
  ],
  ['NotFoundError: no device', domError('NotFoundError'), 'No camera or microphone found', 'retry-devices'],
  [
    'NotReadableError: in use elsewhere',
    domError('NotReadableError'),
    'The camera or microphone is busy',
    'retry-devices',
  ],
  [
    'OverconstrainedError: device gone',
    domError('OverconstrainedError'),
    'That camera or microphone isn’t available',
    'retry-devices',
  ],
];

describe('video error table', () => {
  it.each(rows)('%s has a plain message and a next step', (_label, error, title, action) => {
    const problem = describeVideoError(error);
    expect(problem.title).toBe(title);
    expect(problem.action).toBe(action);
    expect(problem.message.length).toBeGreaterThan(20);
    expect(problem.nextStep.length).toBeGreaterThan(20);
    // Plain words: no codes, no jargon.
    expect(`${problem.title} ${problem.message} ${problem.nextStep}`).not.toMatch(
      /\b\d{5}\b|\bICE\b|\bSDP\b|WebRTC|\btoken\b|signall?ing/i,
    );
  });

  it('covers every row of the table with a test above', () => {
    expect(rows).toHaveLength(Object.keys(VIDEO_ERROR_TABLE).length);
  });

  it('shows browser steps only for a blocked camera and microphone', () => {
    expect(VIDEO_ERROR_TABLE.NotAllowedError.showUnblockSteps).toBe(true);
    const others = Object.entries(VIDEO_ERROR_TABLE).filter(([key]) => key !== 'NotAllowedError');
    expect(others.every(([, p]) => !p.showUnblockSteps)).toBe(true);
  });

  it('reads older browsers’ names for the same errors', () => {
    expect(videoErrorKey(domError('PermissionDeniedError'))).toBe('NotAllowedError');
    expect(videoErrorKey(domError('DevicesNotFoundError'))).toBe('NotFoundError');
    expect(videoErrorKey(domError('TrackStartError'))).toBe('NotReadableError');
    expect(videoErrorKey(domError('ConstraintNotSatisfiedError'))).toBe('OverconstrainedError');
  });

  it('falls back to a general message for anything else', () => {
    expect(describeVideoError(twilioError(99999))).toBe(UNKNOWN_VIDEO_PROBLEM);
    expect(describeVideoError(new Error('boom'))).toBe(UNKNOWN_VIDEO_PROBLEM);
    expect(describeVideoError(null)).toBe(UNKNOWN_VIDEO_PROBLEM);
  });
});

describe('one label per action', () => {
  it('names the “Join again” button, the label the pages give it, in every message whose next step is to rejoin', async () => {
    const { JOIN_AGAIN, problemFor } = await import('@/components/video/error-messages');
    for (const problem of [...Object.values(VIDEO_ERROR_TABLE), UNKNOWN_VIDEO_PROBLEM]) {
      if (problem.action !== 'rejoin') continue;
      expect(problem.nextStep).toContain(`“${JOIN_AGAIN}”`);
      expect(problemFor(problem, 'clinician').nextStep).toContain(JOIN_AGAIN);
    }
  });

  it('gives the clinician their own words where the patient’s would be wrong for them', async () => {
    const { problemFor } = await import('@/components/video/error-messages');
    const ended = problemFor(VIDEO_ERROR_TABLE[53118], 'clinician');
    expect(ended.message).not.toMatch(/the clinician has ended/i);
    expect(problemFor(VIDEO_ERROR_TABLE[53105], 'clinician').nextStep).not.toMatch(/contact the clinic/i);
    expect(problemFor(VIDEO_ERROR_TABLE[53118], 'patient')).toBe(VIDEO_ERROR_TABLE[53118]);
  });
});
