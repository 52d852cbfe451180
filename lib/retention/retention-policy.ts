// How long the portal keeps each kind of record, and why. Changed only here
// (docs/decisions/013-retention.md): a clinic cannot shorten what the law asks
// it to keep, nor lengthen what APP 11.2 asks it to let go of.
import 'server-only';

export type RetentionRule = {
  /** What the rule covers, as named in counts, logs and the audit entry. */
  name: RetentionRuleName;
  /** Delete the rows, or keep them with their personal fields emptied. */
  effect: 'delete' | 'anonymise';
  /** Plain statement of the limit, for the decision record and the README. */
  keep: string;
};

export type RetentionRuleName =
  | 'appointments'
  | 'patients'
  | 'auditEntries'
  | 'reminderMessageRecipients'
  | 'inboundReplyContent'
  | 'statusEvents'
  | 'roomEvents'
  | 'readinessTestEvents'
  | 'readinessTestRuns'
  | 'waitingRoomMessages'
  | 'waitingRoomReplies'
  | 'authSessions'
  | 'rateLimitBuckets'
  | 'passwordLinks';

/** The limits themselves. Years are calendar years (UTC), days are 24 hours. */
export const retentionLimits = {
  /** Health records: NSW HRIP Act 2002 s 25 / Vic Health Records Act 2001 / ACT: 7 years from the last service. */
  appointmentYears: 7,
  /** …and for someone under 18 at the time, until they turn 25. */
  minorUntilAge: 25,
  /** Audit of access to health records: kept as long as the records it is about. */
  auditYears: 7,
  /** Message recipient and text: Medicare's 2 years for records supporting a claim, then APP 11.2. */
  messageContentYears: 2,
  /** Raw provider callbacks: long enough to investigate a delivery or billing question. */
  eventDays: 90,
  /** Waiting-room notes and quick replies, readiness test runs: operational, 1 year. */
  operationalYears: 1,
  /** Sign-in sessions (the hourly purge already removes them 1 day after they end) and one-time links. */
  sessionDaysAfterEnd: 30,
  passwordLinkDaysAfterEnd: 30,
  /** Rate-limit buckets (the hourly purge removes them once their window and wait run out). */
  rateLimitDays: 90,
} as const;

export const retentionRules: RetentionRule[] = [
  {
    name: 'appointments',
    effect: 'delete',
    keep: '7 years from the appointment; for a patient under 25, until they turn 25',
  },
  {
    name: 'patients',
    effect: 'delete',
    keep: 'while they have an appointment kept, and at least 7 years from being added (until 25 for a minor)',
  },
  { name: 'auditEntries', effect: 'delete', keep: '7 years' },
  {
    name: 'reminderMessageRecipients',
    effect: 'anonymise',
    keep: 'recipient and text hash 2 years; status, channel, segments, cost and times with the appointment',
  },
  {
    name: 'inboundReplyContent',
    effect: 'anonymise',
    keep: 'sender and text 2 years; intent and times with the appointment',
  },
  { name: 'statusEvents', effect: 'delete', keep: '90 days' },
  { name: 'roomEvents', effect: 'delete', keep: '90 days (attendance figures stay on the session)' },
  { name: 'readinessTestEvents', effect: 'delete', keep: '90 days' },
  { name: 'readinessTestRuns', effect: 'delete', keep: '1 year' },
  { name: 'waitingRoomMessages', effect: 'delete', keep: '1 year' },
  { name: 'waitingRoomReplies', effect: 'delete', keep: '1 year' },
  {
    name: 'authSessions',
    effect: 'delete',
    keep: '30 days after the session ended (the hourly purge takes them after 1 day)',
  },
  { name: 'rateLimitBuckets', effect: 'delete', keep: '90 days, and never while counting or blocking' },
  { name: 'passwordLinks', effect: 'delete', keep: '30 days after expiry, use or revocation' },
];
