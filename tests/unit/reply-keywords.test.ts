import { describe, expect, it } from 'vitest';

import { isTwilioOptInKeyword, parseReplyKeyword } from '@/lib/reminders/replies/parse-reply-keyword';

const intent = (body: string, optOutType?: string) => parseReplyKeyword(body, optOutType).intent;

describe('parseReplyKeyword', () => {
  // Every body listed reads as the one intent.
  it.each<[string, string, string[]]>([
    [
      'confirms on C or YES in any case, with spaces and trailing punctuation',
      'CONFIRM',
      ['C', 'c', ' yes ', 'Yes!', 'YES.', 'confirm', '"C"'],
    ],
    ['asks to reschedule on R', 'RESCHEDULE', ['R', 'r ', 'Reschedule']],
    [
      'opts out on every standard Twilio opt-out keyword',
      'OPT_OUT',
      [
        'STOP',
        'stop',
        'StopAll',
        'STOP ALL',
        'UNSUBSCRIBE',
        'END',
        'QUIT',
        'CANCEL',
        'OPTOUT',
        'opt-out',
        'REVOKE',
      ],
    ],
    ['answers HELP and INFO', 'HELP', ['help', 'INFO?']],
  ])('%s', (_name, expected, bodies) => {
    for (const body of bodies) expect(intent(body)).toBe(expected);
  });

  it('opts back in on START and UNSTOP, but YES confirms', () => {
    expect(intent('START')).toBe('OPT_IN');
    expect(intent('unstop')).toBe('OPT_IN');
    expect(intent('YES')).toBe('CONFIRM');
  });

  it('knows YES, START and UNSTOP re-subscribe a number at Twilio, and C does not', () => {
    expect(isTwilioOptInKeyword('YES')).toBe(true);
    expect(isTwilioOptInKeyword('START')).toBe(true);
    expect(isTwilioOptInKeyword('UNSTOP')).toBe(true);
    expect(isTwilioOptInKeyword('C')).toBe(false);
    expect(isTwilioOptInKeyword(null)).toBe(false);
  });

  it('counts a keyword only when it is the whole message; anything else reaches staff', () => {
    expect(intent('stop sending me the link')).toBe('UNKNOWN');
    expect(intent('Can I come at 3 instead?')).toBe('UNKNOWN');
    expect(intent('Yes see you then')).toBe('UNKNOWN');
    expect(intent('')).toBe('UNKNOWN');
    expect(parseReplyKeyword('hello').keyword).toBeNull();
  });

  it("follows Twilio's OptOutType when Twilio already acted on a keyword", () => {
    expect(intent('Stop please', 'STOP')).toBe('OPT_OUT');
    expect(intent('arret', 'STOP')).toBe('OPT_OUT');
    expect(intent('START', 'START')).toBe('OPT_IN');
    expect(intent('YES', 'START')).toBe('CONFIRM');
    expect(intent('help me', 'HELP')).toBe('HELP');
  });
});
