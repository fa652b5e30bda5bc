import { choiceFlag, type ParsedArgs } from '../args';
import { graphToJson } from '../formats/graphJson';
import { graphToDot, graphToMermaid } from '../formats/graphText';
import { workspaceFor, workspaceWarnings } from './workspaceFor';

/** `graph PATH... [--format json|dot|mermaid]`. */
export function graphCommand(args: ParsedArgs): { output: string; code: number; warnings: string[] } {
  const format = choiceFlag(args, 'format', ['json', 'dot', 'mermaid'], 'json');
  const workspace = workspaceFor(args);
  const warnings = workspaceWarnings(workspace);
  switch (format) {
    case 'json':
      return { output: graphToJson(workspace), code: 0, warnings };
    case 'dot':
      return { output: graphToDot(workspace.analysis.graph), code: 0, warnings };
    case 'mermaid':
      return { output: graphToMermaid(workspace.analysis.graph), code: 0, warnings };
  }
}
