import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** docs/openapi.d.ts is what the pages, the Functions, the tests and the Flex plugin type their
 * requests and answers with; regenerating it from docs/openapi.yaml must change nothing. */
test('docs/openapi.d.ts matches docs/openapi.yaml', async () => {
  const script = path.join(__dirname, '..', '..', 'scripts', 'openapi-types.mjs');
  const run = promisify(execFile)(process.execPath, [script, '--check']);
  await expect(run).resolves.toMatchObject({ stderr: '' });
});
