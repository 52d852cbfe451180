// @ts-check
import { devAllowedOrigins } from './lib/env/dev-allowed-origins.js';

// Security headers that do not depend on the request live here; the
// Content-Security-Policy (which carries a per-request nonce), HSTS and the
// patient pages' referrer policy are set in proxy.ts.

/**
 * VIDEO_TEST_BUILD=1 (the end-to-end tests' build only): the one module that
 * loads twilio-video is replaced by a stand-in, because Twilio's signalling
 * cannot be reached from test machines. That build goes to .next-e2e/, never
 * to .next/, so `npm start` cannot serve it by mistake after a test run.
 * tests/unit/video-stand-in-isolation.test.ts checks that nothing else can
 * pull the stand-in in. A build-time flag, not runtime configuration, so it is
 * read here and not through lib/env.
 */
const videoTestBuild = process.env.VIDEO_TEST_BUILD === '1';
// Another folder for the test build (E2E_DIST_DIR=.next-e2e-mine), so two test builds on one
// machine do not overwrite each other; it must start with .next-e2e (ignored by git).
const testDistDir = process.env.E2E_DIST_DIR?.startsWith('.next-e2e')
  ? process.env.E2E_DIST_DIR
  : '.next-e2e';

// A second `npm run dev` beside the first builds into .next-dev (scripts/dev.ts sets it):
// Next allows one dev server per build folder.
const devDistDir = process.env.NEXT_DEV_DIST_DIR === '.next-dev' ? '.next-dev' : undefined;

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...(devDistDir && !videoTestBuild ? { distDir: devDistDir } : {}),
  ...(videoTestBuild
    ? {
        distDir: testDistDir,
        turbopack: {
          resolveAlias: {
            '@/components/video/twilio-connect': './tests/e2e/stand-ins/twilio-connect.ts',
          },
        },
      }
    : {}),
  allowedDevOrigins: devAllowedOrigins(),
  poweredByHeader: false,
  reactStrictMode: true,
  // Twilio calls and signs the clinic's callback URL with its trailing slash
  // (/api/appointments/twilio-status-callback/); by default Next would answer
  // it with a 308 to the slash-less path, which Twilio does not follow with the
  // same signed POST. Serve both forms instead (docs/decisions/004-telehealth-video.md).
  skipTrailingSlashRedirect: true,
  // forbidden() renders app/forbidden.tsx with a 403 when a role lacks a permission.
  // agentUpgrade: next dev would otherwise write upgrade notes for AI agents into AGENTS.md.
  experimental: { authInterrupts: true, agentUpgrade: false },
  // The same for its AGENTS.md rules block: the project's docs live in README.md and docs/.
  agentRules: false,
  // Server-only packages with native parts or Wasm stay out of the bundler.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'twilio', '@prisma/adapter-pg'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          {
            key: 'Permissions-Policy',
            value:
              'camera=(self), microphone=(self), display-capture=(self), speaker-selection=(self), geolocation=(), payment=(), usb=()',
          },
        ],
      },
    ];
  },
};

export default nextConfig;
