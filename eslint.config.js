import { readdirSync } from 'node:fs';

import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Boundaries: app → components → lib, product code never imports dev tooling,
// and lib folders never import each other in a circle.
const productCode = ['./app', './components', './lib', './proxy.ts', './instrumentation.ts'];
const devTooling = ['./scripts', './tests', './bench', './tools'];

/**
 * lib's folders in layers, from the bottom up. A folder may import only folders in the layers
 * below its own: never one beside it or above it, so no two lib folders can import each other,
 * directly or round a circle. A new lib folder must be placed here (the config refuses to load
 * otherwise); docs/architecture.md says what each folder owns.
 */
const libLayers = [
  ['env', 'errors', 'log', 'phone'], // configuration, typed errors, the logger, phone numbers
  ['db'], // the Prisma client, typed raw queries, the one LISTEN connection
  ['audit', 'jobs', 'ops', 'rate-limit', 'time'], // audit log, queue definitions, health, limits, clinic time
  ['retention', 'schemas'], // retention rules; zod schemas for every input
  ['auth'], // sessions, permissions, the scope of what a user may see
  ['clinic', 'http', 'patients'], // route and action wrappers, SSE, public URLs; clinic and patient records
  ['api-tokens', 'twilio', 'users'], // one module per Twilio resource; staff accounts
  ['costs', 'video'], // Twilio spend; rooms, tokens, links, waiting room, attendance, room events
  ['readiness'], // the go-live checks
  ['reminders'], // scheduling, sending, statuses, replies, templates, staff views
  ['appointments', 'worker'], // bookings (which schedule reminders); the worker's job handlers
];

function libZones() {
  const present = readdirSync(new URL('./lib', import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const placed = libLayers.flat();
  for (const folder of present) {
    if (!placed.includes(folder)) throw new Error(`eslint.config.js: place lib/${folder} in libLayers.`);
  }
  return libLayers.flatMap((layer, i) =>
    layer.map((folder) => ({
      target: `./lib/${folder}`,
      from: [...layer.filter((f) => f !== folder), ...libLayers.slice(i + 1).flat()].map((f) => `./lib/${f}`),
      message: `lib/${folder} may import only lib folders in the layers below it (libLayers in eslint.config.js).`,
    })),
  );
}

const boundaryZones = [
  { target: './lib', from: ['./app', './components'], message: 'lib never imports app or components.' },
  { target: './components', from: './app', message: 'components never import app.' },
  {
    target: productCode,
    from: devTooling,
    message: 'Product code never imports scripts, tests, bench or tools.',
  },
  ...libZones(),
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-e2e*/**',
      '.next-dev/**',
      '.data/**',
      'lib/db/generated/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      // Third-party files copied in by scripts/copy-video-processor-assets.ts.
      'public/vendor/**',
    ],
  },
  {
    rules: {
      // process.env is read in one place only: lib/env.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Layers run one way and lib folders never import each other in a circle (libLayers).
      'import/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },
  {
    files: [
      'lib/env/**',
      'scripts/**',
      'tests/**',
      'playwright.config.ts',
      'vitest.config.ts',
      'next.config.js',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;
