import { describe, expect, it } from 'vitest';

import { countSmsSegments } from '@/lib/reminders/templates/count-sms-segments';
import {
  DEFAULT_SMS_TEMPLATES,
  OPT_OUT_TEXT,
  reminderTemplateValues,
  renderTemplate,
  templateProblems,
  whatsappContentVariables,
  zoneAbbreviation,
} from '@/lib/reminders/templates/render-template';

const startsAt = new Date('2026-03-03T23:30:00Z'); // Wed 4 Mar: 10:30 am AEDT, 7:30 am AWST

/** The values for the Sydney clinic's appointment at `startsAt`, with whatever the test changes. */
const valuesWith = (changes: Partial<Parameters<typeof reminderTemplateValues>[0]>) =>
  reminderTemplateValues({
    clinicName: 'Harbourside Psychology',
    clinicPhone: '02 9000 0000',
    startsAt,
    timeZone: 'Australia/Sydney',
    joinUrl: null,
    ...changes,
  });

describe('reminderTemplateValues', () => {
  it("shows the appointment on the patient's clock with the zone's abbreviation", () => {
    const sydney = valuesWith({});
    expect(sydney).toMatchObject({ date: 'Wed 4 Mar', time: '10:30 am AEDT', optout: OPT_OUT_TEXT });
    const perth = valuesWith({ clinicPhone: null, timeZone: 'Australia/Perth' });
    expect(perth).toMatchObject({ date: 'Wed 4 Mar', time: '7:30 am AWST', phone: '' });
  });

  it('names every Australian zone, daylight and standard', () => {
    const summer = new Date('2026-01-15T00:00:00Z');
    const winter = new Date('2026-07-15T00:00:00Z');
    expect(zoneAbbreviation(summer, 'Australia/Adelaide')).toBe('ACDT');
    expect(zoneAbbreviation(winter, 'Australia/Adelaide')).toBe('ACST');
    expect(zoneAbbreviation(summer, 'Australia/Darwin')).toBe('ACST');
    expect(zoneAbbreviation(summer, 'Australia/Brisbane')).toBe('AEST');
    expect(zoneAbbreviation(summer, 'Australia/Hobart')).toBe('AEDT');
    expect(zoneAbbreviation(summer, 'Australia/Lord_Howe')).toBe('LHDT');
    expect(zoneAbbreviation(winter, 'Australia/Lord_Howe')).toBe('LHST');
  });
});

describe('renderTemplate', () => {
  const values = valuesWith({ joinUrl: 'https://portal.example.com.au/join/abc' });

  it('fills every placeholder of the default in-person template and stays in one GSM-7 segment', () => {
    const text = renderTemplate(DEFAULT_SMS_TEMPLATES.IN_PERSON, values);
    expect(text).toBe(
      'Harbourside Psychology: appointment Wed 4 Mar at 10:30 am AEDT. Reply C to confirm, R to reschedule. Reply STOP to opt out.',
    );
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('puts the join link in the telehealth template', () => {
    const text = renderTemplate(DEFAULT_SMS_TEMPLATES.TELEHEALTH, values);
    expect(text).toContain('Join: https://portal.example.com.au/join/abc ');
    expect(text.endsWith(OPT_OUT_TEXT)).toBe(true);
  });

  it('leaves unknown placeholders visible rather than guessing', () => {
    expect(renderTemplate('{clinic} {diagnosis}', values)).toBe('Harbourside Psychology {diagnosis}');
  });
});

describe('templateProblems', () => {
  it('accepts the default templates', () => {
    expect(templateProblems(DEFAULT_SMS_TEMPLATES.TELEHEALTH, 'TELEHEALTH')).toEqual([]);
    expect(templateProblems(DEFAULT_SMS_TEMPLATES.IN_PERSON, 'IN_PERSON')).toEqual([]);
  });

  it('refuses placeholders outside the list, so no name or clinical detail can be merged in', () => {
    const problems = templateProblems('{clinic} {date} {time} {patientName} {optout}', 'IN_PERSON');
    expect(problems.join(' ')).toContain('{patientName}');
  });

  it('requires the opt-out text, the date and time, and the link for telehealth only', () => {
    expect(templateProblems('{clinic} {date} {time}', 'IN_PERSON').join(' ')).toContain('{optout}');
    expect(templateProblems('{clinic} {optout}', 'IN_PERSON').join(' ')).toContain('{date} and {time}');
    expect(templateProblems('{date} {time} {optout}', 'TELEHEALTH').join(' ')).toContain('{link}');
    expect(templateProblems('{date} {time} {link} {optout}', 'IN_PERSON').join(' ')).toContain(
      'remove {link}',
    );
    expect(templateProblems('   ', 'IN_PERSON')).toEqual(['Write the message text.']);
  });
});

describe('whatsappContentVariables', () => {
  it('maps the fixed variables 1–4, with the link for telehealth and the phone in person', () => {
    const values = valuesWith({ joinUrl: 'https://x.example/join/t' });
    expect(whatsappContentVariables(values, 'TELEHEALTH')).toEqual({
      '1': 'Harbourside Psychology',
      '2': 'Wed 4 Mar',
      '3': '10:30 am AEDT',
      '4': 'https://x.example/join/t',
    });
    expect(whatsappContentVariables(values, 'IN_PERSON')['4']).toBe('02 9000 0000');
  });
});
