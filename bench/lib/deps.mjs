// The benchmark is no workspace package: it borrows its dependencies (pg, fastify) from the api
// app, which already has them, and imports the workspace packages from their built dist/.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fromApi = createRequire(path.join(root, 'apps', 'api', 'package.json'));

export async function importFromApi(name) {
  const module = await import(pathToFileURL(fromApi.resolve(name)).href);
  return module.default ?? module;
}

export function distUrl(relative) {
  return pathToFileURL(path.join(root, relative)).href;
}
