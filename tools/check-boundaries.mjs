#!/usr/bin/env node
// Enforces the one-way dependency rule between workspace packages (docs/ARCHITECTURE.md) and
// forbids deep imports into another package. Part of `pnpm lint`.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

// Who may import whom (docs/ARCHITECTURE.md): platform <- outbox <- identity <- domains, with
// notifications (mail delivery) beside the domains. The outbox knows no domain; domains declare their
// own messages and meet through ids and those messages, never imports of each other. A domain renders
// its own mails and enqueues them through @talkoot/outbox/mail (ADR 012): no domain imports
// notifications, which only delivers them; `database` and the apps may.
const allowed = {
  platform: [],
  outbox: ['platform'],
  notifications: ['platform', 'outbox'],
  identity: ['platform', 'outbox'],
  venues: ['platform', 'outbox', 'identity'],
  lending: ['platform', 'outbox', 'identity'],
  events: ['platform', 'outbox', 'identity'],
  volunteering: ['platform', 'outbox', 'identity'],
  testing: ['platform'],
  database: ['platform', 'outbox', 'notifications', 'identity', 'venues', 'lending', 'events', 'volunteering'],
};
// Entry points other packages may import besides the package root. The browser-safe ones are
// all the portal may import: a domain's schemas, platform's time and money.
const browserSafeSubpaths = new Set(['schemas', 'time', 'money']);
// `mail` (outbox's shared mail look) is server-only: domains render their own mails with it (ADR 012).
const publicSubpaths = new Set([...browserSafeSubpaths, 'mail', 'pg-listener', 'content-changes']);
// The portal's server (not its app) listens for content changes to drop kept pages (ADR 020).
const portalServerSubpaths = new Set([...browserSafeSubpaths, 'pg-listener', 'content-changes']);
// Test-only imports: any package's tests may use the harness.
const testOnly = new Set(['testing']);

const problems = [];

function* sourceFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'build', '.react-router'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

const importPattern =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function check(owner, kind, file) {
  const text = fs.readFileSync(file, 'utf8');
  const isTest = /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}testing${path.sep}`);
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    const where = path.relative(root, file);
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(file), specifier);
      const ownRoot = path.join(root, kind, owner);
      if (!target.startsWith(ownRoot + path.sep))
        problems.push(`${where}: relative import "${specifier}" leaves ${kind}/${owner}; import the package instead`);
      continue;
    }
    const workspace = /^@talkoot\/([^/]+)(?:\/(.+))?$/.exec(specifier);
    if (!workspace) continue;
    const [, target, subpath] = workspace;
    if (subpath && !publicSubpaths.has(subpath))
      problems.push(`${where}: deep import "${specifier}"; use the package's public entry`);
    if (kind === 'packages') {
      if (target === owner) problems.push(`${where}: imports its own package by name`);
      else if (testOnly.has(target) && isTest) continue;
      else if (!(allowed[owner] ?? []).includes(target))
        problems.push(
          `${where}: ${owner} may not depend on ${target} (allowed: ${(allowed[owner] ?? []).join(', ') || 'nothing'})`,
        );
    }
    const isPortalServer = file.startsWith(path.join(root, 'apps', 'portal', 'server') + path.sep);
    if (kind === 'apps' && owner === 'portal' && !(isPortalServer ? portalServerSubpaths : browserSafeSubpaths).has(subpath)) {
      problems.push(
        `${where}: the portal may import only browser-safe entries ("@talkoot/<package>/schemas", "@talkoot/platform/time", "@talkoot/platform/money"), not "${specifier}"`,
      );
    }
  }
}

for (const kind of ['packages', 'apps']) {
  for (const owner of fs.readdirSync(path.join(root, kind))) {
    for (const file of sourceFiles(path.join(root, kind, owner))) check(owner, kind, file);
  }
}
for (const owner of fs.readdirSync(path.join(root, 'packages'))) {
  if (!(owner in allowed))
    problems.push(`packages/${owner}: not placed in tools/check-boundaries.mjs; add it to the dependency rule`);
}

if (problems.length) {
  console.error(`Dependency rule broken (${problems.length}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('dependency rule holds: packages depend one way, no deep imports');
