import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
