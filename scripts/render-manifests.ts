// `node dist/scripts/render-manifests.js [--values deploy/values.json] [--out deploy/k8s]`: the
// Kubernetes manifests of a deployment, rendered from one values object (image, replicas,
// resources, configuration), to stdout or one file per part in a folder. deploy/k8s/ holds them
// rendered from deploy/values.json (a test keeps the two the same). docs/DESIGN.md, "Operations".
import { services, type ServiceName } from '#common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu?: string; memory: string };
}

export interface ManifestValues {
  namespace: string;
  /** One image for every service and the migrate job (the Dockerfile). */
  image: string;
  /** Each service and the web entry: its instances and resources. */
  workloads: Record<Workload, { replicas: number; resources: Resources }>;
  /** Plain configuration (docs/DESIGN.md, "Configuration"), in a ConfigMap every workload reads. */
  config: Record<string, string>;
  /** The Secret, made by the operator, that holds JWT_SECRET, the participants' secrets and SMTP_URL: the manifests only name it. */
  secretName: string;
  rabbitmq: { name: string; replicas: number; image: string; storage: string; resources: Resources };
  postgres: {
    name: string;
    instances: number;
    imageName: string;
    storage: string;
    database: string;
    owner: string;
    maxConnections: number;
    resources: Resources;
  };
}

export type Workload = ServiceName | 'web';

type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } };

/** The Secret's keys each workload gets, no more (DESIGN.md, Participant links: a secret goes only to the services that hold it). */
const secretKeys: Record<Workload | 'migrate', { key: string; optional?: boolean }[]> = {
  registration: [{ key: 'JWT_SECRET' }, { key: 'PARTICIPANT_TOKEN_SECRET' }, { key: 'PARTICIPANT_LINK_SECRET' }],
  notifications: [{ key: 'JWT_SECRET' }, { key: 'PARTICIPANT_LINK_SECRET' }, { key: 'SMTP_URL' }],
  scheduling: [{ key: 'JWT_SECRET' }],
  'mou-registry': [{ key: 'JWT_SECRET' }],
  dashboard: [{ key: 'JWT_SECRET' }],
  web: [{ key: 'OIDC_CLIENT_SECRET', optional: true }],
  // The command loads every service's configuration, which is checked as at a service's start.
  migrate: [{ key: 'JWT_SECRET' }, { key: 'PARTICIPANT_TOKEN_SECRET' }, { key: 'PARTICIPANT_LINK_SECRET' }],
};

const WEB_PORT = 8080;
/** The image's `node` user (Dockerfile). */
const NODE_UID = 1000;

export function renderManifests(values: ManifestValues): Map<string, Manifest[]> {
  const files = new Map<string, Manifest[]>();
  files.set('namespace.yaml', [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: values.namespace } }]);
  files.set('config.yaml', [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(values, 'mission-hub-config'),
      data: { ...values.config, ...serviceUrls() },
    },
  ]);
  files.set('postgres.yaml', [postgresCluster(values)]);
  files.set('rabbitmq.yaml', [rabbitmqCluster(values)]);
  files.set('migrate-job.yaml', [migrateJob(values)]);
  for (const workload of [...(Object.keys(services) as ServiceName[]), 'web' as const]) {
    files.set(`${workload}.yaml`, [deployment(values, workload), service(values, workload), disruptionBudget(values, workload)]);
  }
  return files;
}

export function toYaml(manifests: Manifest[]): string {
  return manifests.map((manifest) => stringify(manifest, { lineWidth: 0 })).join('---\n');
}

function portOf(workload: Workload): number {
  return workload === 'web' ? WEB_PORT : services[workload].port;
}

/** Where the web entry forwards each service's calls: their Services. */
function serviceUrls(): Record<string, string> {
  const name = (service: ServiceName) => `${service.toUpperCase().replace('-', '_')}_URL`;
  return Object.fromEntries((Object.keys(services) as ServiceName[]).map((service) => [name(service), `http://${service}:${services[service].port}`]));
}

function meta(values: ManifestValues, name: string, labels: Record<string, string> = {}): Manifest['metadata'] {
  return { name, namespace: values.namespace, labels: { 'app.kubernetes.io/part-of': 'mission-hub', ...labels } };
}

function selector(workload: Workload): Record<string, string> {
  return { 'app.kubernetes.io/name': workload };
}

/** The broker and the database from their operators' Secrets: CloudNativePG's `<cluster>-app` (uri), the RabbitMQ operator's `<cluster>-default-user`. */
function connectionEnv(values: ManifestValues): object[] {
  return [
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${values.postgres.name}-app`, key: 'uri' } } },
    { name: 'RABBITMQ_USERNAME', valueFrom: { secretKeyRef: { name: `${values.rabbitmq.name}-default-user`, key: 'username' } } },
    { name: 'RABBITMQ_PASSWORD', valueFrom: { secretKeyRef: { name: `${values.rabbitmq.name}-default-user`, key: 'password' } } },
    { name: 'RABBITMQ_URL', value: `amqp://$(RABBITMQ_USERNAME):$(RABBITMQ_PASSWORD)@${values.rabbitmq.name}:5672` },
  ];
}

function secretEnv(values: ManifestValues, who: Workload | 'migrate'): object[] {
  return secretKeys[who].map(({ key, optional }) => ({
    name: key,
    valueFrom: { secretKeyRef: { name: values.secretName, key, ...(optional ? { optional } : {}) } },
  }));
}

