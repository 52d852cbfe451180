// Malformed requests for every public route, shared by `npm run fuzz`
// (scripts/fuzz/main.ts) and the reduced run in the end-to-end suite
// (tests/e2e/fuzz.spec.ts). Deterministic for a seed, so a failure can be
// replayed. Every webhook is sent both unsigned and correctly signed (with the
// algorithm Twilio and the emulator use and the auth token the server runs
// with), so that the malformed fields get past the signature check and reach
// the parsing behind it. Phone numbers, email addresses and message text are
// "planted" values the caller greps the server's logs for afterwards.
import { randomBytes } from 'node:crypto';

import { authCases } from './auth-cases';
import type { FuzzCase, FuzzOptions, PlantedValues } from './case-types';
import { jsonRouteCases } from './json-route-cases';
import { pageCases } from './page-cases';
import { webhookCases } from './webhook-cases';

export type { FuzzCase, FuzzOptions, PlantedValues } from './case-types';

export function plantedValues(): PlantedValues {
  const digits = String(1000 + (randomBytes(2).readUInt16BE() % 9000));
  const tag = randomBytes(6).toString('hex');
  return {
    // An Australian mobile in the range set aside for fiction (0491 570 xxx).
    phone: `+61491570${digits.slice(0, 3)}`,
    text: `fuzz canary ${tag}`,
    email: `canary-${tag}@fuzz.example`,
  };
}

/** The strings to look for in the logs: each planted value as sent and as it may be written. */
export function leakNeedles(planted: PlantedValues): string[] {
  return [
    planted.phone,
    planted.phone.slice(1),
    planted.phone.replace('+61', '0'),
    planted.text,
    planted.text.replace(/ /g, '+'),
    encodeURIComponent(planted.text),
    planted.email,
    encodeURIComponent(planted.email),
  ];
}

// A small seeded PRNG (mulberry32): the same seed gives the same requests.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* fuzzCases(options: FuzzOptions): Generator<FuzzCase> {
  const r = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const { planted } = options;
  const generators: Array<() => FuzzCase[]> = [
    () => webhookCases(options, r, pick),
    () => webhookCases(options, r, pick),
    () => webhookCases(options, r, pick),
    () => jsonRouteCases(r, pick),
    () => authCases(planted, r, pick),
    () => authCases(planted, r, pick),
    () => pageCases(options, r, pick),
  ];
  for (;;) yield* pick(generators)();
}
