// @ts-check
// Read by next.config.js (plain JavaScript, evaluated before the app), so it
// cannot go through lib/env; DEV_ALLOWED_ORIGINS is validated there all the same.
import { networkInterfaces } from 'node:os';

/**
 * Hosts `next dev` serves its own scripts to. Next 16 blocks them for any host
 * but localhost, so a page opened at 127.0.0.1 or at the "Network:" address (a
 * clinician trying the patient page on a phone) never hydrates. Allowed: this
 * machine's loopback and interface addresses, plus DEV_ALLOWED_ORIGINS (comma-
 * separated host names or origins, e.g. "portal.test,https://192.168.1.20:3000"),
 * validated in lib/env/schema.ts. Read here because next.config is evaluated before
 * the app (and only `next dev` uses it); production never consults the list.
 * @param {Record<string, string | undefined>} environment
 * @returns {string[]}
 */
export function devAllowedOrigins(environment = process.env) {
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      // Link-local IPv6 addresses carry a zone (fe80::1%eth0) that no URL can name.
      if (address.family === 'IPv6' && address.scopeid) continue;
      hosts.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
    }
  }
  for (const entry of (environment.DEV_ALLOWED_ORIGINS ?? '').split(',')) {
    const value = entry.trim();
    if (!value) continue;
    try {
      // "*.clinic.test" stays a pattern; anything else is read as an origin for its host name.
      hosts.add(
        value.startsWith('*.')
          ? value.toLowerCase()
          : new URL(value.includes('://') ? value : `http://${value}`).hostname,
      );
    } catch {
      // lib/env refuses a malformed entry at start-up and names the variable.
    }
  }
  return [...hosts];
}
