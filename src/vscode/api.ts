import type * as vscode from 'vscode';
import type { PanelRender, PanelSelection } from './topologyPanel';

/**
 * What `activate` returns: a small, read-only view for other extensions and for our integration
 * tests, which drive the extension like a user and then check what it shows.
 */
export interface KubeTopologyApi {
  /** Resolves when the workspace scan in progress is complete and its analysis published. */
  whenIndexed(): Promise<void>;
  /** Counts of the current analysis. */
  indexSummary(): { files: number; objects: number; findings: number; skipped: number };
  /** The last snapshot the topology panel reported as drawn, if a panel is open. */
  lastPanelRender(): PanelRender | undefined;
  readonly onDidRenderPanel: vscode.Event<PanelRender>;
  /** What the topology panel last reported selected (a click, or the editor's cursor), if a panel is open. */
  lastPanelSelection(): PanelSelection | undefined;
}
