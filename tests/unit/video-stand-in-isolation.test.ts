// The twilio-video stand-in (tests/e2e/stand-ins/twilio-connect.ts) must never
// reach a production bundle: only next.config.js can put it in, and only with
// VIDEO_TEST_BUILD=1; no product module imports it. (bench/join-page.ts also
// checks the served JavaScript of a production build for its marker.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

async function loadConfig(flag: string | undefined) {
  vi.resetModules();
  if (flag === undefined) vi.stubEnv('VIDEO_TEST_BUILD', '');
  else vi.stubEnv('VIDEO_TEST_BUILD', flag);
  const mod = (await import('../../next.config.js')) as { default: Record<string, unknown> };
  return mod.default;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : [];
  });
}

describe('the twilio-video stand-in stays out of production', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is aliased only when VIDEO_TEST_BUILD=1, and that build goes to .next-e2e/, not .next/', async () => {
    for (const flag of [undefined, '0']) {
      const config = await loadConfig(flag);
      expect(config.turbopack).toBeUndefined();
      expect(config.distDir).toBeUndefined();
    }
    const test = await loadConfig('1');
    expect(test.distDir).toBe('.next-e2e');
    expect(test.turbopack).toEqual({
      resolveAlias: { '@/components/video/twilio-connect': './tests/e2e/stand-ins/twilio-connect.ts' },
    });
  });

  it('is imported by no product module', () => {
    const product = ['app', 'components', 'lib'].flatMap((d) => sourceFiles(path.join(root, d)));
    expect(product.length).toBeGreaterThan(50);
    // The stand-in, the e2e folder or the project's tests/ (not lib/readiness/tests/, which is product code).
    const importsTests =
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](?:@\/tests\/|(?:\.\.\/)+tests\/|[^'"]*stand-ins)/;
    const offenders = product.filter((file) => importsTests.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('has the same exports as the module it replaces', async () => {
    const real = readFileSync(path.join(root, 'components/video/twilio-connect.ts'), 'utf8');
    const standIn = readFileSync(path.join(root, 'tests/e2e/stand-ins/twilio-connect.ts'), 'utf8');
    const exported = (text: string) =>
      [...text.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]).sort();
    expect(exported(standIn)).toEqual(exported(real));
  });
});
