// Playwright cannot download its own browsers here, so the end-to-end tests
// drive Debian's Chromium. This finds it, or installs it with apt when the
// machine has none (as root), and says what it did.
import { spawnSync } from 'node:child_process';

import { ensureDebianTool } from './ensure-debian-tool';

const path = ensureDebianTool({
  name: 'Chromium',
  pkg: 'chromium',
  pathVariable: 'CHROMIUM_PATH',
  paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  install: ['chromium', 'fonts-dejavu-core'],
});
const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`[e2e] ${version}`);
