// Runs once when a server instance starts: validate the environment so that a
// missing or malformed variable stops the start with a message naming it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { env } = await import('@/lib/env');
    env();
  }
}
