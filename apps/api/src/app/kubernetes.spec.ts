import { EnvironmentVariables } from '@gfmd/api-platform';
import { getMetadataStorage } from 'class-validator';
import { loadAll } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// kubernetes-models: the Kubernetes OpenAPI schemas as classes whose validate() throws on a
// document the API server would refuse (types, required fields, enums, formats).
const MODELS: Record<string, any> = {
  v1: require('kubernetes-models/v1'),
  'apps/v1': require('kubernetes-models/apps/v1'),
  'batch/v1': require('kubernetes-models/batch/v1'),
  'autoscaling/v2': require('kubernetes-models/autoscaling/v2'),
  'policy/v1': require('kubernetes-models/policy/v1'),
  'networking.k8s.io/v1': require('kubernetes-models/networking.k8s.io/v1'),
};

const ROOT = join(__dirname, '../../../..');
const DIR = join(ROOT, 'deploy/k8s');

interface Doc {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  resources?: string[];
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const docs: { file: string; doc: Doc }[] = files.flatMap((file) =>
  (loadAll(readFileSync(join(DIR, file), 'utf8')) as Doc[]).filter(Boolean).map((doc) => ({ file, doc })),
);
const objects = docs.filter((d) => d.doc.kind !== 'Kustomization');
const of = (kind: string) => objects.filter((d) => d.doc.kind === kind).map((d) => d.doc);
const podSpec = (d: Doc) => d.spec.template.spec;

/** Every setting AppConfig reads. */
const SETTINGS = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .map((m) => m.propertyName),
);

describe('Kubernetes manifests (deploy/k8s)', () => {
  it.each(objects.map((o) => [`${o.file}: ${o.doc.kind}/${o.doc.metadata.name}`, o.doc]))(
    '%s is valid against the Kubernetes schema',
    (_name, doc) => {
      const Model = MODELS[doc.apiVersion]?.[doc.kind];
      expect(Model).toBeDefined();
      expect(() => new Model(structuredClone(doc)).validate()).not.toThrow();
    },
  );

  it('the schema check can fail: a broken Deployment is refused', () => {
    const broken = structuredClone(of('Deployment')[0]);
    podSpec(broken).containers[0].ports = [{ containerPort: 'http' }];
    expect(() => new MODELS['apps/v1'].Deployment(broken).validate()).toThrow(/containerPort/);
  });

  it('kustomization lists every manifest but the example Secret, and only files that exist', () => {
    const [kustomization] = docs.filter((d) => d.doc.kind === 'Kustomization').map((d) => d.doc);
    expect([...(kustomization.resources ?? [])].sort()).toEqual(
      files.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml').sort(),
    );
  });

  it('every object is in the gfmd namespace and labelled as part of the product', () => {
    for (const { doc } of objects) {
      if (doc.kind !== 'Namespace')
        expect({ name: doc.metadata.name, ns: doc.metadata.namespace }).toEqual({
          name: doc.metadata.name,
          ns: 'gfmd',
        });
      expect(doc.metadata.labels?.['app.kubernetes.io/part-of']).toBe('gfmd-dialogues');
    }
  });

  it('services select the pods of a Deployment and name a port it declares', () => {
    for (const service of of('Service')) {
      const deployment = of('Deployment').find((d) =>
        Object.entries(service.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
      );
      expect(deployment).toBeDefined();
      const ports = podSpec(deployment!)
        .containers.flatMap((c: any) => c.ports ?? [])
        .map((p: any) => p.name);
      for (const port of service.spec.ports) expect(ports).toContain(port.targetPort);
    }
  });

  it('autoscalers target existing Deployments; the ingress routes to an existing Service port', () => {
    const deployments = of('Deployment').map((d) => d.metadata.name);
    expect(
      of('HorizontalPodAutoscaler')
        .map((h) => h.spec.scaleTargetRef.name)
        .sort(),
    ).toEqual(['gfmd-api', 'gfmd-web', 'gfmd-worker'].sort());
    for (const h of of('HorizontalPodAutoscaler')) expect(deployments).toContain(h.spec.scaleTargetRef.name);
    for (const rule of of('Ingress').flatMap((i) => i.spec.rules)) {
      for (const path of rule.http.paths) {
        const service = of('Service').find((s) => s.metadata.name === path.backend.service.name);
        expect(service?.spec.ports.map((p: any) => p.name)).toContain(path.backend.service.port.name);
      }
    }
  });

  it('the api has split probes (liveness asks no dependency, readiness does) and every container has limits', () => {
    const api = podSpec(of('Deployment').find((d) => d.metadata.name === 'gfmd-api')!).containers[0];
    expect(api.livenessProbe.httpGet.path).toBe('/api/v1/health/live');
    expect(api.readinessProbe.httpGet.path).toBe('/api/v1/health/ready');
    expect(api.startupProbe.httpGet.path).toBe('/api/v1/health/live');
    for (const d of [...of('Deployment'), ...of('Job')]) {
      const spec = podSpec(d);
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      for (const c of spec.containers) {
        expect({ name: c.name, memory: c.resources?.limits?.memory }).toEqual({
          name: c.name,
          memory: expect.any(String),
        });
        expect(c.securityContext.allowPrivilegeEscalation).toBe(false);
      }
    }
  });

  it('config and secret hold only settings the API knows, and the pods read both', () => {
    const config = of('ConfigMap')[0];
    const secret = of('Secret')[0];
    for (const key of [...Object.keys(config.data ?? {}), ...Object.keys(secret.stringData ?? {})]) {
      expect({ key, known: SETTINGS.has(key) || key === 'STORAGE_URL' }).toEqual({ key, known: true });
    }
    for (const d of [...of('Deployment'), ...of('Job')].filter((x) => x.metadata.name !== 'gfmd-web')) {
      const refs = podSpec(d).containers[0].envFrom.map((e: any) => e.configMapRef?.name ?? e.secretRef?.name);
      expect(refs.sort()).toEqual([config.metadata.name, secret.metadata.name].sort());
    }
  });

  it('the migrate Job runs the API image with `migrate`', () => {
    const [job] = of('Job');
    const api = podSpec(of('Deployment').find((d) => d.metadata.name === 'gfmd-api')!).containers[0];
    expect(podSpec(job).containers[0].image).toBe(api.image);
    expect(podSpec(job).containers[0].command).toContain('migrate');
  });
});
