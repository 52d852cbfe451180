// PostgreSQL NOTIFY, for the listeners in lib/db/notify-listener.ts.
import 'server-only';

import { defineStatement } from './define-query';

/** $1 channel, $2 payload: delivered when the surrounding transaction commits. */
export const notifyChannel = defineStatement('notify-channel', `SELECT pg_notify($1, $2)`);
