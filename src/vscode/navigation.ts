import * as vscode from 'vscode';
import type { SourceRange } from '../core/model/sourceRange';
import { definitionAt } from '../core/navigation/definition';
import { referencesAt } from '../core/navigation/references';
import type { AnalysisService, AnalysisSnapshot } from './analysisService';
import { toVscodeRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Go to Definition in manifests: from a value that implies a call or a backend to the Service's
 * name, from a selector to the labels of the workloads it selects, from a targetPort to the
 * container ports. The core decides; this converts ranges like the diagnostics do.
 */
export class ManifestDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly analysis: AnalysisService,
  ) {}

  provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.LocationLink[] | undefined {
    const file = this.index.ensureCurrent(document);
    if (!file) return undefined;
    const snapshot = this.analysis.flush();
    const definition = definitionAt(snapshot.analysis, file.key, document.offsetAt(position));
    if (!definition) return undefined;
    const origin = toVscodeRange(definition.origin, file.lines);
    return definition.targets.flatMap((target) => {
      const range = toLocation(snapshot, target.range);
      const selection = toLocation(snapshot, target.selection);
      if (!range || !selection) return [];
      return [
        {
          originSelectionRange: origin,
          targetUri: range.uri,
          targetRange: range.range.union(selection.range),
          targetSelectionRange: selection.range,
        },
      ];
    });
  }
}

/**
 * Find All References on a Service's name (or on a value that refers to one): every call value
 * and backend that names it, so a peek lists all its callers.
 */
export class ServiceReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly analysis: AnalysisService,
  ) {}

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const file = this.index.ensureCurrent(document);
    if (!file) return undefined;
    const snapshot = this.analysis.flush();
    const found = referencesAt(snapshot.analysis, file.key, document.offsetAt(position));
    if (!found) return undefined;
    const ranges = [
      ...(context.includeDeclaration ? found.declarations : []),
      ...found.references.map((reference) => reference.range),
    ];
    return ranges.flatMap((range) => toLocation(snapshot, range) ?? []);
  }
}

/** A core range in a file of the snapshot, converted with the LineIndex of the text it was parsed from. */
function toLocation(snapshot: AnalysisSnapshot, range: SourceRange): vscode.Location | undefined {
  const file = snapshot.files.get(range.file);
  return file ? new vscode.Location(file.uri, toVscodeRange(range, file.lines)) : undefined;
}
