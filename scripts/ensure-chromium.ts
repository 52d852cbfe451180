// Playwright cannot download its own browsers here, so the end-to-end tests
// drive Debian's Chromium. This finds it, or installs it with apt when the
// machine has none (as root), and says what it did.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => Boolean(p),
);

function found(): string | undefined {
  return candidates.find((p) => existsSync(p));
}

let path = found();
if (path) {
  console.log(`[e2e] Using Chromium at ${path}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("[e2e] No Chromium found; installing Debian's chromium package with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
    stdio: 'inherit',
    env,
  });
  path = found();
  if (!path) throw new Error('apt-get finished but no Chromium binary was found.');
  console.log(`[e2e] Installed Chromium at ${path}`);
} else {
  console.error(
    "[e2e] No Chromium found. Install Debian's `chromium` package (sudo apt-get install chromium) or set CHROMIUM_PATH.",
  );
  process.exit(1);
}
const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`[e2e] ${version}`);
