// `npm run dev` serves its scripts to this machine's own addresses and to the
// hosts DEV_ALLOWED_ORIGINS names, so a page opened at 127.0.0.1, at the LAN
// address Next prints, or at a configured name hydrates. A malformed value is
// refused at start-up, naming the variable.
import { networkInterfaces } from 'node:os';

import { describe, expect, it } from 'vitest';

import { EnvError, parseServerEnv } from '@/lib/env/schema';
import { devAllowedOrigins } from '@/lib/env/dev-allowed-origins.js';
import nextConfig from '@/next.config.js';

describe('allowed dev origins', () => {
  it('always include localhost, 127.0.0.1 and every address of this machine', () => {
    const hosts = devAllowedOrigins({});
    expect(hosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']));
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) {
        if (a.family === 'IPv4') expect(hosts).toContain(a.address);
        else if (!a.scopeid) expect(hosts).toContain(`[${a.address}]`);
      }
    }
    expect(nextConfig.allowedDevOrigins).toEqual(expect.arrayContaining(['localhost', '127.0.0.1']));
  });

  it('add the host of each configured name or origin, ports and schemes dropped', () => {
    const hosts = devAllowedOrigins({
      DEV_ALLOWED_ORIGINS: ' portal.test, http://192.168.1.20:3000 ,*.Clinic.test,https://[fd00::5]:3000',
    });
    expect(hosts).toEqual(
      expect.arrayContaining(['portal.test', '192.168.1.20', '*.clinic.test', '[fd00::5]']),
    );
  });

  it('are checked at start-up: a malformed entry names the variable', () => {
    expect(parseServerEnv({ DEV_ALLOWED_ORIGINS: 'portal.test,192.168.1.20:3000' }).DEV_ALLOWED_ORIGINS).toBe(
      'portal.test,192.168.1.20:3000',
    );
    expect(() => parseServerEnv({ DEV_ALLOWED_ORIGINS: 'portal.test, not a host/at all' })).toThrow(EnvError);
    let problems: string[] = [];
    try {
      parseServerEnv({ DEV_ALLOWED_ORIGINS: 'javascript:alert(1)' });
    } catch (err) {
      problems = (err as EnvError).problems;
    }
    expect(problems).toEqual([expect.stringMatching(/^DEV_ALLOWED_ORIGINS must be host names or origins/)]);
  });
});
