// A deterministic synthetic workspace for the benchmarks: apps made of a Deployment or StatefulSet
// (env vars naming other apps' Services, a ConfigMap reference, probes, resources), a Service, a
// ConfigMap, and sometimes an Ingress and a NetworkPolicy, spread over namespaces and folders.
// Most apps are one multi-document file, some are split over several files, a few are `kind: List`
// files, about a fifth leave the namespace out. Every file is written twice: as YAML (what is
// measured) and as a JSON twin with the same documents (the JSON.parse floor).
//
//   npx tsx bench/generateCorpus.ts [--objects 10000] [--seed 1]   (prints the folder)
//
// 10,000 objects make about 15.7 MB of YAML in about 2,900 files. The output goes under the
// system temp folder and is reused when the same objects/seed were generated before.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';

/** Bump when the generated text changes, so cached corpora are regenerated. */
const GENERATOR_VERSION = 7;

export interface Corpus {
  readonly root: string;
  /** Folder of the YAML files. */
  readonly yamlDir: string;
  /** Folder of the JSON twins: one array of documents per YAML file, same relative path + `.json`. */
  readonly jsonDir: string;
  readonly objects: number;
  readonly files: number;
  readonly yamlBytes: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = { [key: string]: Json };

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['cart', 'checkout', 'catalog', 'payment', 'shipping', 'user', 'search', 'review', 'email'];
const ROLES = ['api', 'worker', 'db', 'cache', 'gateway', 'auth', 'ledger', 'queue', 'ui'];

interface App {
  readonly name: string;
  readonly namespace: string;
  readonly port: number;
}

export function corpusFolder(objects: number, seed: number): string {
  return path.join(os.tmpdir(), 'kube-topology-bench', `v${GENERATOR_VERSION}-${objects}-seed${seed}`);
}

/** Generates the corpus unless the same one is already on disk. */
export function generateCorpus(objects: number, seed = 1): Corpus {
  const root = corpusFolder(objects, seed);
  const stamp = path.join(root, 'corpus.json');
  if (fs.existsSync(stamp)) return JSON.parse(fs.readFileSync(stamp, 'utf8')) as Corpus;
  fs.rmSync(root, { recursive: true, force: true });
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const namespaceCount = Math.max(2, Math.round(objects / 200));
  const namespaces = Array.from({ length: namespaceCount }, (_, i) => `team-${i}`);
  // About 4 objects per app (2.7 fixed + Ingress 1 in 3 + NetworkPolicy 2 in 3, minus a few).
  const appCount = Math.round(objects / 3.95);
  const apps: App[] = Array.from({ length: appCount }, (_, i) => ({
    name: `${pick(WORDS)}-${pick(ROLES)}-${i}`,
    namespace: namespaces[i % namespaceCount]!,
    port: pick([8080, 8443, 9090, 3000, 5000]),
  }));
  const files: { relative: string; docs: Doc[] }[] = [];
  let written = 0;
  for (const [index, app] of apps.entries()) {
    if (written >= objects) break;
    const omitNamespace = next() < 0.2;
    const docs = appObjects(app, apps, omitNamespace, next, pick).slice(0, objects - written);
    written += docs.length;
    const folder = `${app.namespace}/${app.name}`;
    const layout = next();
    if (layout < 0.03) {
      files.push({
        relative: `${folder}/list.yaml`,
        docs: [{ apiVersion: 'v1', kind: 'List', items: docs }],
      });
    } else if (layout < 0.12) {
      // Split: the workload and its Service together, then one file per other object.
      files.push({ relative: `${folder}/workload.yaml`, docs: docs.slice(0, 2) });
      docs.slice(2).forEach((doc, i) => files.push({ relative: `${folder}/extra-${i}.yaml`, docs: [doc] }));
    } else {
      files.push({ relative: `${folder}/${index % 7 === 0 ? 'all.yml' : 'manifests.yaml'}`, docs });
    }
  }
  const yamlDir = path.join(root, 'yaml');
  const jsonDir = path.join(root, 'json');
  let yamlBytes = 0;
  for (const { relative, docs } of files) {
    const yamlPath = path.join(yamlDir, relative);
    fs.mkdirSync(path.dirname(yamlPath), { recursive: true });
    const text = docs
      .map(
        (doc, i) =>
          `${i === 0 ? '' : '---\n'}# Source: ${relative} (${doc.kind as string})\n${emitYaml(doc, '')}`,
      )
      .join('');
    yamlBytes += Buffer.byteLength(text);
    fs.writeFileSync(yamlPath, text);
    // The writer below is small; a sample of files is read back with yaml v2 to keep it honest.
    if (files.length < 50 || yamlBytes % 97 === 0) {
      const readBack = parseAllDocuments(text).map((document) => document.toJS() as unknown);
      if (!isDeepStrictEqual(readBack, docs))
        throw new Error(`${relative}: YAML does not read back as written`);
    }
    const jsonPath = path.join(jsonDir, `${relative}.json`);
    fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
    fs.writeFileSync(jsonPath, JSON.stringify(docs));
  }
  const corpus: Corpus = { root, yamlDir, jsonDir, objects: written, files: files.length, yamlBytes };
  fs.writeFileSync(stamp, JSON.stringify(corpus));
  return corpus;
}

function appObjects(
  app: App,
  apps: readonly App[],
  omitNamespace: boolean,
  next: () => number,
  pick: <T>(items: readonly T[]) => T,
): Doc[] {
  const metadata = (name: string, extra: Doc = {}): Doc => ({
    name,
    ...(omitNamespace ? {} : { namespace: app.namespace }),
    labels: {
      app: app.name,
      'app.kubernetes.io/name': app.name,
      'app.kubernetes.io/instance': `${app.name}-prod`,
      'app.kubernetes.io/version': '1.4.2',
      'app.kubernetes.io/managed-by': 'kustomize',
      'app.kubernetes.io/part-of': app.namespace,
      tier: pick(ROLES),
    },
    ...extra,
  });
  const peers = Array.from({ length: 4 + Math.floor(next() * 7) }, () => pick(apps));
  const env: Json[] = peers.map((peer, i) => {
    const sameNamespace = peer.namespace === app.namespace;
    const host = sameNamespace ? peer.name : `${peer.name}.${peer.namespace}.svc.cluster.local`;
    const style = i % 3;
    if (style === 0) return { name: `${envName(peer.name)}_ADDR`, value: `${host}:${peer.port}` };
    if (style === 1) return { name: `${envName(peer.name)}_URL`, value: `http://${host}:${peer.port}/v1` };
    return { name: `${envName(peer.name)}_HOST`, value: host };
  });
  env.push(
    { name: 'LOG_LEVEL', value: pick(['info', 'debug', 'warn']) },
    { name: 'FEATURE_FLAGS', value: 'true' },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability:4317' },
    { name: 'DATABASE_POOL_SIZE', value: String(5 + Math.floor(next() * 20)) },
    { name: 'CACHE_TTL_SECONDS', value: '300' },
    { name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8' },
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'CONFIG_PATH', valueFrom: { configMapKeyRef: { name: `${app.name}-config`, key: 'path' } } },
  );
  const stateful = next() < 0.25;
  const podSpec: Doc = {
    serviceAccountName: app.name,
    containers: [
      {
        name: 'main',
        image: `registry.example.com/${app.namespace}/${app.name}:1.${Math.floor(next() * 40)}.0`,
        imagePullPolicy: 'IfNotPresent',
        ports: [
          { name: 'http', containerPort: app.port, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9102 },
        ],
        env,
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5 },
        livenessProbe: { tcpSocket: { port: app.port }, periodSeconds: 10 },
        volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }],
      },
    ],
    volumes: [{ name: 'config', configMap: { name: `${app.name}-config` } }],
    securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: app.name } },
      },
    ],
  };
  if (next() < 0.5) {
    (podSpec.containers as Json[]).push({
      name: 'proxy',
      image: 'registry.example.com/platform/proxy:2.4.1',
      args: ['--listen=:15001', `--upstream=127.0.0.1:${app.port}`, '--log-format=json'],
      ports: [{ name: 'proxy', containerPort: 15001 }],
      env: [{ name: 'UPSTREAM_NAME', value: app.name }],
      resources: { requests: { cpu: '50m', memory: '64Mi' } },
    });
  }
  const workload: Doc = {
    apiVersion: 'apps/v1',
    kind: stateful ? 'StatefulSet' : 'Deployment',
    metadata: metadata(app.name, {
      annotations: {
        'example.com/owner': `${app.namespace}@example.com`,
        'example.com/runbook': `https://runbooks.example.com/${app.namespace}/${app.name}`,
        'deployment.kubernetes.io/revision': String(1 + Math.floor(next() * 9)),
      },
    }),
    spec: {
      ...(stateful ? { serviceName: app.name } : {}),
      replicas: 1 + Math.floor(next() * 3),
      selector: { matchLabels: { app: app.name } },
      template: { metadata: { labels: { app: app.name, version: 'v1' } }, spec: podSpec },
    },
  };
  const service: Doc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(app.name),
    spec: {
      selector: { app: app.name },
      ports: [
        { name: 'http', port: 80, targetPort: next() < 0.5 ? 'http' : app.port, protocol: 'TCP' },
        { name: 'metrics', port: 9102, targetPort: 'metrics' },
      ],
    },
  };
  const configMap: Doc = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(`${app.name}-config`),
    data: {
      path: '/etc/app/config.yaml',
      'config.yaml': `server:\n  port: ${app.port}\n  timeoutSeconds: 30\n  maxConnections: 512\nlogging:\n  level: info\n  format: json\nupstreams:\n${peers
        .map((peer) => `  - ${peer.name}.${peer.namespace}:${peer.port}\n`)
        .join('')}`,
      'retry.budget': String(Math.floor(next() * 100)),
    },
  };
  const docs = [workload, service, configMap];
  if (next() < 1 / 3) {
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: metadata(app.name),
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: `${app.name}.example.com`,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: app.name, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    });
  }
  if (next() < 2 / 3) {
    const caller = pick(apps);
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(`${app.name}-ingress`),
      spec: {
        podSelector: { matchLabels: { app: app.name } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': caller.namespace } },
                podSelector: { matchLabels: { app: caller.name } },
              },
            ],
            ports: [{ protocol: 'TCP', port: app.port }],
          },
        ],
      },
    });
  }
  return docs;
}

