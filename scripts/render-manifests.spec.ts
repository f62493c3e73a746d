import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { loadValues, renderManifests, toYaml } from './render-manifests.js';

const values = loadValues('deploy/values.json');
const files = renderManifests(values);
const all = [...files.values()].flat();

/** Every core kind the render makes, by its class in kubernetes-models (which validates against the API's schema). */
const models: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'batch/v1/Job': Job,
};
const quantity = /^\d+(\.\d+)?(m|Mi|Gi|Ki|Ti)?$/;

describe('the Kubernetes manifests (scripts/render-manifests.ts, deploy/k8s/)', () => {
  it('validates every core object against the Kubernetes API schema', () => {
    const core = all.filter((manifest) => !manifest.apiVersion.includes('.') || manifest.apiVersion.startsWith('policy/'));
    expect(core.length).toBeGreaterThan(18);
    for (const manifest of core) {
      const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
      if (!Model) throw new Error(`no model for ${manifest.apiVersion} ${manifest.kind}`);
      expect(() => new Model(manifest).validate()).not.toThrow();
    }
    // The validation bites: a mistyped field is refused.
    const [deployment] = files.get('registration.yaml') as any[];
    expect(() => new Deployment({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } }).validate()).toThrow();
  });

  it('gives each service and the web entry a Deployment with probes, requests and limits, a Service and a PodDisruptionBudget that select it', () => {
    for (const workload of ['registration', 'scheduling', 'mou-registry', 'notifications', 'dashboard', 'web']) {
      const [deployment, service, budget] = files.get(`${workload}.yaml`) as any[];
      expect([deployment.kind, service.kind, budget.kind]).toEqual(['Deployment', 'Service', 'PodDisruptionBudget']);
      const labels = deployment.spec.template.metadata.labels;
      for (const selector of [deployment.spec.selector.matchLabels, service.spec.selector, budget.spec.selector.matchLabels]) {
        expect(labels).toMatchObject(selector);
      }
      const [container] = deployment.spec.template.spec.containers;
      expect(container.image).toBe(values.image);
      expect(container.command).toEqual(['node', `dist/apps/${workload}/src/main.js`]);
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.resources.requests).toEqual({ cpu: expect.stringMatching(quantity), memory: expect.stringMatching(quantity) });
      expect(container.resources.limits.memory).toMatch(quantity);
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(service.spec.ports[0].port).toBe(Number(container.env.find((variable: any) => variable.name === 'PORT').value));
      expect(deployment.spec.replicas).toBe(values.workloads[workload as keyof typeof values.workloads].replicas);
    }
  });

  it('hands each participant secret only to the services that hold it', () => {
    const secretsOf = (workload: string) =>
      (files.get(`${workload}.yaml`)![0] as any).spec.template.spec.containers[0].env
        .filter((variable: any) => variable.valueFrom?.secretKeyRef?.name === values.secretName)
        .map((variable: any) => variable.name);
    expect(secretsOf('registration')).toEqual(expect.arrayContaining(['PARTICIPANT_TOKEN_SECRET', 'PARTICIPANT_LINK_SECRET']));
    expect(secretsOf('notifications')).toContain('PARTICIPANT_LINK_SECRET');
    expect(secretsOf('notifications')).not.toContain('PARTICIPANT_TOKEN_SECRET');
    for (const workload of ['scheduling', 'mou-registry', 'dashboard', 'web']) expect(secretsOf(workload)).not.toContain('PARTICIPANT_LINK_SECRET');
  });

  it('runs the migrate command as a Job of the same image', () => {
    const [job] = files.get('migrate-job.yaml') as any[];
    expect(job.metadata.name).toBe('mission-hub-migrate-0-1-0');
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.containers[0]).toMatchObject({ image: values.image, command: ['node', 'dist/scripts/migrate.js'] });
  });

  it('declares a 3-node RabbitmqCluster and a CloudNativePG Cluster with their required fields', () => {
    const [rabbitmq] = files.get('rabbitmq.yaml') as any[];
    expect(rabbitmq).toMatchObject({ apiVersion: 'rabbitmq.com/v1beta1', kind: 'RabbitmqCluster', metadata: { name: expect.any(String) } });
    expect(rabbitmq.spec.replicas).toBe(3);
    expect(rabbitmq.spec.persistence.storage).toMatch(quantity);
    expect(rabbitmq.spec.resources.requests.memory).toMatch(quantity);

    const [postgres] = files.get('postgres.yaml') as any[];
    expect(postgres).toMatchObject({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: expect.any(String) } });
    expect(postgres.spec.instances).toBeGreaterThanOrEqual(1);
    expect(postgres.spec.storage.size).toMatch(quantity);
    expect(postgres.spec.bootstrap.initdb).toMatchObject({ database: expect.any(String), owner: expect.any(String) });
    // The services connect with the Secrets the two operators make.
    const env = (files.get('registration.yaml')![0] as any).spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${postgres.metadata.name}-app`, key: 'uri' } } });
    expect(env).toContainEqual(expect.objectContaining({ name: 'RABBITMQ_URL', value: expect.stringContaining(`@${rabbitmq.metadata.name}:5672`) }));
  });

  it('matches what is committed in deploy/k8s (render again with --out deploy/k8s after changing values or the script)', () => {
    const committed = readdirSync('deploy/k8s').sort();
    expect(committed).toEqual([...files.keys()].sort());
    for (const [name, manifests] of files) {
      const text = readFileSync(join('deploy/k8s', name), 'utf8');
      expect(text).toBe(toYaml(manifests));
      expect(parseAllDocuments(text).map((document) => document.toJS())).toEqual(JSON.parse(JSON.stringify(manifests)));
    }
  });
});
