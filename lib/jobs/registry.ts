// Every job the worker runs. Add a job by defining it in handlers/ and listing it here.
import 'server-only';

import type { JobDefinition } from './define-job';
import { purgeAuthSessionsJob } from './handlers/purge-auth-sessions';

export const jobs: JobDefinition[] = [purgeAuthSessionsJob];
