import type { Graph } from '../graph/graph';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Finding } from './finding';

/** What every rule sees: the placed objects and the graph built from them. */
export interface RuleContext {
  readonly model: WorkspaceModel;
  readonly graph: Graph;
}

/** One diagnostic code per rule file; a rule is a pure function of the analysed workspace. */
export type Rule = (context: RuleContext) => Finding[];
