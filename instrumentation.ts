// Runs once when a server instance starts: validate the environment so that a
// missing or malformed variable stops the start with a message naming it, and
// (without a trusted proxy) make X-Forwarded-For the socket's own address, so
// rate limits count where requests really come from (lib/rate-limit/socket-address.ts).
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration: the edge runtime has no env module to load.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('@/lib/env');
    const { installSocketAddressHeader } = await import('@/lib/rate-limit/socket-address');
    installSocketAddressHeader(env().TRUST_PROXY);
  }
}
