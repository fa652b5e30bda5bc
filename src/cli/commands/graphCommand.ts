import { choiceFlag, type ParsedArgs } from '../args';
import { graphToJson } from '../formats/graphJson';
import { graphToDot, graphToMermaid } from '../formats/graphText';
import { workspaceFor } from './workspaceFor';

/** `graph PATH... [--format json|dot|mermaid]`. */
export function graphCommand(args: ParsedArgs): { output: string; code: number } {
  const format = choiceFlag(args, 'format', ['json', 'dot', 'mermaid'], 'json');
  const workspace = workspaceFor(args);
  switch (format) {
    case 'json':
      return { output: graphToJson(workspace), code: 0 };
    case 'dot':
      return { output: graphToDot(workspace.analysis.graph), code: 0 };
    case 'mermaid':
      return { output: graphToMermaid(workspace.analysis.graph), code: 0 };
  }
}
