// Every job the worker runs. Add a job by defining it in handlers/ and listing it here.
import 'server-only';

import type { JobDefinition } from '../jobs/define-job';
import { applyRetentionJob } from './handlers/apply-retention';
import { checkBillingEstimateJob } from './handlers/check-billing-estimate';
import { purgeAuthSessionsJob } from './handlers/purge-auth-sessions';
import { sendReminderJob } from './handlers/send-reminder';
import { sweepEarlyStatusesJob } from './handlers/sweep-early-statuses';
import { sweepRemindersJob } from './handlers/sweep-reminders';

export const jobs: JobDefinition[] = [
  purgeAuthSessionsJob,
  sendReminderJob,
  sweepRemindersJob,
  sweepEarlyStatusesJob,
  checkBillingEstimateJob,
  applyRetentionJob,
];
