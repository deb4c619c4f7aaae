import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseConfig } from '../../packages/platform/src/config.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const kubernetesDir = path.join(here, '../kubernetes');

type Json = Record<string, unknown>;
interface Manifest extends Json {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
}

const readYaml = (file: string): Manifest[] =>
  parseAllDocuments(fs.readFileSync(file, 'utf8')).map((document) => {
    expect(document.errors, file).toEqual([]);
    return document.toJS() as Manifest;
  });

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// A small strategic merge: objects merge key by key, lists of objects with a `name` merge item by
// item (containers, env, ports), every other value is replaced. Enough for the patches we write.
function merge(base: unknown, patch: unknown): unknown {
  if (isObject(base) && isObject(patch)) {
    const result: Json = { ...base };
    for (const [key, value] of Object.entries(patch)) result[key] = key in base ? merge(base[key], value) : value;
    return result;
  }
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((item) => isObject(item) && typeof item.name === 'string')) {
    const result = base.map((item) => {
      const match = patch.find((candidate) => isObject(item) && (candidate as Json).name === item.name);
      return match ? merge(item, match) : item;
    });
    for (const item of patch)
      if (!base.some((existing) => isObject(existing) && existing.name === (item as Json).name)) result.push(item);
    return result;
  }
  return patch;
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (isObject(node)) {
    visit(node);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

// What `kustomize build` does with the fields our kustomizations use: resources, labels, patches, images.
function build(dir: string): Manifest[] {
  const kustomization = readYaml(path.join(dir, 'kustomization.yaml'))[0] as unknown as {
    resources?: string[];
    labels?: { pairs: Record<string, string> }[];
    patches?: { path: string }[];
    images?: { name: string; newName?: string; newTag?: string }[];
  };
  let objects: Manifest[] = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.join(dir, resource);
    objects.push(...(fs.statSync(target).isDirectory() ? build(target) : readYaml(target)));
  }
  for (const { pairs } of kustomization.labels ?? []) {
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  }
  for (const { path: patchPath } of kustomization.patches ?? []) {
    for (const patch of readYaml(path.join(dir, patchPath))) {
      const index = objects.findIndex((object) => object.kind === patch.kind && object.metadata.name === patch.metadata.name);
      expect(index, `${patchPath}: ${patch.kind}/${patch.metadata.name} patches nothing`).toBeGreaterThanOrEqual(0);
      objects[index] = merge(objects[index], patch) as Manifest;
    }
  }
  for (const image of kustomization.images ?? []) {
    objects = objects.map((object) => {
      walk(object, (node) => {
        if (typeof node.image !== 'string') return;
        const [name, tag] = node.image.split(':');
        if (name !== image.name) return;
        node.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
      });
      return object;
    });
  }
  return objects;
}

async function validateWithKubernetesModels(object: Manifest) {
  const module = (await import(`kubernetes-models/${object.apiVersion}`)) as Record<
    string,
    new (data: unknown) => { validate(): void }
  >;
  const Model = module[object.kind];
  expect(Model, `${object.apiVersion} ${object.kind}`).toBeDefined();
  new Model!(object).validate();
}

