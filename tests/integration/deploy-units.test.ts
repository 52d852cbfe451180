// The systemd units shipped in docs/deploy/ are ones systemd accepts as written:
// `systemd-analyze verify` loads them (the web template as an instance, as
// `systemctl enable telehealth-web@3001` would) and reports nothing about them.
// It reports an unknown key only as a warning and still exits 0, so the test
// reads what it printed as well as its exit code.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const DEPLOY = path.join(import.meta.dirname, '..', '..', 'docs', 'deploy');
const UNITS = ['telehealth-migrate.service', 'telehealth-web@.service', 'telehealth-worker.service'];
const dir = mkdtempSync(path.join(tmpdir(), 'deploy-units-'));
for (const unit of UNITS) copyFileSync(path.join(DEPLOY, unit), path.join(dir, unit));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verify(names: string[]) {
  // From the folder that holds them, so the units' Requires= find each other there.
  const result = spawnSync('systemd-analyze', ['verify', ...names.map((n) => `./${n}`)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw new Error(`systemd-analyze could not run: ${result.error.message}`);
  // Lines about other units on the machine are not ours to judge.
  const ours = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.includes('telehealth'));
  return { status: result.status, ours };
}

const unit = (name: string) => readFileSync(path.join(DEPLOY, name), 'utf8');

describe('docs/deploy systemd units', () => {
  it('pass systemd-analyze verify with no warning about any of them', () => {
    const result = verify([
      'telehealth-migrate.service',
      'telehealth-web@3001.service',
      'telehealth-worker.service',
    ]);
    expect(result.ours).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('would be caught with an unknown key (the check above reads the warnings)', () => {
    const bad = 'telehealth-bad.service';
    writeFileSync(
      path.join(dir, bad),
      unit('telehealth-worker.service').replace('[Service]', '[Service]\nTimeoutStopSecs=35'),
    );
    const result = verify([bad]);
    expect(result.ours.join('\n')).toMatch(/Unknown key 'TimeoutStopSecs'/);
  });

  it('run migrations first, give each process time to stop gracefully, and keep node able to JIT', () => {
    for (const name of ['telehealth-web@.service', 'telehealth-worker.service']) {
      const text = unit(name);
      expect(text).toMatch(/^Requires=telehealth-migrate\.service$/m);
      expect(text).toMatch(/^After=.*telehealth-migrate\.service/m);
      expect(text).toMatch(/^Restart=on-failure$/m);
      expect(text).toMatch(/^KillSignal=SIGTERM$/m);
      expect(text).toMatch(/^EnvironmentFile=\/etc\/telehealth-portal\.env$/m);
      expect(text).toMatch(/^User=telehealth$/m);
      expect(text).toMatch(/^ProtectSystem=strict$/m);
      expect(text).toMatch(/^NoNewPrivileges=yes$/m);
      expect(text).toMatch(/^CapabilityBoundingSet=$/m);
      // V8 writes the machine code it runs: MemoryDenyWriteExecute=yes would stop node.
      expect(text).not.toMatch(/^MemoryDenyWriteExecute=yes/m);
    }
    // Longer than the process's own bound (10 s web, 30 s worker), shorter than forever.
    expect(unit('telehealth-web@.service')).toMatch(/^TimeoutStopSec=15$/m);
    expect(unit('telehealth-web@.service')).toMatch(/^ExecStart=\/usr\/bin\/env npm start\b/m);
    expect(unit('telehealth-web@.service')).toMatch(/^Environment=PORT=%i$/m);
    expect(unit('telehealth-worker.service')).toMatch(/^TimeoutStopSec=35$/m);
    expect(unit('telehealth-worker.service')).toMatch(/^ExecStart=\/usr\/bin\/env npm run worker$/m);
    expect(unit('telehealth-migrate.service')).toMatch(/^ExecStart=\/usr\/bin\/env npm run db:migrate$/m);
  });
});
