// Which browser the patient is using, as far as it matters for telling them
// what to tap. Pure, so each answer is tested (tests/unit/video-browser-guidance.test.ts).
// Read from the user agent only to choose words; nothing is refused because of it.

export type BrowserFamily =
  | 'safari-ios'
  | 'other-ios'
  | 'samsung-internet'
  | 'chrome-android'
  | 'firefox'
  | 'edge'
  | 'chrome'
  | 'safari-mac'
  | 'other';

export function detectBrowser(userAgent: string): BrowserFamily {
  const ua = userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && /Mobile\//.test(ua));
  if (ios) {
    // On iOS every browser is WebKit; Chrome (CriOS), Firefox (FxiOS) and Edge (EdgiOS) need Safari-like steps.
    return /CriOS|FxiOS|EdgiOS/.test(ua) ? 'other-ios' : 'safari-ios';
  }
  if (/SamsungBrowser/.test(ua)) return 'samsung-internet';
  if (/Firefox\//.test(ua)) return 'firefox';
  if (/Edg\//.test(ua)) return 'edge';
  if (/Android/.test(ua) && /Chrome\//.test(ua)) return 'chrome-android';
  if (/Chrome\//.test(ua)) return 'chrome';
  if (/Safari\//.test(ua) && /Macintosh/.test(ua)) return 'safari-mac';
  return 'other';
}

export const browserNames: Record<BrowserFamily, string> = {
  'safari-ios': 'Safari on iPhone or iPad',
  'other-ios': 'your browser on iPhone or iPad',
  'samsung-internet': 'Samsung Internet',
  'chrome-android': 'Chrome on Android',
  firefox: 'Firefox',
  edge: 'Microsoft Edge',
  chrome: 'Chrome',
  'safari-mac': 'Safari on Mac',
  other: 'your browser',
};

/** How to let this page use the camera and microphone again, step by step, in that browser. */
export function unblockSteps(browser: BrowserFamily): string[] {
  switch (browser) {
    case 'safari-ios':
      return [
        'Tap “aA” (or the page settings icon) on the left of the address bar.',
        'Tap “Website Settings”, then set Camera and Microphone to “Allow”.',
        'If they are missing there, open the Settings app, scroll to Safari, and set Camera and Microphone to “Ask” or “Allow”.',
        'Come back here and tap “Try again”.',
      ];
    case 'other-ios':
      return [
        'Open the Settings app and find this browser in the list of apps.',
        'Turn on Camera and Microphone for it.',
        'Come back here and tap “Try again”. If it still does not work, open this link in Safari.',
      ];
    case 'samsung-internet':
      return [
        'Tap the lock icon on the left of the address bar.',
        'Tap “Permissions” and allow Camera and Microphone.',
        'If they are not listed, open your phone’s Settings → Apps → Samsung Internet → Permissions and allow Camera and Microphone.',
        'Come back here and tap “Try again”.',
      ];
    case 'chrome-android':
      return [
        'Tap the icon on the left of the address bar (a lock or sliders).',
        'Tap “Permissions” and turn on Camera and Microphone.',
        'If Chrome itself is blocked, open your phone’s Settings → Apps → Chrome → Permissions and allow Camera and Microphone.',
        'Come back here and tap “Try again”.',
      ];
    case 'firefox':
      return [
        'Click the camera icon (crossed out) or the sliders icon on the left of the address bar.',
        'Remove the “Blocked” entries for Camera and Microphone.',
        'Reload the page if Firefox asks you to, then choose “Allow”.',
      ];
    case 'edge':
      return [
        'Click the lock icon on the left of the address bar, then “Permissions for this site”.',
        'Set Camera and Microphone to “Allow”.',
        'Come back to this tab and click “Try again”.',
      ];
    case 'chrome':
      return [
        'Click the icon on the left of the address bar (a lock or sliders).',
        'Turn on Camera and Microphone (or choose “Allow”).',
        'Come back to this tab and click “Try again”.',
      ];
    case 'safari-mac':
      return [
        'In the menu bar choose Safari → Settings for This Website.',
        'Set Camera and Microphone to “Allow”.',
        'If they still do not work, open System Settings → Privacy & Security → Camera (and Microphone) and turn Safari on.',
        'Click “Try again”.',
      ];
    case 'other':
      return [
        'Open your browser’s settings for this website.',
        'Allow the camera and microphone.',
        'Come back here and try again, or open this link in Chrome, Safari, Edge or Firefox.',
      ];
  }
}

/** Apps whose built-in browser often cannot use the camera: the patient is shown how to leave it. */
export type InAppBrowser = {
  app: 'WhatsApp' | 'Facebook' | 'Instagram' | 'Messenger' | 'LinkedIn';
  platform: 'ios' | 'android' | 'other';
};

/**
 * The app whose built-in browser opened the link, from its user agent, or null
 * for an ordinary browser. Messenger is checked before Facebook: its user agent
 * carries Facebook's marks too.
 */
export function detectInAppBrowser(userAgent: string): InAppBrowser | null {
  const ua = userAgent;
  const app: InAppBrowser['app'] | null = /WhatsApp/i.test(ua)
    ? 'WhatsApp'
    : /Instagram/.test(ua)
      ? 'Instagram'
      : /MessengerForiOS|FB_IAB\/MESSENGER|FBAN\/Messenger|Orca-Android|MessengerLite/.test(ua)
        ? 'Messenger'
        : /FBAN|FBAV|FB_IAB|FBIOS|FB4A/.test(ua)
          ? 'Facebook'
          : /LinkedInApp/.test(ua)
            ? 'LinkedIn'
            : null;
  if (!app) return null;
  const platform = /iPhone|iPad|iPod/.test(ua) ? 'ios' : /Android/.test(ua) ? 'android' : 'other';
  return { app, platform };
}

/** How to open this page in the phone's own browser, from inside that app. */
export function openInBrowserSteps({ app, platform }: InAppBrowser): { browser: string; steps: string[] } {
  if (platform === 'ios') {
    return {
      browser: 'Safari',
      steps: [
        app === 'WhatsApp'
          ? 'Tap the share icon (a square with an arrow) at the bottom or top of the screen.'
          : 'Tap ••• (three dots) at the top right of the screen, or the share icon.',
        'Tap “Open in Safari” (it may say “Open in browser” or “Open in system browser”).',
        'If you can’t find it, tap “Copy link” below, open Safari, and paste the link into the address bar.',
      ],
    };
  }
  return {
    browser: 'Chrome',
    steps: [
      'Tap ⋮ (three dots) at the top right of the screen.',
      'Tap “Open in Chrome” (it may say “Open in browser”).',
      'If you can’t find it, tap “Copy link” below, open Chrome, and paste the link into the address bar.',
    ],
  };
}
