import type { Analysis } from '../analysis';
import { objectAt } from '../model/objectAt';
import { describeService } from './describeService';
import type { HoverContent } from './hoverContent';

/** The hover for a position in a manifest, if the object there has one. */
export function hoverAt(analysis: Analysis, file: string, offset: number): HoverContent | undefined {
  const object = objectAt(analysis.model, file, offset);
  if (!object) return undefined;
  switch (object.kind) {
    case 'Service':
      return describeService(analysis, object);
    default:
      return undefined;
  }
}
