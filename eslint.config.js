import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Boundaries: app → components → lib, product code never imports dev tooling,
// and lib folders never import each other in a circle.
const productCode = ['./app', './components', './lib', './proxy.ts', './instrumentation.ts'];
const devTooling = ['./scripts', './tests', './bench', './tools'];

/** Each lib folder and the lib folders it imports today. */
const libImports = {
  'api-tokens': ['audit', 'auth', 'db', 'errors', 'http'],
  appointments: ['audit', 'auth', 'db', 'errors', 'patients', 'reminders', 'schemas', 'time', 'video'],
  audit: ['db', 'log'],
  auth: ['audit', 'db', 'env', 'errors', 'log', 'rate-limit', 'schemas', 'time'],
  clinic: ['audit', 'auth', 'db', 'schemas'],
  costs: ['audit', 'auth', 'db', 'log', 'readiness', 'schemas', 'twilio'],
  db: ['env', 'log'],
  http: ['auth', 'env', 'errors', 'log', 'ops', 'schemas'],
  jobs: ['costs', 'db', 'env', 'log', 'rate-limit', 'readiness', 'reminders', 'retention', 'twilio'],
  messaging: ['audit', 'db', 'env', 'errors', 'reminders', 'schemas', 'time'],
  ops: ['db', 'env', 'log'],
  patients: ['appointments', 'audit', 'auth', 'db', 'errors', 'phone', 'schemas', 'time'],
  'rate-limit': ['auth', 'db', 'env', 'video'],
  readiness: ['audit', 'auth', 'costs', 'db', 'env', 'errors', 'log', 'phone', 'schemas', 'twilio'],
  reminders: [
    'appointments', 'audit', 'auth', 'db', 'env', 'errors', 'jobs', 'log', 'messaging', 'phone', 'readiness',
    'schemas', 'time', 'twilio', 'video',
  ],
  retention: ['audit', 'db', 'log'],
  schemas: ['errors', 'phone', 'readiness', 'reminders', 'time'],
  time: ['db'],
  twilio: ['env', 'http', 'log', 'ops'],
  users: ['audit', 'auth', 'db', 'errors', 'schemas', 'time', 'video'],
  video: ['audit', 'auth', 'db', 'env', 'errors', 'http', 'log', 'rate-limit', 'schemas', 'time', 'twilio'],
};

/**
 * Circles still in lib (issue 14), each as the import that has to go. Until it
 * goes, neither direction of its pair is checked; once it is gone, delete it
 * here and from libImports, and the one-way rule for the pair applies.
 */
const circlesToBreak = [
  ['reminders', 'appointments'], // appointment-select moves down
  ['reminders', 'jobs'], // queue definitions move into lib/jobs
  ['messaging', 'reminders'], // messaging's reminder parts fold into lib/reminders
  ['costs', 'readiness'], // app-url and the webhook routes move down
  ['schemas', 'readiness'], // readiness types move into lib/schemas
  ['schemas', 'reminders'], // template placeholders move down
  ['patients', 'appointments'], // appointmentWhereForUser moves down
  ['rate-limit', 'auth'], // cookie name, secret and wait wording move down
  ['rate-limit', 'video'], // bearerToken moves down
];

function libZones() {
  const imports = (a, b) => (libImports[a] ?? []).includes(b);
  const pending = new Set(circlesToBreak.map(([a, b]) => `${a}>${b}`));
  const zones = [];
  for (const [a, targets] of Object.entries(libImports)) {
    for (const b of targets) {
      if (!imports(b, a)) {
        zones.push({
          target: `./lib/${b}`,
          from: `./lib/${a}`,
          message: `lib/${a} imports lib/${b}, so lib/${b} must not import it back (no circles between lib folders).`,
        });
      } else if (!pending.has(`${a}>${b}`) && !pending.has(`${b}>${a}`)) {
        throw new Error(`eslint.config.js: lib/${a} and lib/${b} import each other; break the circle.`);
      }
    }
  }
  for (const [a, b] of circlesToBreak) {
    if (!imports(a, b) || !imports(b, a)) throw new Error(`eslint.config.js: ${a} ↔ ${b} is no longer a circle.`);
  }
  return zones;
}

const boundaryZones = [
  { target: './lib', from: ['./app', './components'], message: 'lib never imports app or components.' },
  { target: './components', from: './app', message: 'components never import app.' },
  { target: productCode, from: devTooling, message: 'Product code never imports scripts, tests, bench or tools.' },
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
      // Layers run one way and lib folders never import each other in a circle (eslint.boundaries.js).
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
