// Stands in for next/headers in integration tests: the request's cookies, as
// next/headers would give them to a page or action. A test file mocks that
// module with this one and fills `cookieJar`:
//   vi.mock('next/headers', () => import('@/tests/helpers/request-cookies'));
export const cookieJar = new Map<string, string>();

export async function cookies() {
  return {
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
  };
}
