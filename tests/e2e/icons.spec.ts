import { expect, test } from '@playwright/test';

test.describe('the icon set and manifest', () => {
  test('are served to a signed-out browser, and no page it opens asks for a missing file', async ({
    page,
    request,
  }) => {
    for (const [path, type] of [
      ['/favicon.ico', /image\/(x-icon|vnd\.microsoft\.icon)/],
      ['/icon.svg', /image\/svg\+xml/],
      ['/icon-192.png', /image\/png/],
      ['/icon-512.png', /image\/png/],
      ['/apple-touch-icon.png', /image\/png/],
      ['/manifest.webmanifest', /application\/manifest\+json|application\/json/],
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toMatch(type);
    }
    const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
      icons: Array<{ src: string }>;
    };
    for (const icon of manifest.icons) {
      expect((await request.get(icon.src)).status(), icon.src).toBe(200);
    }

    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(new URL(response.url()).pathname);
    });
    await page.goto('/sign-in');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
      'href',
      '/apple-touch-icon.png',
    );
    await page.waitForLoadState('load');
    expect(missing).toEqual([]);
  });
});
