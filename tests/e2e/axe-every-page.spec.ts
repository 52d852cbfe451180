// Every page a person can open, each role that opens it, checked with axe: a page added
// later and not listed here fails the first test, so none is left out by accident.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { expectNoAxeViolations } from './axe';
import { demo, signIn, withDb } from './support';

/** Every page.tsx under app/, as its route pattern ("/appointments/[id]"). */
function pageRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name.startsWith('_')) continue;
        // Route groups such as (staff) add nothing to the URL.
        walk(full, /^\(.*\)$/.test(name) ? route : `${route}/${name}`);
      } else if (name === 'page.tsx') {
        routes.push(route || '/');
      }
    }
  };
  walk(path.join(process.cwd(), 'app'), '');
  return routes.sort();
}

type Ids = { appointment: string; telehealth: string; patient: string; teamMember: string };

async function ids(): Promise<Ids> {
  return withDb(async (db) => {
    const one = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]?.id ?? '';
    return {
      appointment: await one(
        `SELECT id FROM "Appointment" WHERE kind = 'IN_PERSON' ORDER BY "startsAt" LIMIT 1`,
      ),
      telehealth: await one(
        `SELECT a.id FROM "Appointment" a JOIN "Clinician" c ON c.id = a."clinicianId" JOIN "User" u ON u.id = c."userId"
         WHERE a.kind = 'TELEHEALTH' AND a.status IN ('BOOKED', 'CONFIRMED') AND u.email = '${demo.clinician}'
         ORDER BY a."startsAt" LIMIT 1`,
      ),
      patient: await one(`SELECT id FROM "Patient" ORDER BY "familyName" LIMIT 1`),
      teamMember: await one(`SELECT id FROM "User" WHERE email = '${demo.reception}'`),
    };
  });
}

/** Who opens each page, and at which address. The root page only redirects. */
function visits(i: Ids): Record<string, Array<{ as: 'signed-out' | keyof typeof demo; url: string }>> {
  const admin = (url: string) => [{ as: 'admin' as const, url }];
  return {
    '/': [],
    '/sign-in': [{ as: 'signed-out', url: '/sign-in' }],
    '/set-password/[token]': [{ as: 'signed-out', url: '/set-password/not-a-real-link' }],
    '/join/[token]': [{ as: 'signed-out', url: '/join/not-a-real-link' }],
    // Two-factor set-up is reached only by a session that still needs it: covered in auth.spec.ts.
    '/account/security/setup': [],
    '/account': admin('/account'),
    '/admin': admin('/admin'),
    '/admin/api-tokens': admin('/admin/api-tokens'),
    '/admin/clinic': admin('/admin/clinic'),
    '/admin/costs': admin('/admin/costs'),
    '/admin/readiness': admin('/admin/readiness'),
    '/admin/reminders': admin('/admin/reminders'),
    '/admin/security': admin('/admin/security'),
    '/admin/team': admin('/admin/team'),
    '/admin/team/[id]': admin(`/admin/team/${i.teamMember}`),
    '/appointments': [
      { as: 'reception', url: '/appointments' },
      { as: 'reception', url: '/appointments?view=week' },
      { as: 'clinician', url: '/appointments' },
    ],
    '/appointments/[id]': [
      { as: 'reception', url: `/appointments/${i.appointment}` },
      { as: 'reception', url: `/appointments/${i.telehealth}` },
    ],
    '/appointments/[id]/room': [{ as: 'clinician', url: `/appointments/${i.telehealth}/room` }],
    '/appointments/new': [{ as: 'reception', url: '/appointments/new' }],
    '/dashboard': [
      { as: 'reception', url: '/dashboard' },
      { as: 'clinician', url: '/dashboard' },
    ],
    '/dev/outbox': admin('/dev/outbox'),
    '/patients': [{ as: 'reception', url: '/patients' }],
    '/patients/[id]': [{ as: 'reception', url: `/patients/${i.patient}` }],
    '/patients/new': [{ as: 'reception', url: '/patients/new' }],
    '/reminders': [{ as: 'reception', url: '/reminders' }],
  };
}

test('the list below names every page in app/', async () => {
  expect(pageRoutes()).toEqual(Object.keys(visits(await ids())).sort());
});

test('axe finds no violation on any page, for each role that opens it', async ({ browser }) => {
  test.setTimeout(240_000);
  const found = await ids();
  expect(Object.values(found).every(Boolean), JSON.stringify(found)).toBe(true);
  const byRole = new Map<string, string[]>();
  for (const list of Object.values(visits(found))) {
    for (const { as, url } of list) byRole.set(as, [...(byRole.get(as) ?? []), url]);
  }
  for (const [role, urls] of byRole) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (role !== 'signed-out') await signIn(page, demo[role as keyof typeof demo]);
    for (const url of urls) {
      const response = await page.goto(url);
      expect(response?.status(), `${role} ${url}`).toBeLessThan(500);
      await page.waitForLoadState('load');
      await expectNoAxeViolations(page, `${role} ${url}`);
    }
    await context.close();
  }
});
