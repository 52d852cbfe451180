// Twilio's message statuses in the order a message moves through them, so a
// status callback that arrives late (Twilio does not promise order) never moves
// a message backwards: "sent" after "delivered" is stored but changes nothing.
// Pure and client-safe (the timeline uses the labels).

export type TrackedStatus = 'QUEUED' | 'SENT' | 'DELIVERED' | 'READ' | 'UNDELIVERED' | 'FAILED';

const fromTwilio: Record<string, TrackedStatus> = {
  accepted: 'QUEUED',
  scheduled: 'QUEUED',
  queued: 'QUEUED',
  sending: 'QUEUED',
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'READ',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  // A scheduled message cancelled before it left: as far as the patient goes, it failed.
  canceled: 'FAILED',
};

/** Our status for one of Twilio's, or null for statuses a sent message never has (received, receiving…). */
export function trackedStatusOf(twilioStatus: string): TrackedStatus | null {
  return fromTwilio[twilioStatus.toLowerCase()] ?? null;
}

// Delivered, undelivered and failed are all final and share a rank: the first
// to arrive stands. Read only follows delivered (WhatsApp read receipts).
export const statusRank: Record<TrackedStatus, number> = {
  QUEUED: 10,
  SENT: 20,
  UNDELIVERED: 40,
  FAILED: 40,
  DELIVERED: 40,
  READ: 50,
};

export function isFailureStatus(status: string): boolean {
  return status === 'FAILED' || status === 'UNDELIVERED';
}

/** Whether a message at `current` may move to `next`. */
export function canAdvance(current: { status: string; statusRank: number }, next: TrackedStatus): boolean {
  if (isFailureStatus(current.status)) return false;
  return statusRank[next] > current.statusRank;
}
