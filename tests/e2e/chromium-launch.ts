// How the end-to-end tests and scripts/screenshots.ts start Debian's Chromium:
// no sandbox or GPU in a container, nothing fetched in the background, and a
// fake camera and microphone that need no permission prompt.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
  ],
};
