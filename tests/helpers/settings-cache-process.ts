// A second portal process for tests (run with tsx --conditions=react-server):
// it loads the real reminder-settings cache and answers, one JSON line per
// request on stdin ({"clinicId": "..."}), with what that cache gives now and
// which settings_changed notices it has heard. Exits when stdin closes.
import { createInterface } from 'node:readline';

import { settingsWatchReady, watchSettings } from '@/lib/db/settings-changed';
import { getReminderConfig } from '@/lib/reminders/templates/get-reminder-config';

// Reading stdin keeps this process alive (the listener's connection does not).
const requests = createInterface({ input: process.stdin });
const heard: string[] = [];
watchSettings((change) => {
  heard.push(change === 'everything' ? 'everything' : `${change.setting}:${change.clinicId}`);
});
await settingsWatchReady();

const send = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
send({ ready: true });

for await (const line of requests) {
  const { clinicId } = JSON.parse(line) as { clinicId: string };
  const config = await getReminderConfig(clinicId);
  send({
    reminder: config.templates.TELEHEALTH.smsBody,
    cancelNotice: config.noticeTemplates.CANCELLED.TELEHEALTH.smsBody,
    phone: config.clinicPhone,
    heard,
  });
}
process.exit(0);
