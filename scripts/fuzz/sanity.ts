// Before the malformed requests: the well-formed ones still work through the
// same edges (next-auth's reads, a correctly signed webhook, a sign-in page).
import { twilioSignature } from '../twilio-emulator/signature';

export async function sanityChecks(
  baseUrl: string,
  authToken: string,
): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  async function expectStatus(label: string, expected: number[], response: Promise<Response>) {
    const status = (await response).status;
    const pass = expected.includes(status);
    ok &&= pass;
    lines.push(`Sanity: ${label} → ${status} ${pass ? 'ok' : `(expected ${expected.join(' or ')})`}`);
  }
  for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/sign-in']) {
    await expectStatus(`GET ${path}`, [200], fetch(`${baseUrl}${path}`, { redirect: 'manual' }));
  }
  const path = '/api/appointments/twilio-status-callback/';
  const params = {
    RoomSid: `RM${'0'.repeat(31)}1`,
    StatusCallbackEvent: 'room-created',
    Timestamp: new Date().toISOString(),
    AccountSid: `AC${'0'.repeat(32)}`,
  };
  await expectStatus(
    `signed POST ${path}`,
    [204],
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(authToken, `${baseUrl}${path}`, params),
      },
      body: new URLSearchParams(params).toString(),
    }),
  );
  return { ok, lines };
}