function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

// A small block-style YAML writer: maps and sequences in block style, one-line strings plain when
// yaml would read them back as the same string and double-quoted otherwise, multi-line strings as
// `|` block scalars. Round trips are checked on a sample when the corpus is written.
const PLAIN_UNSAFE =
  /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|[\s:]$|^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const NUMBER_LIKE = /^[-+]?(?:\.?[0-9]|0x|0o|\.inf|\.nan)/i;

function emitScalar(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? '[]' : '{}';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = value;
  if (text === '' || PLAIN_UNSAFE.test(text) || NUMBER_LIKE.test(text)) return JSON.stringify(text);
  return text;
}

function emitYaml(value: Json, indent: string): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isCollection(item)) return `${indent}- ${emitYaml(item, `${indent}  `).trimStart()}`;
        return `${indent}- ${emitScalar(item)}\n`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => {
        if (isCollection(item)) return `${indent}${emitScalar(key)}:\n${emitYaml(item, `${indent}  `)}`;
        if (typeof item === 'string' && item.includes('\n')) {
          const body = item
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `${indent}  ${line}\n`)
            .join('');
          return `${indent}${emitScalar(key)}: |${item.endsWith('\n') ? '' : '-'}\n${body}`;
        }
        return `${indent}${emitScalar(key)}: ${emitScalar(item)}\n`;
      })
      .join('');
  }
  return `${indent}${emitScalar(value)}\n`;
}

function isCollection(value: Json): value is Json[] | { [key: string]: Json } {
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseArgs({
    options: { objects: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } },
  });
  const corpus = generateCorpus(Number(values.objects), Number(values.seed));
  console.log(JSON.stringify(corpus, null, 2));
}
