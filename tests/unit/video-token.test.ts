// Video access tokens: signed with the API key (not the auth token), one Video
// grant naming one room, an opaque identity, and an expiry inside the limits.
import { createHmac } from 'node:crypto';

import twilio from 'twilio';
import { describe, expect, it, vi } from 'vitest';

import { signVideoAccessToken } from '@/lib/twilio/video-access-token';
import { newVideoIdentity, roleOfIdentity } from '@/lib/video/tokens/video-identity';
import { videoTokenExpiry } from '@/lib/video/tokens/video-token-expiry';

const credentials = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  apiKey: 'SK0123456789abcdef0123456789abcdef',
  apiSecret: 'a-long-enough-api-key-secret-for-tests',
};
const MIN = 60_000;

function decode(jwt: string) {
  const [header, payload, signature] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      iss: string;
      sub: string;
      exp: number;
      iat?: number;
      nbf?: number;
      grants: Record<string, unknown>;
    },
    signed: `${header}.${payload}`,
    signature: signature!,
  };
}

describe('signVideoAccessToken', () => {
  const jwt = signVideoAccessToken(
    { identity: 'patient:abc', roomSid: 'RM0123456789abcdef0123456789abcdef', ttlSeconds: 600 },
    credentials,
  );
  const token = decode(jwt);

  it('carries exactly one grant, Video, naming exactly one room, plus the identity', () => {
    expect(token.payload.grants).toEqual({
      identity: 'patient:abc',
      video: { room: 'RM0123456789abcdef0123456789abcdef' },
    });
  });

  it('is issued by the API key and signed with its secret (HS256), not with an auth token', () => {
    expect(token.payload.iss).toBe(credentials.apiKey);
    expect(token.payload.sub).toBe(credentials.accountSid);
    expect(token.header).toMatchObject({ alg: 'HS256', cty: 'twilio-fpa;v=1' });
    const expected = createHmac('sha256', credentials.apiSecret).update(token.signed).digest('base64url');
    expect(token.signature).toBe(expected);
  });

  it("is byte for byte the token the Twilio helper's own AccessToken builds", () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T00:00:00Z') });
    try {
      const request = { identity: 'clinician:xyz', roomSid: `RM${'a'.repeat(32)}`, ttlSeconds: 900 };
      const helper = new twilio.jwt.AccessToken(
        credentials.accountSid,
        credentials.apiKey,
        credentials.apiSecret,
        {
          identity: request.identity,
          ttl: request.ttlSeconds,
        },
      );
      helper.addGrant(new twilio.jwt.AccessToken.VideoGrant({ room: request.roomSid }));
      expect(signVideoAccessToken(request, credentials)).toBe(helper.toJwt());
    } finally {
      vi.useRealTimers();
    }
  });

  it('is signed with the secret of the key it names, after the key is rotated too', () => {
    const rotated = {
      ...credentials,
      apiKey: `SK${'f'.repeat(32)}`,
      apiSecret: 'the-next-api-key-secret-after-rotation',
    };
    const next = decode(
      signVideoAccessToken(
        { identity: 'patient:abc', roomSid: 'RM0123456789abcdef0123456789abcdef', ttlSeconds: 60 },
        rotated,
      ),
    );
    expect(next.payload.iss).toBe(rotated.apiKey);
    expect(next.signature).toBe(
      createHmac('sha256', rotated.apiSecret).update(next.signed).digest('base64url'),
    );
    const again = decode(
      signVideoAccessToken(
        { identity: 'patient:abc', roomSid: 'RM0123456789abcdef0123456789abcdef', ttlSeconds: 60 },
        credentials,
      ),
    );
    expect(again.signature).toBe(
      createHmac('sha256', credentials.apiSecret).update(again.signed).digest('base64url'),
    );
  });

  it('expires after the TTL it was given', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(token.payload.exp).toBeGreaterThanOrEqual(now + 599);
    expect(token.payload.exp).toBeLessThanOrEqual(now + 601);
  });
});

describe('video identities', () => {
  it('encode the role and a random part, never anything else', () => {
    const a = newVideoIdentity('PATIENT');
    const b = newVideoIdentity('PATIENT');
    expect(a).toMatch(/^patient:[A-Za-z0-9_-]{16}$/);
    expect(a).not.toBe(b);
    expect(newVideoIdentity('CLINICIAN')).toMatch(/^clinician:/);
    expect(newVideoIdentity('GUEST')).toMatch(/^guest:/);
  });

  it('give their role back, and no role for identities the portal did not issue', () => {
    expect(roleOfIdentity('clinician:x')).toBe('CLINICIAN');
    expect(roleOfIdentity('guest:x')).toBe('GUEST');
    expect(roleOfIdentity('Dr Smith')).toBeNull();
    expect(roleOfIdentity(null)).toBeNull();
  });
});

describe('videoTokenExpiry', () => {
  const startsAt = new Date('2026-12-01T00:00:00Z');
  const endsAt = new Date(startsAt.getTime() + 50 * MIN);

  it('ends 30 minutes after the appointment for a token issued before or during it', () => {
    for (const offset of [-30, -10, 0, 25, 50, 65]) {
      const now = new Date(startsAt.getTime() + offset * MIN);
      expect(videoTokenExpiry(endsAt, now)).toEqual(new Date(endsAt.getTime() + 30 * MIN));
    }
  });

  it('never lasts more than 4 hours, even for a long appointment', () => {
    const longEnd = new Date(startsAt.getTime() + 6 * 60 * MIN);
    const now = new Date(startsAt.getTime() - 30 * MIN);
    expect(videoTokenExpiry(longEnd, now)).toEqual(new Date(now.getTime() + 4 * 60 * MIN));
  });

  it('gives 10 minutes to reconnect late in an overrun, but never past the window closing 2 h after the end', () => {
    const late = new Date(endsAt.getTime() + 60 * MIN);
    expect(videoTokenExpiry(endsAt, late)).toEqual(new Date(late.getTime() + 10 * MIN));
    const veryLate = new Date(endsAt.getTime() + 115 * MIN);
    expect(videoTokenExpiry(endsAt, veryLate)).toEqual(new Date(endsAt.getTime() + 120 * MIN));
  });
});
