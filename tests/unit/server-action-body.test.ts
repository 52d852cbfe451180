import { describe, expect, it } from 'vitest';

import { serverActionBodyProblem } from '@/lib/http/server-action-body';

function textAction(body: string) {
  return new Request('http://portal.test/sign-in', {
    method: 'POST',
    headers: { 'next-action': 'a'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    body,
  });
}

function multipartAction(fields: Record<string, string>, contentType?: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const request = new Request('http://portal.test/sign-in', { method: 'POST', body: form });
  const headers = new Headers(request.headers);
  headers.set('next-action', 'a'.repeat(42));
  if (contentType) headers.set('content-type', contentType);
  return new Request(request, { headers });
}

describe('serverActionBodyProblem (what React could not decode, refused before Next sees it)', () => {
  it('accepts the bodies a browser sends: previous state as JSON, or a form with its parts', async () => {
    expect(await serverActionBodyProblem(textAction('[{"status":"idle","attempt":0}]'))).toBeNull();
    expect(
      await serverActionBodyProblem(textAction('["$undefined","$$dollar","$K1","$n12","$D2026-01-01"]')),
    ).toBeNull();
    expect(
      await serverActionBodyProblem(multipartAction({ '0': '[{"attempt":0},"$K1"]', '1_label': 'x' })),
    ).toBeNull();
    expect(
      await serverActionBodyProblem(multipartAction({ '0': '["$1"]', '1': '{"a":"$@2"}', '2': '3' })),
    ).toBeNull();
  });

  it('refuses text that is not JSON', async () => {
    expect(await serverActionBodyProblem(textAction('{'))).toMatch(/could not be read/);
  });

  it('refuses a reference to a part the body does not contain', async () => {
    expect(await serverActionBodyProblem(textAction('["$1"]'))).toMatch(/does not contain/);
    expect(await serverActionBodyProblem(multipartAction({ '0': '["$Q5"]' }))).toMatch(/does not contain/);
  });

  it('refuses a BigInt that is not a number and an unknown reference', async () => {
    expect(await serverActionBodyProblem(textAction('["$nxyz"]'))).toMatch(/could not be read/);
    expect(await serverActionBodyProblem(textAction('["$T"]'))).toMatch(/could not be read/);
  });

  it('refuses multipart without a boundary', async () => {
    const request = new Request('http://portal.test/sign-in', {
      method: 'POST',
      headers: { 'next-action': 'x', 'content-type': 'multipart/form-data' },
      body: 'no boundary at all',
    });
    expect(await serverActionBodyProblem(request)).toMatch(/could not be read/);
  });

  it('leaves a form posted without JavaScript ($ACTION_ fields, no root part) to Next', async () => {
    expect(await serverActionBodyProblem(multipartAction({ $ACTION_ID_abc: '', email: 'a' }))).toBeNull();
  });

  it('walks deeply nested arguments without overflowing the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(await serverActionBodyProblem(textAction(deep))).toBeNull();
  });
});
