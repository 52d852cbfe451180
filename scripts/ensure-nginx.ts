// The proxy end-to-end test (tests/e2e/proxy-deploy.spec.ts) runs Debian's
// nginx in front of two instances. This finds it, or installs it with apt when
// the machine has none (as root), as scripts/ensure-chromium.ts does for Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx'].filter((p): p is string => Boolean(p));

function found(): string | undefined {
  return candidates.find((p) => existsSync(p));
}

let path = found();
if (path) {
  console.log(`[e2e] Using nginx at ${path}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("[e2e] No nginx found; installing Debian's nginx package with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  // policy-rc.d is not needed: the test runs its own nginx; the package's service may fail to
  // start where systemd does not run, which apt reports but does not treat as an error.
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], {
    stdio: 'inherit',
    env,
  });
  path = found();
  if (!path) throw new Error('apt-get finished but no nginx binary was found.');
  console.log(`[e2e] Installed nginx at ${path}`);
} else {
  console.error(
    "[e2e] No nginx found. Install Debian's `nginx` package (sudo apt-get install nginx) or set NGINX_PATH.",
  );
  process.exit(1);
}
const version = spawnSync(path, ['-v'], { encoding: 'utf8' });
console.log(`[e2e] ${(version.stderr || version.stdout).trim()}`);
