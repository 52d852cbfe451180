// Gives each integration test file its own database, copied from the run's
// migrated template, and points the app's env() at it before any app module
// opens a connection.
import { afterAll, inject } from 'vitest';

import { createDatabase, databaseName, dropDatabase, withDatabase } from '../helpers/database-admin';

const templateUrl = inject('templateDatabaseUrl');
const name = `tp_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
await createDatabase(templateUrl, name, databaseName(templateUrl));
const url = withDatabase(templateUrl, name);
process.env.DATABASE_URL = url;

afterAll(async () => {
  // Booking an appointment queues its reminders, which starts a pg-boss sender in this process.
  const { stopJobSender } = await import('@/lib/jobs/job-sender');
  await stopJobSender();
  // The LISTEN connection, before its database goes (else it retries against a dropped one).
  const { closeNotifyListener } = await import('@/lib/db/notify-listener');
  await closeNotifyListener();
  const { disconnectDb } = await import('@/lib/db/client');
  await disconnectDb();
  await dropDatabase(url);
});
