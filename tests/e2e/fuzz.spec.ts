// A reduced run of the fuzz harness (npm run fuzz runs thousands) against the
// suite's own server: a few hundred malformed requests at every public route,
// webhooks signed with the auth token the server runs with, and not one 5xx
// or dropped connection. The cases come from the same generator.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { fuzzCases, plantedValues, type FuzzCase } from '../../scripts/fuzz/cases';
import { newTally, runCases } from '../../scripts/fuzz/send';

const REQUESTS = 400;
// Sign-in attempts count against this machine's address; a few are enough here.
const AUTH_POSTS = 6;

function actionIds(): string[] {
  // The test build's folder, as next.config.js chooses it.
  const distDir = process.env.E2E_DIST_DIR?.startsWith('.next-e2e') ? process.env.E2E_DIST_DIR : '.next-e2e';
  const file = path.join(process.cwd(), distDir, 'server', 'server-reference-manifest.json');
  if (!existsSync(file)) return [];
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { node?: object }).node ?? {});
}

function* limited(cases: Generator<FuzzCase>): Generator<FuzzCase> {
  let authPosts = 0;
  for (const c of cases) {
    if (c.method === 'POST' && c.path.startsWith('/api/auth/') && ++authPosts > AUTH_POSTS) continue;
    yield c;
  }
}

test('a few hundred malformed requests at every public route get no 5xx and drop no connection', async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const authToken = process.env.E2E_TWILIO_AUTH_TOKEN;
  expect(authToken, 'global-setup exports the server’s Twilio auth token').toBeTruthy();
  // Ready first (the worker creates the job queue): until then /api/ready rightly answers 503.
  await expect.poll(async () => (await fetch(`${baseURL}/api/ready`)).status, { timeout: 60_000 }).toBe(200);
  const cases = fuzzCases({
    appUrl: baseURL!,
    authToken: authToken!,
    actionIds: actionIds(),
    planted: plantedValues(),
    seed: 20261205,
    sideEffects: false,
  });
  const tally = await runCases(baseURL!, limited(cases), {
    count: REQUESTS,
    concurrency: 4,
    deadline: Date.now() + 200_000,
    tally: newTally(),
  });
  expect(tally.requests).toBeGreaterThanOrEqual(REQUESTS);
  expect(tally.serverErrors).toEqual([]);
  expect(tally.connectionErrors).toEqual([]);
});
