// npm run bench:reminders — how fast the reminder engine drains a burst of due
// reminders, and how quickly a WhatsApp failure turns into its SMS fallback.
// A benchmark, not a test: it prints figures and exits 0 unless something broke.
//
//   tsx --conditions=react-server bench/reminders.ts [--count 10000] [--fallbacks 200]
//
// Each round gets a fresh database (DATABASE_URL's server, or the embedded one)
// and a fresh Twilio emulator process. Workers are real `npm run worker`
// processes (scripts/worker.ts). Status callbacks reach the portal's real route
// handlers, served from this process, so each message also costs its two
// signed callbacks (sent, delivered) as in production.
//
// Throughput: `count` reminders due now (WhatsApp, delivered), one worker
// then two. Reported: time from the workers being ready to the emulator having
// accepted the last message, messages per second, duplicates (messages to a
// number beyond the first: must be 0). Run once per Twilio latency in
// --latency-ms (default "0,300"): 0 is the emulator answering at once, which
// makes the run CPU-bound (workers, emulator, webhooks and PostgreSQL share
// this machine's two cores, so a second worker has no core to run on); 300 ms
// stands in for a message create from Australia to Twilio's API (network and
// Twilio's processing), where a worker spends most of its time waiting, as it
// would in production.
// Fallback: `fallbacks` reminders whose WhatsApp message fails in its status
// callback (63016), at the largest latency. Reported: time from that callback
// reaching the portal to the emulator accepting the SMS fallback, p50 and p95.
// Kills: `kill-reminders` reminders falling due over `kill-spread-ms` while two
// workers run and one of them is killed (SIGKILL, its whole process tree) every
// `kill-every-ms` and replaced; a share (`kill-fail-share`) of the patients'
// WhatsApp messages fail in their status callback. Reported: the same fallback
// p50/p95, duplicates (a second message on a channel to a number) and lost
// reminders (no message accepted on the channel that should have carried it).
// The rounds live in bench/reminders/ (one module each, sharing round.ts's set-up).
import { parseArgs } from 'node:util';

import { env, setEnvForThisProcess } from '@/lib/env';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@/tools/embedded-postgres/start-embedded-postgres';
import { PROJECT_ROOT } from '@/tools/local-database';

import { fallbackRound } from './reminders/fallback-round';
import { killRound, type KillOptions } from './reminders/kill-round';
import { say } from './reminders/measure';
import type { RoundSettings, WorkerOptions } from './reminders/round';
import { throughputRound } from './reminders/throughput-round';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string' },
    fallbacks: { type: 'string' },
    'skip-two': { type: 'boolean' },
    'latency-ms': { type: 'string', default: '0,300' },
    // Twilio calls each worker keeps in flight (REMINDER_SEND_CONCURRENCY); default the portal's.
    'in-flight': { type: 'string' },
    // Writes each worker's V8 CPU profile here (open in Chrome DevTools).
    'profile-dir': { type: 'string' },
    // The round with worker kills.
    'skip-kills': { type: 'boolean' },
    // Only the round with kills (a quicker look at recovery).
    'kills-only': { type: 'boolean' },
    'kill-reminders': { type: 'string', default: '400' },
    'kill-spread-ms': { type: 'string', default: '45000' },
    'kill-every-ms': { type: 'string', default: '3000' },
    'kill-fail-share': { type: 'string', default: '0.3' },
  },
});
const COUNT = Number(args.count ?? 10_000);
// This process's own logs (slow seeding inserts, webhook noise) would drown the figures.
setEnvForThisProcess('LOG_LEVEL', 'error');
const FALLBACKS = Number(args.fallbacks ?? 200);
const LATENCIES = args['latency-ms']!.split(',').map((v) => {
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 0) throw new Error(`--latency-ms takes whole numbers of ms, e.g. 0,300`);
  return n;
});
const workerOptions: WorkerOptions = { inFlight: args['in-flight'], profileDir: args['profile-dir'] };
const killOptions: KillOptions = {
  reminders: Number(args['kill-reminders']),
  spreadMs: Number(args['kill-spread-ms']),
  killEveryMs: Number(args['kill-every-ms']),
  failShare: Number(args['kill-fail-share']),
};

