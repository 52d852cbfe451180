// Runs once when a server instance starts: validate the environment so that a
// missing or malformed variable stops the start with a message naming it.
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration: the edge runtime has no env module to load.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('@/lib/env');
    env();
  }
}
