// The Twilio webhooks the fuzzer aims at, each with a valid request to start
// mutating from and the fields that hold numbers.
import type { Params, PlantedValues, Random } from './case-types';
import { hexOf } from './hostile-values';

type WebhookTarget = {
  path: string;
  valid: (r: Random, planted: PlantedValues) => Params;
  numeric: string[];
};

export const WEBHOOKS: WebhookTarget[] = [
  {
    path: '/api/twilio/messages/status',
    valid: (r, p) => ({
      MessageSid: `SM${hexOf(r, 32)}`,
      MessageStatus: ['queued', 'sent', 'delivered', 'read', 'failed', 'undelivered'][Math.floor(r() * 6)]!,
      AccountSid: `AC${hexOf(r, 32)}`,
      To: r() < 0.5 ? p.phone : `whatsapp:${p.phone}`,
      ...(r() < 0.3 ? { ErrorCode: '30008' } : {}),
    }),
    numeric: ['ErrorCode'],
  },
  {
    path: '/api/twilio/messages/status?claim=fuzz-claim',
    valid: (r, p) => ({ MessageSid: `SM${hexOf(r, 32)}`, MessageStatus: 'sent', To: p.phone }),
    numeric: ['ErrorCode'],
  },
  {
    path: '/api/twilio/messages/inbound',
    valid: (r, p) => ({
      MessageSid: `SM${hexOf(r, 32)}`,
      AccountSid: `AC${hexOf(r, 32)}`,
      From: r() < 0.5 ? p.phone : `whatsapp:${p.phone}`,
      To: '+61491570156',
      Body: ['C', 'YES', 'R', 'STOP', 'START', 'HELP', p.text][Math.floor(r() * 7)]!,
      NumMedia: '0',
    }),
    numeric: ['NumMedia'],
  },
  {
    path: '/api/twilio/readiness/message-status',
    valid: (r, p) => ({
      MessageSid: `SM${hexOf(r, 32)}`,
      MessageStatus: 'delivered',
      To: p.phone,
      ...(r() < 0.3 ? { ErrorCode: '30003' } : {}),
    }),
    numeric: ['ErrorCode'],
  },
  {
    path: '/api/twilio/usage-triggers',
    valid: (r) => ({
      UsageTriggerSid: `UT${hexOf(r, 32)}`,
      UsageCategory: 'totalprice',
      TriggerValue: String(10 + Math.floor(r() * 500)),
      CurrentValue: (r() * 1000).toFixed(2),
      // A month long past, so the current month's alerts are not touched.
      DateFired: new Date(Date.UTC(2001, Math.floor(r() * 12), 1)).toISOString(),
      AccountSid: `AC${hexOf(r, 32)}`,
    }),
    numeric: ['TriggerValue', 'CurrentValue'],
  },
  {
    path: '/api/appointments/twilio-status-callback/',
    valid: (r) => ({
      RoomSid: `RM${hexOf(r, 32)}`,
      StatusCallbackEvent: [
        'room-created',
        'participant-connected',
        'participant-disconnected',
        'room-ended',
      ][Math.floor(r() * 4)]!,
      Timestamp: new Date(Date.UTC(2026, 10, 1 + Math.floor(r() * 28))).toISOString(),
      SequenceNumber: String(Math.floor(r() * 100)),
      ParticipantSid: `PA${hexOf(r, 32)}`,
      ParticipantIdentity: `patient-${hexOf(r, 8)}`,
      ParticipantDuration: String(Math.floor(r() * 3000)),
      RoomDuration: String(Math.floor(r() * 3000)),
    }),
    numeric: ['SequenceNumber', 'ParticipantDuration', 'RoomDuration'],
  },
];
