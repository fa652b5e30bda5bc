import type { K8sObject } from '../../model/k8sObject';
import type { GraphContext } from '../graphContext';
import type { AddressForm } from './addressCandidates';

export type HostResolution =
  /** A Service of the workspace. */
  | { readonly kind: 'service'; readonly service: K8sObject }
  /** Looks like a cluster address, but no Service matches: a `call-unresolved` finding. */
  | {
      readonly kind: 'unresolved';
      readonly reason: string;
      /** For a short name (which resolves in the caller's namespace only): the name looked up. */
      readonly shortName?: string;
    }
  /** Not a cluster address (an IP, localhost, an outside domain, a plain word). */
  | { readonly kind: 'ignored' };

const IGNORED: HostResolution = { kind: 'ignored' };
const LOOPBACK = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost']);

/**
 * Resolves a host name the way cluster DNS does for a pod in `callerNamespace`:
 * `name` → Service in the caller's namespace only; `name.ns`, `name.ns.svc`,
 * `name.ns.svc.<cluster domain>` → Service `name` in `ns`; `pod.name` / `pod.name.ns.svc...` → the
 * headless Service `name` (StatefulSet pod addresses). IPs, loopback and outside domains are not
 * cluster addresses. A bare word only counts when its position says it is a host (`form`).
 */
export function resolveHost(
  context: GraphContext,
  host: string,
  form: AddressForm,
  callerNamespace: string,
): HostResolution {
  if (host === '' || LOOPBACK.has(host) || /^[\d.]+$/.test(host) || host.includes(':')) return IGNORED;
  const labels = host.split('.');
  if (isApiServer(labels, callerNamespace)) return IGNORED;
  const svcAt = labels.indexOf('svc');
  if (svcAt >= 2) {
    const name = labels[svcAt - 2] ?? '';
    const namespace = labels[svcAt - 1] ?? '';
    return lookup(context, name, namespace, `no Service '${name}' in namespace '${namespace}'`);
  }
  if (svcAt !== -1) return IGNORED;
  if (labels.length === 1) {
    const name = labels[0] ?? '';
    const service = context.service(callerNamespace, name);
    if (service) return { kind: 'service', service };
    // Only an explicit port or scheme makes a single word look like an address (`cart:7070`, `http://cart`).
    return form === 'url' || form === 'host-port'
      ? {
          kind: 'unresolved',
          reason: `no Service '${name}' in namespace '${callerNamespace}'`,
          shortName: name,
        }
      : IGNORED;
  }
  if (labels.length === 2) {
    const [first = '', second = ''] = labels;
    const inNamespace = context.service(second, first);
    if (inNamespace) return { kind: 'service', service: inNamespace };
    // `pod.service`: a pod of a headless Service in the caller's namespace.
    const headless = context.service(callerNamespace, second);
    if (headless && context.spec(headless).headless) return { kind: 'service', service: headless };
    return context.hasNamespace(second)
      ? { kind: 'unresolved', reason: `no Service '${first}' in namespace '${second}'` }
      : IGNORED;
  }
  return IGNORED;
}

/**
 * `kubernetes.default.svc` is the API server, which every cluster has and no manifest defines:
 * talking to it is neither a call between workloads nor an unresolved address.
 */
function isApiServer(labels: readonly string[], callerNamespace: string): boolean {
  if (labels[0] !== 'kubernetes') return false;
  if (labels.length === 1) return callerNamespace === 'default';
  return labels[1] === 'default' && (labels.length === 2 || labels[2] === 'svc');
}

function lookup(context: GraphContext, name: string, namespace: string, reason: string): HostResolution {
  const service = context.service(namespace, name);
  return service ? { kind: 'service', service } : { kind: 'unresolved', reason };
}
