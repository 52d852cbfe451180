// npm run bench:join-page — what the patient's join page costs a phone, on a
// production build in .next/ (`npm run build`; the test build goes elsewhere). Not a
// test: it prints figures. Starts the same stack as the end-to-end tests
// (fresh database, Twilio emulator, `next start`) and makes a real join link.
//
//   1. First JavaScript: every <script src> in the served HTML of /join/{token},
//      each gzipped at level 9, summed. Target: ≤ 200 KB. Also checks that
//      neither twilio-video nor the test stand-in is among them, and that the
//      stand-in is in no served chunk at all.
//   2. JavaScript a patient loads before tapping Join (Chromium, through the
//      device check and consent), split into first load and what comes later
//      (twilio-video, warmed while idle; the device check; blur).
//   3. Lighthouse, mobile (slow 4G, Moto G Power), median of 3:
//      performance, LCP, TBT, accessibility. Targets: ≥ 0.95, < 1.5 s,
//      < 100 ms, 1.00. Skipped if lighthouse is not installed. Then the same
//      for /sign-in, a page with no video code: Next's own floor on this
//      machine, to tell the join flow's cost from the framework's.
//      --throttling simulate (Lighthouse's default: an unthrottled load, then
//      modelled) or devtools (the load itself throttled).
//
// Options: --runs 3 --skip-lighthouse --skip-baseline --throttling simulate|devtools
//          --chromium /usr/bin/chromium --port 3190
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

import { chromium, type Page } from '@playwright/test';

import { childEnv, setEnvForThisProcess } from '@/lib/env';

import { startStack } from '../tests/e2e/global-setup';
import { demo, signIn } from '../tests/e2e/support';
import { createTelehealthAppointment } from '../tests/e2e/video-support';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
    throttling: { type: 'string', default: 'simulate' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    port: { type: 'string', default: '3190' },
  },
});
if (args.throttling !== 'simulate' && args.throttling !== 'devtools')
  throw new Error(`--throttling takes simulate or devtools, not ${args.throttling}`);
const root = path.resolve(import.meta.dirname, '..');
const CHROMIUM = args.chromium;
const STAND_IN_MARKER = 'tp-video-stand-in';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function makeLink(staff: Page, appointmentId: string): Promise<string> {
  await staff.goto(`/appointments/${appointmentId}`);
  const panel = staff.getByRole('region', { name: 'Video session' });
  await panel.getByRole('button', { name: 'Make a link' }).click();
  const code = panel.locator('code').first();
  await code.getByText('/join/').waitFor();
  return (await code.textContent())!.trim();
}

function assertProductionBuild() {
  const chunks = path.join(root, '.next', 'static', 'chunks');
  if (!existsSync(chunks)) throw new Error('No build: run `npx next build` first.');
  const withStandIn = readdirSync(chunks, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js') && readFileSync(path.join(chunks, f), 'utf8').includes(STAND_IN_MARKER));
  if (withStandIn.length) {
    throw new Error(
      `This build contains the twilio-video stand-in (${withStandIn.join(', ')}): it was built with VIDEO_TEST_BUILD=1. Rebuild without it.`,
    );
  }
  console.log('Production build: no stand-in code in any chunk.');
}

async function firstJavaScript(url: string) {
  const html = await (await fetch(url)).text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)];
  // Modern browsers skip `nomodule` scripts (Next's legacy polyfills): counted apart.
  const isNoModule = (m: RegExpMatchArray) => /\snomodule/i.test(`${m[1]} ${m[3]}`);
  const srcs = tags.filter((m) => !isNoModule(m)).map((m) => m[2]!);
  const legacy = tags.filter(isNoModule).map((m) => m[2]!);
  let legacyBytes = 0;
  for (const src of legacy)
    legacyBytes += gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer()), {
      level: 9,
    }).length;
  let total = 0;
  const rows: Array<[string, number]> = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    const gz = gzipSync(body, { level: 9 }).length;
    if (body.includes('twilio-video.js') || body.includes(STAND_IN_MARKER)) {
      throw new Error(`${src} carries twilio-video or the stand-in in the first JavaScript`);
    }
    rows.push([src, gz]);
    total += gz;
  }
  return { rows, total, legacyBytes };
}

