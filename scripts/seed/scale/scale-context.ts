// What every part of the clinic-scale seed works from: one connection inside
// one transaction, and the ids and sizes chosen before the first statement.
import 'server-only';

import type pg from 'pg';

export const SCALE_FULL = { patients: 20_000, appointments: 100_000, clinicians: 20, years: 5 } as const;
/** Minutes before the start: a week, two days, a day and two hours. */
export const SCALE_OFFSETS = [10_080, 2_880, 1_440, 120];
export const TIME_ZONE = 'Australia/Sydney';

export type ScaleContext = {
  client: pg.Client;
  /** Runs one statement, adding the rows it wrote to the counts under `name` and logging them. */
  step: (name: string, sql: string, params?: unknown[]) => Promise<void>;
  /** Prefix of every id, so later statements join by number (<tag>pat17, <tag>apt42…). */
  tag: string;
  clinicId: string;
  receptionUserId: string;
  nowIso: string;
  /** How many patients, appointments and clinicians. */
  P: number;
  A: number;
  C: number;
};
