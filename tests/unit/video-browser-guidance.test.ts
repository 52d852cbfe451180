// Which browser's steps the patient is shown for unblocking the camera and microphone.
import { describe, expect, it } from 'vitest';

import {
  detectBrowser,
  detectInAppBrowser,
  openInBrowserSteps,
  unblockSteps,
  type BrowserFamily,
} from '@/components/video/browser-guidance';

const agents: Array<[string, BrowserFamily]> = [
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'safari-ios',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    'other-ios',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    'safari-ios',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    'samsung-internet',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    'chrome-android',
  ],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'firefox'],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'edge',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'chrome',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    'safari-mac',
  ],
  ['curl/8.0', 'other'],
];

describe('browser guidance', () => {
  it.each(agents)('%s is %s', (ua, family) => {
    expect(detectBrowser(ua)).toBe(family);
  });

  it('gives every browser numbered steps that end in trying again', () => {
    for (const [, family] of agents) {
      const steps = unblockSteps(family);
      expect(steps.length).toBeGreaterThanOrEqual(2);
      expect(steps.join(' ')).toMatch(/[Tt]ry again|Allow/);
    }
  });

  it('sends iPhone users to Settings → Safari when the site setting is not enough', () => {
    expect(unblockSteps('safari-ios').join(' ')).toContain('Settings app');
    expect(unblockSteps('chrome-android').join(' ')).toContain('Apps → Chrome');
    expect(unblockSteps('samsung-internet').join(' ')).toContain('Samsung Internet');
  });
});

describe('detectInAppBrowser', () => {
  const iphone =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
  const android =
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.0.0 Mobile Safari/537.36';

  it.each([
    ['WhatsApp on iPhone', `${iphone} WhatsApp/2.24.1.0`, 'WhatsApp', 'ios'],
    ['WhatsApp on Android', `${android} WhatsApp/2.24.1`, 'WhatsApp', 'android'],
    ['Facebook on iPhone', `${iphone} [FBAN/FBIOS;FBAV/450.0.0.0;FBBV/1]`, 'Facebook', 'ios'],
    ['Facebook on Android', `${android} [FB_IAB/FB4A;FBAV/450.0.0.0;]`, 'Facebook', 'android'],
    ['Instagram on iPhone', `${iphone} Instagram 320.0.0.0 (iPhone15,2; iOS 18_1)`, 'Instagram', 'ios'],
    ['Messenger on iPhone', `${iphone} [FBAN/MessengerForiOS;FBAV/450.0]`, 'Messenger', 'ios'],
    ['Messenger on Android', `${android} [FB_IAB/MESSENGER;FBAV/450.0;]`, 'Messenger', 'android'],
    ['LinkedIn on iPhone', `${iphone} [LinkedInApp]/9.30`, 'LinkedIn', 'ios'],
  ])('recognises %s', (_name, ua, app, platform) => {
    expect(detectInAppBrowser(ua)).toEqual({ app, platform });
  });

  it('leaves ordinary browsers alone', () => {
    expect(detectInAppBrowser(`${iphone} Version/18.1 Safari/604.1`)).toBeNull();
    expect(detectInAppBrowser(android)).toBeNull();
    expect(detectInAppBrowser('')).toBeNull();
  });

  it('tells an iPhone user to open Safari and an Android user to open Chrome', () => {
    expect(openInBrowserSteps({ app: 'WhatsApp', platform: 'ios' }).browser).toBe('Safari');
    expect(openInBrowserSteps({ app: 'WhatsApp', platform: 'ios' }).steps.join(' ')).toMatch(
      /Open in Safari/,
    );
    expect(openInBrowserSteps({ app: 'Facebook', platform: 'android' }).steps.join(' ')).toMatch(
      /⋮.*Open in Chrome/s,
    );
  });
});