/** Non-root, nothing to escalate to, a read-only root: the process writes only to /tmp. */
function container(values: ManifestValues, name: string, command: string[], env: object[], resources: Resources): Record<string, unknown> {
  return {
    name,
    image: values.image,
    command,
    envFrom: [{ configMapRef: { name: 'mission-hub-config' } }],
    env,
    resources,
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
}

function podSecurity(): Record<string, unknown> {
  return {
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: NODE_UID, runAsGroup: NODE_UID, seccompProfile: { type: 'RuntimeDefault' } },
    volumes: [{ name: 'tmp', emptyDir: {} }],
  };
}

function deployment(values: ManifestValues, workload: Workload): Manifest {
  const port = portOf(workload);
  const env = [{ name: 'PORT', value: String(port) }, ...(workload === 'web' ? [] : connectionEnv(values)), ...secretEnv(values, workload)];
  const probe = (path: string, extra: object = {}) => ({ httpGet: { path, port: 'http' }, timeoutSeconds: 3, ...extra });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(values, workload, selector(workload)),
    spec: {
      replicas: values.workloads[workload].replicas,
      selector: { matchLabels: selector(workload) },
      // One instance more, then one less: a rollout never goes below the replicas asked for.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: { ...selector(workload), 'app.kubernetes.io/part-of': 'mission-hub' },
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' },
        },
        spec: {
          ...podSecurity(),
          // Longer than a relay's last drain and a dispatcher's last sends (their shutdown hooks).
          terminationGracePeriodSeconds: 45,
          containers: [
            {
              ...container(values, workload, ['node', `dist/apps/${workload}/src/main.js`], env, values.workloads[workload].resources),
              ports: [{ name: 'http', containerPort: port }],
              // Migrations may run at the first start before the service listens (the migrate job usually ran them).
              startupProbe: probe('/health/live', { periodSeconds: 5, failureThreshold: 60 }),
              livenessProbe: probe('/health/live', { periodSeconds: 10, failureThreshold: 3 }),
              // Ready means the database answers (a broker outage keeps a service ready: its outbox holds the events).
              readinessProbe: probe('/health/ready', { periodSeconds: 5, failureThreshold: 2 }),
            },
          ],
        },
      },
    },
  };
}

function service(values: ManifestValues, workload: Workload): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(values, workload, selector(workload)),
    spec: { selector: selector(workload), ports: [{ name: 'http', port: portOf(workload), targetPort: 'http' }] },
  };
}

/** One instance at a time may be taken away by a drain: with one replica a drain can still go on, with more the rest serve. */
function disruptionBudget(values: ManifestValues, workload: Workload): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(values, workload, selector(workload)),
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(workload) } },
  };
}

/** Run once per release before the Deployments roll (its name carries the image's tag: a Job's template cannot change). */
function migrateJob(values: ManifestValues): Manifest {
  const tag = (values.image.split(':').pop() ?? 'latest').toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(values, `mission-hub-migrate-${tag}`.slice(0, 63).replace(/-+$/, ''), { 'app.kubernetes.io/name': 'migrate' }),
    spec: {
      backoffLimit: 3,
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'migrate', 'app.kubernetes.io/part-of': 'mission-hub' } },
        spec: {
          ...podSecurity(),
          restartPolicy: 'Never',
          containers: [
            container(values, 'migrate', ['node', 'dist/scripts/migrate.js'], [...connectionEnv(values), ...secretEnv(values, 'migrate')], {
              requests: { cpu: '100m', memory: '192Mi' },
              limits: { memory: '384Mi' },
            }),
          ],
        },
      },
    },
  };
}

/** The RabbitMQ cluster operator's resource; its default user's Secret is what the services connect with. */
function rabbitmqCluster(values: ManifestValues): Manifest {
  const { name, replicas, image, storage, resources } = values.rabbitmq;
  return {
    apiVersion: 'rabbitmq.com/v1beta1',
    kind: 'RabbitmqCluster',
    metadata: meta(values, name),
    spec: {
      replicas,
      image,
      resources,
      persistence: { storage },
      rabbitmq: {
        // A minority side of a network split stops instead of diverging.
        additionalConfig: 'cluster_partition_handling = pause_minority\n',
      },
    },
  };
}

/** CloudNativePG's resource: a primary and standbys; the services reach the primary by `<name>-rw` (in its `-app` Secret's uri). */
function postgresCluster(values: ManifestValues): Manifest {
  const { name, instances, imageName, storage, database, owner, maxConnections, resources } = values.postgres;
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: meta(values, name),
    spec: {
      instances,
      imageName,
      storage: { size: storage },
      resources,
      postgresql: { parameters: { max_connections: String(maxConnections) } },
      bootstrap: {
        initdb: {
          database,
          owner,
          // The MoU registry's search index needs it; created here by the superuser, once.
          postInitApplicationSQL: ['CREATE EXTENSION IF NOT EXISTS btree_gin'],
        },
      },
    },
  };
}

/** The values object, as JSON (deploy/values.json is the committed one). */
export function loadValues(path: string): ManifestValues {
  return JSON.parse(readFileSync(path, 'utf8')) as ManifestValues;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values: args } = parseArgs({ options: { values: { type: 'string', default: 'deploy/values.json' }, out: { type: 'string' } } });
  try {
    const files = renderManifests(loadValues(args.values!));
    if (args.out) {
      mkdirSync(args.out, { recursive: true });
      for (const [name, manifests] of files) writeFileSync(join(args.out, name), toYaml(manifests));
      console.error(`wrote ${files.size} files to ${args.out}`);
    } else {
      process.stdout.write([...files.values()].map(toYaml).join('---\n'));
    }
  } catch (error) {
    console.error(`render-manifests: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
