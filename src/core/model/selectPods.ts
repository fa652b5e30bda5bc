import type { LabelIndex } from '../select/labelIndex';
import type { LabelSelector } from '../select/labelSelector';
import { field } from './k8sObject';
import type { Workload } from './workspaceModel';

const POD_NAME = 'statefulset.kubernetes.io/pod-name';
const POD_INDEX = 'apps.kubernetes.io/pod-index';

/**
 * The workloads with at least one pod a selector matches. Beyond the template labels, the
 * StatefulSet controller gives each pod `statefulset.kubernetes.io/pod-name: <name>-<ordinal>` and
 * `apps.kubernetes.io/pod-index: <ordinal>`, which per-pod Services select (one Service per replica).
 */
export function selectPods(
  index: LabelIndex<Workload>,
  namespace: string,
  selector: LabelSelector,
): Workload[] {
  const podName = selector.matchLabels[POD_NAME];
  const podIndex = selector.matchLabels[POD_INDEX];
  if (podName === undefined && podIndex === undefined) return index.select(namespace, selector);
  const matchLabels = Object.fromEntries(
    Object.entries(selector.matchLabels).filter(([key]) => key !== POD_NAME && key !== POD_INDEX),
  );
  return index
    .select(namespace, { matchLabels, matchExpressions: selector.matchExpressions })
    .filter((workload) => hasPod(workload, podName, podIndex));
}

function hasPod(workload: Workload, podName: string | undefined, podIndex: string | undefined): boolean {
  if (workload.object.kind !== 'StatefulSet') return false;
  const replicas = field(workload.object.body, 'spec', 'replicas');
  const count = typeof replicas === 'number' ? replicas : 1;
  const ordinals = new Set<number>();
  if (podName !== undefined) {
    const prefix = `${workload.object.name}-`;
    if (!podName.startsWith(prefix) || !/^\d+$/.test(podName.slice(prefix.length))) return false;
    ordinals.add(Number(podName.slice(prefix.length)));
  }
  if (podIndex !== undefined) {
    if (!/^\d+$/.test(podIndex)) return false;
    ordinals.add(Number(podIndex));
  }
  const [ordinal, other] = [...ordinals];
  return other === undefined && ordinal !== undefined && ordinal < count;
}
