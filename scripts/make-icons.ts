// npm run icons — draws public/icon.svg into the PNG sizes browsers and phones ask
// for, and a favicon.ico holding 16, 32 and 48 px PNGs. Run it after changing the
// SVG and commit what it writes. Uses the same Chromium as the end-to-end tests.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { chromium } from '@playwright/test';

const publicDir = path.join(import.meta.dirname, '..', 'public');
const svg = await readFile(path.join(publicDir, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** The icon at `size` px; a maskable icon keeps the glyph inside the central 80 % safe zone. */
async function render(size: number, maskable = false): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = maskable ? Math.round(size * 0.8) : size;
  await page.setContent(
    `<html><body style="margin:0;background:${maskable ? '#1f6f6f' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body></html>`,
  );
  const png = await page.screenshot({ omitBackground: !maskable });
  await page.close();
  return png;
}

/** An ICO file whose images are PNGs (every browser since IE 11 reads them). */
function ico(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + i * 16;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
    ['apple-touch-icon.png', 180, true],
  ] as const) {
    await writeFile(path.join(publicDir, name), await render(size, maskable));
  }
  const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(size) })));
  await writeFile(path.join(publicDir, 'favicon.ico'), ico(small));
  console.log('Wrote the icons to public/.');
} finally {
  await browser.close();
}
