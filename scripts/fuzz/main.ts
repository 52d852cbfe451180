// npm run fuzz — thousands of malformed requests at every public route of a
// production build, on this machine only. Prints how many were sent, how many
// got a 5xx, whether the server crashed or dropped a connection, and whether
// its logs gained any planted phone number, email or message text. Exits
// non-zero on any of those.
//
//   npm run fuzz -- [--requests N] [--seconds S] [--concurrency C] [--seed N] [--skip-build]
//                   [--server-log FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { fuzzCases, leakNeedles, plantedValues } from './cases';
import { sanityChecks } from './sanity';
import { newTally, runCases } from './send';
import { build, startFuzzStack } from './stack';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '6000' },
    seconds: { type: 'string', default: '900' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'skip-build': { type: 'boolean', default: false },
    /** Where to write the server's output (for reading what a 5xx was). */
    'server-log': { type: 'string' },
  },
});
const count = Number(values.requests);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const seed = Number(values.seed);
for (const [name, n] of Object.entries({ requests: count, seconds, concurrency, seed })) {
  if (!Number.isSafeInteger(n) || n < 0 || (name !== 'seed' && n === 0)) {
    console.error(`--${name} must be a positive whole number.`);
    process.exit(2);
  }
}

if (!values['skip-build']) build();
const stack = await startFuzzStack();
const planted = plantedValues();
const started = Date.now();
let code = 1;
try {
  // The edges must still let the real thing through: next-auth's own reads and a correct webhook.
  const sane = await sanityChecks(stack.appUrl, stack.authToken);
  for (const line of sane.lines) console.log(line);
  console.log(
    `Fuzzing ${stack.appUrl} with up to ${count} requests for at most ${seconds} s (seed ${seed}).`,
  );
  const tally = await runCases(stack.appUrl, fuzzCases({ ...stack, planted, seed }), {
    count,
    concurrency,
    deadline: started + seconds * 1000,
    tally: newTally(),
    onProgress: (t) => console.log(`  ${t.requests} sent, ${t.serverErrors.length} 5xx`),
  });
  // Give the server a moment to flush what it logs after answering.
  await new Promise((r) => setTimeout(r, 1000));
  const logs = stack.logs();
  const leaks = leakNeedles(planted).filter((needle) => logs.includes(needle));
  const exited = stack.exited();
  const crashes = tally.connectionErrors.length + (exited ? 1 : 0);

  const statuses = [...tally.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  console.log('');
  console.log(`Requests:        ${tally.requests} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`By status:       ${statuses.join(', ')}`);
  console.log(`5xx answers:     ${tally.serverErrors.length}`);
  console.log(`Crashes:         ${crashes}${exited ? ` (server exited: ${JSON.stringify(exited)})` : ''}`);
  console.log(`Timeouts:        ${tally.timeouts} (streams or slow answers; not failures)`);
  console.log(`Leaks in logs:   ${leaks.length > 0 ? `yes (${leaks.length} planted values found)` : 'none'}`);
  console.log(`Server log size: ${logs.length} characters`);
  const byName = new Map<string, number>();
  for (const e of [
    ...tally.serverErrors.map((e) => `${e.status} ${e.name}`),
    ...tally.connectionErrors.map((e) => `${e.error} ${e.name}`),
  ]) {
    byName.set(e, (byName.get(e) ?? 0) + 1);
  }
  for (const [name, n] of [...byName.entries()].slice(0, 40)) console.log(`  ${n} × ${name}`);
  code = tally.serverErrors.length > 0 || crashes > 0 || leaks.length > 0 || !sane.ok ? 1 : 0;
  if (values['server-log']) writeFileSync(values['server-log'], logs);
} finally {
  await stack.stop();
}
process.exit(code);
