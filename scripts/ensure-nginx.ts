// The proxy end-to-end test (tests/e2e/proxy-deploy.spec.ts) runs Debian's
// nginx in front of two instances. This finds it, or installs it with apt when
// the machine has none (as root), as scripts/ensure-chromium.ts does for Chromium.
import { spawnSync } from 'node:child_process';

import { ensureDebianTool } from './ensure-debian-tool';

const path = ensureDebianTool({
  name: 'nginx',
  pkg: 'nginx',
  pathVariable: 'NGINX_PATH',
  paths: ['/usr/sbin/nginx'],
  // policy-rc.d is not needed: the test runs its own nginx; the package's service may fail to
  // start where systemd does not run, which apt reports but does not treat as an error.
  install: ['--no-install-recommends', 'nginx'],
});
const version = spawnSync(path, ['-v'], { encoding: 'utf8' });
console.log(`[e2e] ${(version.stderr || version.stdout).trim()}`);
