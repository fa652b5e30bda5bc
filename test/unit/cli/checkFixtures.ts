import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DiagnosticJson } from '../../../src/cli/formats/diagnosticsJson';
import { runCliProcess } from '../../helpers/cliProcess';

/** The realistic workspace: a yaml-syntax error in platform/cache.yaml, plus what the other rules find. */
export const basic = 'test/fixtures/workspaces/basic';

/** A Deployment whose env value `assistant:80` names no Service: one info finding (`call-unresolved`). */
export const UNRESOLVED_CALL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1
          env:
            - name: ASSISTANT_ADDR
              value: "assistant:80"
`;

/** The same address built from two variables: the finding has a related location, the variable. */
export const EXPANDED_CALL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1
          env:
            - name: ASSISTANT_HOST
              value: assistant
            - name: ASSISTANT_ADDR
              value: "$(ASSISTANT_HOST):80"
`;

/**
 * Denies all ingress to the workload above, so that it is isolated (no `workload-not-isolated`) and
 * nothing else is wrong: the call is then the only finding.
 */
export const ISOLATE_WEB = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-deny-ingress
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress]
`;

/**
 * A ConfigMap whose document does not parse: one error finding (`yaml-syntax`). It has to look like
 * a manifest (apiVersion, kind): a broken file that does not is skipped as not Kubernetes.
 */
export const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  key: is: broken
`;

/** A temporary folder with the given files (relative paths), removed by `remove`. */
export class TempFolder {
  readonly path: string;

  constructor(files: Readonly<Record<string, string>>) {
    this.path = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-topology-check-'));
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(this.path, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }

  remove(): void {
    fs.rmSync(this.path, { recursive: true, force: true });
  }
}

/** `check --format json` on the given arguments: the exit code and the parsed document. */
export function checkJson(args: readonly string[]): {
  status: number;
  json: { version: number; diagnostics: DiagnosticJson[] };
} {
  const result = runCliProcess(['check', ...args, '--format', 'json']);
  return {
    status: result.status,
    json: JSON.parse(result.stdout) as { version: number; diagnostics: DiagnosticJson[] },
  };
}
