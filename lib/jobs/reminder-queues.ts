// The reminder job queues' settings, apart from their handlers so that code
// which only sends jobs (booking an appointment, a status callback) does not
// import the sending engine.

/** One job per reminder, sent with startAfter = its due time and singletonKey = its id. */
export const sendReminderQueue = {
  name: 'reminders.send',
  // Backoff from 5 s doubling to 5 minutes: rides out a Twilio outage of about half an hour;
  // after that the sweep (every minute) picks the reminder up again.
  retryLimit: 10,
  retryDelaySeconds: 5,
  retryDelayMaxSeconds: 300,
  // A send takes seconds (one Twilio call, 15 s timeout); a job active longer lost its worker.
  expireInSeconds: 120,
  // An SMS fallback should start as soon as the WhatsApp failure is known.
  notify: true,
  // Thousands of reminders can fall due in the same minute (9 am appointments): each worker
  // fetches them in batches of up to 25 and keeps REMINDER_SEND_CONCURRENCY calls in flight
  // (lib/worker/handlers/send-reminder.ts).
  batchSize: 25,
  pollingIntervalSeconds: 1,
} as const;

/**
 * Which due jobs a worker takes first (pg-boss fetches by priority, then by
 * age). At 9 am thousands of reminders can be waiting: an SMS fallback, whose
 * WhatsApp message has just failed, and a join link a person asked to send now
 * should not wait behind them.
 */
export const REMINDER_PRIORITY = { scheduled: 0, sentByStaff: 1, fallback: 2 } as const;

export const sweepRemindersQueue = {
  name: 'reminders.sweep',
  cron: '* * * * *',
  retryLimit: 0,
  expireInSeconds: 300,
} as const;

/** The light sweep: held early statuses and lost fallbacks, database only (lib/reminders/status/sweep-early-statuses.ts). */
export const sweepEarlyStatusesQueue = {
  name: 'reminders.sweep-early',
  cron: '* * * * *',
  retryLimit: 0,
  expireInSeconds: 60,
} as const;
