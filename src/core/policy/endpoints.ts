import type { Labels } from '../select/labelSelector';
import type { Workload } from '../model/workspaceModel';
import type { IpRange } from './ipRanges';

/** Something that sends or receives traffic, as NetworkPolicies see it. */
export type Endpoint =
  /** The pods of a workload: its namespace, template labels and containers. */
  | { readonly kind: 'workload'; readonly workload: Workload }
  /** Addresses outside the cluster. */
  | { readonly kind: 'external'; readonly range: IpRange }
  /** The Ingress controller's pods: configured (namespace and labels) or unknown. */
  | { readonly kind: 'ingress-controller'; readonly controller: IngressController };

/**
 * Where the Ingress controller runs. Unknown: "some pod we cannot see", which a rule admits only
 * when it admits an arbitrary pod (no labels) in an arbitrary namespace.
 */
export type IngressController =
  { readonly known: false } | { readonly known: true; readonly namespace: string; readonly labels: Labels };

export const UNKNOWN_INGRESS_CONTROLLER: IngressController = { known: false };

/** Reads `--ingress-controller NS[/key=value,...]` (also the setting's format). */
export function parseIngressController(text: string | undefined): IngressController {
  if (!text) return UNKNOWN_INGRESS_CONTROLLER;
  const slash = text.indexOf('/');
  const namespace = (slash === -1 ? text : text.slice(0, slash)).trim();
  const labels: Record<string, string> = {};
  if (slash !== -1) {
    for (const pair of text.slice(slash + 1).split(',')) {
      const [key, value = ''] = pair.split('=');
      if (key?.trim()) labels[key.trim()] = value.trim();
    }
  }
  return { known: true, namespace, labels };
}

export function describeEndpoint(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'workload':
      return endpoint.workload.object.id;
    case 'external':
      return 'external';
    case 'ingress-controller':
      return endpoint.controller.known
        ? `the Ingress controller (namespace ${endpoint.controller.namespace})`
        : 'the Ingress controller (unknown: an arbitrary pod in an arbitrary namespace)';
  }
}