const overlays = ['small-region', 'large-region'];
const builds = Object.fromEntries(overlays.map((overlay) => [overlay, build(path.join(kubernetesDir, 'overlays', overlay))]));
const find = (objects: Manifest[], kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} missing`);
  return found as Manifest & { spec: any; data?: Record<string, string>; stringData?: Record<string, string> };
};

describe('Kubernetes manifests', () => {
  it('every file of the base and every built overlay is valid against the Kubernetes schemas', async () => {
    const baseFiles = fs.readdirSync(path.join(kubernetesDir, 'base')).filter((file) => file !== 'kustomization.yaml');
    for (const file of baseFiles)
      for (const object of readYaml(path.join(kubernetesDir, 'base', file))) await validateWithKubernetesModels(object);
    for (const objects of Object.values(builds)) for (const object of objects) await validateWithKubernetesModels(object);
  });

  it('a broken manifest is refused by the same validation', async () => {
    const [deployment] = readYaml(path.join(kubernetesDir, 'base/api.yaml'));
    const broken = merge(deployment, { spec: { replicas: 'two' } }) as Manifest;
    await expect(validateWithKubernetesModels(broken)).rejects.toThrow();
  });

  it.each(overlays)('%s: has the three processes, the migration job, services, autoscalers and disruption budgets', (overlay) => {
    const objects = builds[overlay]!;
    const names = (kind: string) =>
      objects
        .filter((object) => object.kind === kind)
        .map((object) => object.metadata.name)
        .sort();
    expect(names('Deployment')).toEqual(['talkoot-api', 'talkoot-portal', 'talkoot-worker']);
    expect(names('Job')).toEqual(['talkoot-migrate']);
    expect(names('Service')).toEqual(['talkoot-api', 'talkoot-portal']);
    expect(names('HorizontalPodAutoscaler')).toEqual(['talkoot-api', 'talkoot-portal', 'talkoot-worker']);
    expect(names('PodDisruptionBudget')).toEqual(['talkoot-api', 'talkoot-portal', 'talkoot-worker']);
    for (const object of objects) expect(object.metadata.labels?.['app.kubernetes.io/part-of']).toBe('talkoot');
    const job = find(objects, 'Job', 'talkoot-migrate');
    expect(job.spec.template.spec.containers[0].command.join(' ')).toContain('database/dist/migrate-cli.js');
    for (const name of ['api', 'portal', 'worker']) {
      const pod = find(objects, 'Deployment', `talkoot-${name}`).spec.template.spec;
      expect(pod.containers[0].image).toBe('registry.example.fi/talkoot:0.1.0');
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.containers[0].resources.requests.memory).toBeDefined();
      expect(pod.containers[0].resources.limits.memory).toBeDefined();
    }
    // Each autoscaler and budget points at a Deployment whose pods its selector matches.
    for (const hpa of objects.filter((object) => object.kind === 'HorizontalPodAutoscaler') as any[]) {
      find(objects, 'Deployment', hpa.spec.scaleTargetRef.name);
      expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    }
    for (const pdb of objects.filter((object) => object.kind === 'PodDisruptionBudget') as any[]) {
      const deployment = find(objects, 'Deployment', pdb.metadata.name);
      expect(deployment.spec.template.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
    }
    for (const service of objects.filter((object) => object.kind === 'Service') as any[]) {
      const deployment = find(objects, 'Deployment', service.metadata.name);
      expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
      expect(deployment.spec.template.spec.containers[0].ports.map((port: { name: string }) => port.name)).toContain('http');
    }
  });

  it('the patches took effect: a small region runs one of each, a large one more', () => {
    expect(find(builds['small-region']!, 'Deployment', 'talkoot-api').spec.replicas).toBe(1);
    expect(find(builds['small-region']!, 'HorizontalPodAutoscaler', 'talkoot-worker').spec.minReplicas).toBe(1);
    const largeApi = find(builds['large-region']!, 'Deployment', 'talkoot-api').spec.template.spec.containers[0];
    expect(largeApi.command).toContain('--max-old-space-size=512');
    // The merge kept what the patch did not name.
    expect(largeApi.readinessProbe.httpGet.path).toBe('/api/readyz');
    expect(find(builds['large-region']!, 'ConfigMap', 'talkoot-config').data?.DATABASE_POOL_MAX).toBe('20');
    expect(find(builds['large-region']!, 'ConfigMap', 'talkoot-config').data?.NODE_ENV).toBe('production');
  });

  it('probes use the real health routes and pods outlive the drain on SIGTERM', () => {
    const source = fs.readFileSync(path.join(root, 'apps/api/src/health.controller.ts'), 'utf8');
    const routes = [...source.matchAll(/path: '([^']+)'/g)].map((match) => match[1]);
    expect(routes).toEqual(expect.arrayContaining(['/api/healthz', '/api/readyz']));
    const workerSource = fs.readFileSync(path.join(root, 'apps/worker/src/main.ts'), 'utf8');
    const drainMs = Number(/shutdownGraceMs = ([\d_]+)/.exec(workerSource)![1]!.replaceAll('_', ''));
    for (const objects of Object.values(builds)) {
      const api = find(objects, 'Deployment', 'talkoot-api').spec.template.spec;
      expect(api.containers[0].readinessProbe.httpGet.path).toBe('/api/readyz');
      expect(api.containers[0].livenessProbe.httpGet.path).toBe('/api/healthz');
      const portal = find(objects, 'Deployment', 'talkoot-portal').spec.template.spec;
      expect(portal.containers[0].readinessProbe.httpGet.path).toBe('/api/readyz');
      for (const name of ['api', 'portal', 'worker']) {
        const pod = find(objects, 'Deployment', `talkoot-${name}`).spec.template.spec;
        expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(drainMs);
      }
    }
  });

  it('the ingress sends /api and /feeds to the api and the rest to the portal', () => {
    const ingress = find(builds['small-region']!, 'Ingress', 'talkoot');
    const paths = ingress.spec.rules[0].http.paths.map((entry: any) => [entry.path, entry.backend.service.name]);
    expect(paths).toEqual([
      ['/api', 'talkoot-api'],
      ['/feeds', 'talkoot-api'],
      ['/', 'talkoot-portal'],
    ]);
  });

  it.each(overlays)('%s: the ConfigMap and Secret give the processes a valid production configuration', (overlay) => {
    const objects = builds[overlay]!;
    const env: Record<string, string> = {
      ...find(objects, 'ConfigMap', 'talkoot-config').data,
      ...find(objects, 'Secret', 'talkoot-secrets').stringData,
    };
    // Every name must be one the processes read: the config schema's, the api's own API_HOST, the
    // portal server's (PAGE_CACHE_MB).
    const configSource = fs.readFileSync(path.join(root, 'packages/platform/src/config.ts'), 'utf8');
    const schemaBlock = configSource.slice(
      configSource.indexOf('export const configSchema'),
      configSource.indexOf('export type RawConfig'),
    );
    const known = new Set([...schemaBlock.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]));
    for (const file of ['apps/api/src/main.ts', 'apps/worker/src/main.ts', 'apps/portal/server/config.ts']) {
      for (const match of fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g))
        known.add(match[1]);
    }
    const podEnv = objects
      .filter((object) => object.kind === 'Deployment')
      .flatMap((object: any) => object.spec.template.spec.containers.flatMap((container: any) => container.env ?? []))
      .map((entry: { name: string }) => entry.name);
    for (const name of [...Object.keys(env), ...podEnv]) expect(known, name).toContain(name);
    // The variables a process requires (requireDatabaseUrl and its kind) are set.
    const required = [
      ...configSource.matchAll(/export function require\w+\(config: AppConfig\)[^]*?config\.([A-Z][A-Z0-9_]+)/g),
    ].map((match) => match[1]!);
    expect(required).toContain('DATABASE_URL');
    for (const name of required) expect(env[name], name).toBeTruthy();
    // And the whole configuration parses as production: real SMTP, Redis, https cookies.
    const config = parseConfig({ ...env, HOST: '0.0.0.0' }, '/app');
    expect(config.NODE_ENV).toBe('production');
    expect(config.isDevMailbox).toBe(false);
    expect(config.queueBackend).toBe('redis');
    expect(config.isHttps).toBe(true);
    expect(config.apiUrl).toBe(`http://talkoot-api:${config.API_PORT}`);
    // The secret template holds placeholders only.
    for (const value of Object.values(find(objects, 'Secret', 'talkoot-secrets').stringData ?? {}))
      expect(value).toContain('CHANGE-ME');
  });
});
