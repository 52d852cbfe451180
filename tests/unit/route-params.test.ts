import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it } from 'vitest';

import { idParamsSchema, route } from '@/lib/http/route';

const handler = route('test.params', { params: idParamsSchema }, async (_request, { params }) =>
  NextResponse.json({ id: params.id }),
);
const call = (id: string) =>
  handler(new NextRequest('http://portal.test/api/things/x'), { params: Promise.resolve({ id }) });

describe('route() with a params schema', () => {
  it('hands the handler the parsed id', async () => {
    const response = await call('cm0abc123def456ghi789jkl');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'cm0abc123def456ghi789jkl' });
  });

  it('answers an id the portal could never have issued with a 404, before the handler runs', async () => {
    for (const id of ['a\u0000b', 'x'.repeat(65), '../etc', '\u202eabc', '']) {
      const response = await call(id);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('NOT_FOUND');
    }
  });
});