async function javascriptBeforeJoin(browserPath: string, url: string) {
  const browser = await chromium.launch({
    executablePath: browserPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const loaded: Array<{ url: string; phase: string }> = [];
  let phase = 'first load';
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || r.url().endsWith('.js'))
      loaded.push({ url: r.url(), phase });
  });
  await page.goto(url, { waitUntil: 'load' });
  phase = 'while idle (warm-up)';
  await page.waitForTimeout(5000);
  phase = 'device check';
  await page.getByRole('button', { name: 'Check my camera and sound' }).click();
  await page.getByRole('button', { name: 'Turn on camera and microphone' }).click();
  await page.getByLabel('Your camera preview').waitFor();
  await page.waitForTimeout(3000);
  await browser.close();
  const sizes = new Map<string, number>();
  for (const { phase: p, url: u } of loaded) {
    const body = Buffer.from(await (await fetch(u)).arrayBuffer());
    sizes.set(p, (sizes.get(p) ?? 0) + gzipSync(body, { level: 9 }).length);
  }
  return sizes;
}

function lighthouse(url: string, runs: number, label: string) {
  const bin = path.join(root, 'node_modules', '.bin', 'lighthouse');
  if (!existsSync(bin)) {
    console.log('Lighthouse: not installed (npm i -D lighthouse); skipped.');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'lh-'));
  const results: Array<{ perf: number; a11y: number; lcp: number; tbt: number }> = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(dir, `run-${i}.json`);
    execFileSync(
      bin,
      [
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility',
        '--form-factor=mobile',
        `--throttling-method=${args.throttling}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --use-fake-device-for-media-stream --use-fake-ui-for-media-stream',
      ],
      { env: childEnv({ CHROME_PATH: CHROMIUM }), stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue: number }>;
    };
    results.push({
      perf: report.categories.performance!.score,
      a11y: report.categories.accessibility!.score,
      lcp: report.audits['largest-contentful-paint']!.numericValue,
      tbt: report.audits['total-blocking-time']!.numericValue,
    });
  }
  const m = {
    perf: median(results.map((r) => r.perf)),
    a11y: median(results.map((r) => r.a11y)),
    lcp: median(results.map((r) => r.lcp)),
    tbt: median(results.map((r) => r.tbt)),
  };
  console.log(`\nLighthouse, mobile (${args.throttling} throttling), median of ${runs}: ${label}`);
  console.log(
    `  performance   ${m.perf.toFixed(2)}   (target ≥ 0.95)  runs: ${results.map((r) => r.perf.toFixed(2)).join(', ')}`,
  );
  console.log(
    `  LCP           ${(m.lcp / 1000).toFixed(2)} s (target < 1.5 s)  runs: ${results.map((r) => (r.lcp / 1000).toFixed(2)).join(', ')}`,
  );
  console.log(
    `  TBT           ${Math.round(m.tbt)} ms  (target < 100 ms)  runs: ${results.map((r) => Math.round(r.tbt)).join(', ')}`,
  );
  console.log(
    `  accessibility ${m.a11y.toFixed(2)}   (target 1.00)  runs: ${results.map((r) => r.a11y.toFixed(2)).join(', ')}`,
  );
}

async function main() {
  assertProductionBuild();
  // The e2e stack (tests/e2e/global-setup.ts) reads its port from E2E_PORT.
  setEnvForThisProcess('E2E_PORT', args.port);
  const teardown = await startStack({ build: 'production' });
  const base = `http://127.0.0.1:${args.port}`;
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const staff = await browser.newPage({ baseURL: base });
    await signIn(staff, demo.reception);
    const appointment = await createTelehealthAppointment({ startsInMs: 5 * 60_000 });
    const link = await makeLink(staff, appointment.id);
    await browser.close();
    const url = `${base}${new URL(link).pathname}`;

    const first = await firstJavaScript(url);
    console.log('\nFirst JavaScript of /join/{token} (gzip -9 of each <script src>):');
    for (const [src, gz] of first.rows) console.log(`  ${kb(gz).padStart(9)}  ${src}`);
    console.log(
      `  ${kb(first.total).padStart(9)}  total (target ≤ 200 KB) ${first.total <= 200 * 1024 ? 'OK' : 'OVER'}`,
    );
    if (first.legacyBytes)
      console.log(
        `  ${kb(first.legacyBytes).padStart(9)}  nomodule polyfills (not loaded by modern browsers; not counted)`,
      );

    const phases = await javascriptBeforeJoin(CHROMIUM, url);
    console.log('\nJavaScript loaded before Join, by phase (gzip -9):');
    for (const [p, bytes] of phases) console.log(`  ${kb(bytes).padStart(9)}  ${p}`);

    if (!args['skip-lighthouse']) {
      lighthouse(url, Number(args.runs), '/join/{token}');
      // For comparison: a page with no video code at all (Next's own floor on this machine).
      if (!args['skip-baseline']) lighthouse(`${base}/sign-in`, Number(args.runs), '/sign-in (baseline)');
    }
  } finally {
    await teardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
