// Finds a Debian program the end-to-end tests drive (Chromium, nginx), or
// installs its package with apt when the machine has none (as root), and says
// what it did. Exits with a hint when it can do neither.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type DebianTool = {
  /** As the messages name it: 'Chromium', 'nginx'. */
  name: string;
  /** The Debian package named in the hint. */
  pkg: string;
  /** The variable that names another binary, tried first. */
  pathVariable: string;
  /** Where Debian puts the binary. */
  paths: string[];
  /** What follows `apt-get install -y -qq`. */
  install: string[];
};

export function ensureDebianTool(tool: DebianTool): string {
  const candidates = [process.env[tool.pathVariable], ...tool.paths].filter((p): p is string => Boolean(p));
  const found = () => candidates.find((p) => existsSync(p));

  let path = found();
  if (path) {
    console.log(`[e2e] Using ${tool.name} at ${path}`);
  } else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`[e2e] No ${tool.name} found; installing Debian's ${tool.pkg} package with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...tool.install], { stdio: 'inherit', env });
    path = found();
    if (!path) throw new Error(`apt-get finished but no ${tool.name} binary was found.`);
    console.log(`[e2e] Installed ${tool.name} at ${path}`);
  } else {
    console.error(
      `[e2e] No ${tool.name} found. Install Debian's \`${tool.pkg}\` package (sudo apt-get install ${tool.pkg}) or set ${tool.pathVariable}.`,
    );
    process.exit(1);
  }
  return path;
}
