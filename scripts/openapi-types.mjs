// Writes docs/openapi.d.ts, the TypeScript form of docs/openapi.yaml (openapi-typescript), which
// the pages' API client, the Functions' answers, the tests and the Flex plugin take their request
// and answer types from. `--check` writes nothing and fails when the committed file is stale; `npm run
// lint` runs that check, so the document and the types cannot drift apart.
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const SPEC = path.join(root, 'docs', 'openapi.yaml');
export const TYPES = path.join(root, 'docs', 'openapi.d.ts');

const HEADER = `// Generated from docs/openapi.yaml by scripts/openapi-types.mjs (npm run openapi-types): do not edit.
// The unit suite fails when this file no longer matches the document.
`;

/** The generated file's text, formatted as the repository formats TypeScript. */
export async function generateTypes() {
  const ast = await openapiTS(pathToFileURL(SPEC), { alphabetize: false, exportType: false });
  const options = await resolveConfig(TYPES);
  return format(HEADER + astToString(ast), { ...options, filepath: TYPES });
}

/** Null when docs/openapi.d.ts matches the document, else what is wrong. */
export async function staleTypes() {
  const [expected, actual] = await Promise.all([generateTypes(), readFile(TYPES, 'utf8').catch(() => '')]);
  return expected === actual
    ? null
    : `${path.relative(root, TYPES)} does not match ${path.relative(root, SPEC)}: run npm run openapi-types`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const problem = await staleTypes();
    if (problem) {
      console.error(problem);
      process.exitCode = 1;
    }
  } else {
    await writeFile(TYPES, await generateTypes());
    console.log(`wrote ${path.relative(root, TYPES)}`);
  }
}
