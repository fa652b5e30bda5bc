// The extension as the tests see it: its id and the API object `activate` returns (the contract the
// extension implements; declared here so that the tests do not import extension code).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-topology.kube-topology';

export interface PanelRender {
  readonly revision: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

export interface IndexSummary {
  readonly files: number;
  readonly objects: number;
  readonly findings: number;
  readonly skipped: number;
}

export interface KubeTopologyApi {
  /** Resolves when the workspace index is complete (including changes still being applied). */
  whenIndexed(): Promise<void>;
  indexSummary(): IndexSummary;
  /** What the topology panel's webview last reported as drawn, if a panel ever rendered. */
  lastPanelRender(): PanelRender | undefined;
  onDidRenderPanel: vscode.Event<PanelRender>;
}

/** Activates the extension the way VS Code does and returns its API. */
export async function activateExtension(): Promise<KubeTopologyApi> {
  const extension = vscode.extensions.getExtension<KubeTopologyApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not installed in this VS Code.`);
  const api = await extension.activate();
  if (!api || typeof api.whenIndexed !== 'function') {
    throw new Error(`Extension ${EXTENSION_ID} activated but returned no API object.`);
  }
  return api;
}
