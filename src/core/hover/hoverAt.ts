import type { Analysis } from '../analysis';
import { objectAt } from '../model/objectAt';
import { kindOf, referenceAt } from '../navigation/referenceAt';
import { describeBackend } from './describeBackend';
import { describeCall, describeUnresolvedCall } from './describeCall';
import { describeNetworkPolicy } from './describeNetworkPolicy';
import { describeService } from './describeService';
import { describeWorkload } from './describeWorkload';
import type { HoverContent } from './hoverContent';

/**
 * The hover for a position in a manifest. Inside an object, the most specific node under the
 * cursor decides: a value that refers to a Service (a call, a backend) is described as that
 * reference; elsewhere the object itself (Service, workload, NetworkPolicy) is described.
 */
export function hoverAt(analysis: Analysis, file: string, offset: number): HoverContent | undefined {
  const object = objectAt(analysis.model, file, offset);
  if (!object) return undefined;
  const reference = referenceAt(analysis, object, offset);
  if (reference) {
    switch (reference.kind) {
      case 'call':
        return describeCall(analysis, reference.range, reference.edges);
      case 'unresolved-call':
        return describeUnresolvedCall(analysis, reference.range, reference.call);
      case 'backend':
        return describeBackend(analysis, object, reference.range, reference.edges, reference.ref);
    }
  }
  const kind = kindOf(object);
  if (kind === 'Service') return describeService(analysis, object);
  if (kind === 'NetworkPolicy') return describeNetworkPolicy(analysis, object);
  const workload = analysis.model.workloadsById.get(object.id);
  if (workload && workload.object === object) return describeWorkload(analysis, workload);
  return undefined;
}