let embedded: EmbeddedPostgres | null = null;
const serverUrl =
  env().DATABASE_URL ?? (embedded = await startEmbeddedPostgres({ projectRoot: PROJECT_ROOT })).url;
const settings = (latencyMs: number): RoundSettings => ({ serverUrl, latencyMs, workerOptions });
let exitCode = 0;
try {
  const rounds = [];
  for (const latencyMs of args['kills-only'] ? [] : LATENCIES) {
    const one = await throughputRound(settings(latencyMs), 1, COUNT);
    say(
      `latency ${latencyMs} ms, 1 worker:  ${one.accepted} accepted in ${(one.drainMs / 1000).toFixed(1)} s (${one.perSecond}/s), duplicates ${one.duplicates}; CPU ms/message ${JSON.stringify(one.cpuMsPerMessage)}; load ${one.loadAverage}`,
    );
    const two = args['skip-two'] ? null : await throughputRound(settings(latencyMs), 2, COUNT);
    if (two)
      say(
        `latency ${latencyMs} ms, 2 workers: ${two.accepted} accepted in ${(two.drainMs / 1000).toFixed(1)} s (${two.perSecond}/s), duplicates ${two.duplicates}; CPU ms/message ${JSON.stringify(two.cpuMsPerMessage)}; load ${two.loadAverage}`,
      );
    const speedup = two ? Math.round((one.drainMs / two.drainMs) * 100) / 100 : null;
    // However many workers share the work, the cores cap the rate: the best speedup a second worker could give.
    const speedupCeiling = Math.round((one.cpuCeilingPerSecond / one.perSecond) * 100) / 100;
    say(
      `latency ${latencyMs} ms: two workers ${speedup ?? '-'}× one; this machine's cores allow at most ${speedupCeiling}× (${one.cpuCeilingPerSecond}/s)`,
    );
    rounds.push({ latencyMs, oneWorker: one, twoWorkers: two, speedup, speedupCeiling });
  }
  const fallback = args['kills-only']
    ? null
    : await fallbackRound(settings(Math.max(...LATENCIES)), FALLBACKS);
  if (fallback)
    say(
      `fallback (latency ${fallback.latencyMs} ms): ${fallback.fallbacks} fallbacks, p50 ${fallback.p50Ms} ms, p95 ${fallback.p95Ms} ms, max ${fallback.maxMs} ms, duplicates ${fallback.duplicates}`,
    );

  const kills = args['skip-kills'] ? null : await killRound(settings(Math.max(...LATENCIES)), killOptions);
  if (kills)
    say(
      `kills (latency ${kills.latencyMs} ms): ${kills.kills} workers killed, ${kills.fallbacks} fallbacks, p50 ${kills.p50Ms} ms, p95 ${kills.p95Ms} ms, max ${kills.maxMs} ms, ${kills.over2s} over 2 s; duplicates ${kills.duplicates}, lost ${kills.lost}`,
    );

  const duplicates =
    rounds.reduce((t, r) => t + r.oneWorker.duplicates + (r.twoWorkers?.duplicates ?? 0), 0) +
    (fallback?.duplicates ?? 0) +
    (kills?.duplicates ?? 0);
  const summary = {
    count: COUNT,
    rounds,
    fallback,
    kills,
    targets: Object.fromEntries([
      ...rounds.map((r) => [
        `latency${r.latencyMs}ms`,
        {
          oneWorkerUnder60s: r.oneWorker.drainMs < 60_000,
          twoWorkersAtLeast1_6x: r.speedup === null ? null : r.speedup >= 1.6,
        },
      ]),
      ['fallbackP95Under2s', fallback ? fallback.p95Ms < 2000 : null],
      ['fallbackP95UnderKillsUnder2s', kills ? kills.p95Ms < 2000 : null],
      ['noDuplicates', duplicates === 0],
      ['noneLostUnderKills', kills ? kills.lost === 0 : null],
    ]),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (duplicates !== 0 || (kills?.lost ?? 0) !== 0) exitCode = 1;
} catch (err) {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  exitCode = 1;
} finally {
  await embedded?.stop();
}
// Worker and emulator children and the pg pool keep handles open; exit with the targets' verdict.
process.exit(exitCode);
