// The boundary rule in eslint.config.js, run through ESLint's own API on
// planted files that exist only in memory: a back-import fails `npm run lint`.
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

const importing = (from: string) => `import * as planted from '${from}';\n\nexport const value = planted;\n`;

describe('the boundary lint rule', () => {
  it('fails lib importing a component', async () => {
    const errors = await boundaryErrors('lib/log/planted.ts', importing('@/components/ui/button'));
    expect(errors).toEqual([expect.stringContaining('lib never imports app or components')]);
  });

  it('fails components importing app', async () => {
    const errors = await boundaryErrors('components/ui/planted.ts', importing('@/app/layout'));
    expect(errors).toEqual([expect.stringContaining('components never import app')]);
  });

  it('fails product code importing tests, scripts or tools', async () => {
    for (const [file, from] of [
      ['app/planted.ts', '@/tests/helpers/video-fixtures'],
      ['lib/db/planted.ts', '@/scripts/start'],
      ['components/ui/planted.ts', '@/tools/local-database'],
    ]) {
      const errors = await boundaryErrors(file!, importing(from!));
      expect(errors, file).toEqual([expect.stringContaining('never imports scripts, tests, bench or tools')]);
    }
  });

  it('fails a lib folder importing one in a higher layer, by alias or relative path', async () => {
    for (const from of ['@/lib/video/events/video-event-stream', '../video/events/video-event-stream']) {
      const errors = await boundaryErrors('lib/db/planted.ts', importing(from));
      expect(errors, from).toEqual([
        expect.stringContaining('lib/db may import only lib folders in the layers below it'),
      ]);
    }
  });

  it('fails a lib folder importing one beside it in the same layer, so no circle can form', async () => {
    const errors = await boundaryErrors('lib/costs/planted.ts', importing('@/lib/video/rooms/create-room'));
    expect(errors).toEqual([
      expect.stringContaining('lib/costs may import only lib folders in the layers below it'),
    ]);
    // The worker runs features' jobs; a feature never reaches back into the worker.
    const back = await boundaryErrors('lib/reminders/planted.ts', importing('@/lib/worker/registry'));
    expect(back).toEqual([expect.stringContaining('lib/reminders may import only')]);
  });

  it('passes the imports that run the right way', async () => {
    expect(await boundaryErrors('lib/video/planted.ts', importing('@/lib/db/client'))).toEqual([]);
    expect(await boundaryErrors('app/planted.ts', importing('@/components/ui/button'))).toEqual([]);
    expect(await boundaryErrors('components/ui/planted.ts', importing('@/lib/log/logger'))).toEqual([]);
  });
});
