// Creating and dropping throwaway databases for tests and benchmarks.
import pg from 'pg';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function onMaintenanceDb<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  return onMaintenanceDb(serverUrl, async (c) => {
    await c.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`);
  });
}

export function dropDatabase(url: string): Promise<void> {
  return onMaintenanceDb(url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quote(databaseName(url))} WITH (FORCE)`);
  });
}

export { databaseName };
