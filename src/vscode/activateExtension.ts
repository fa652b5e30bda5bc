import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { FixCodeActionProvider } from './codeActions';
import type { KubeTopologyApi } from './api';
import { DiagnosticsPublisher } from './diagnostics';
import { ManifestHoverProvider } from './hovers';
import { ManifestDefinitionProvider, ServiceReferenceProvider } from './navigation';
import { revealObject } from './reveal';
import { affectsFileSelection, affectsOnlyPresentation, readSettings, type Settings } from './settings';
import { TopologyStatusBar } from './statusBar';
import {
  TOPOLOGY_VIEW_TYPE,
  TopologyPanel,
  type PanelEvents,
  type PanelRender,
  type PanelSelection,
} from './topologyPanel';
import { WorkspaceIndex } from './workspaceIndex';

export const SHOW_TOPOLOGY_COMMAND = 'kubeTopology.showTopology';
/** Reveals an object's YAML by contract id: what a click on a node does (also usable from keybindings). */
export const REVEAL_OBJECT_COMMAND = 'kubeTopology.revealObject';

/** Manifests are YAML (and sometimes JSON), on disk, on the web, or unsaved. */
const MANIFEST_SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];

/** Wires index → analysis → diagnostics, hovers, panel and status bar. Shared by the desktop and web entries. */
export function activateExtension(context: vscode.ExtensionContext): KubeTopologyApi {
  const output = vscode.window.createOutputChannel('Kube Topology');
  const log = (message: string) => output.appendLine(`[${new Date().toISOString()}] ${message}`);
  const logIgnoredRules = (read: Settings) => {
    if (read.ignoredRules.length > 0)
      log(
        `kubeTopology.rules: ignored entries with an unknown code or level: ${read.ignoredRules.join(', ')}`,
      );
  };
  let settings = readSettings();
  logIgnoredRules(settings);
  const index = new WorkspaceIndex(settings, log);
  const analysis = new AnalysisService(index, settings, log);
  const diagnostics = new DiagnosticsPublisher(settings.rules);
  const statusBar = new TopologyStatusBar(SHOW_TOPOLOGY_COMMAND);
  const renderEmitter = new vscode.EventEmitter<PanelRender>();
  let lastRender: PanelRender | undefined;
  let lastSelection: PanelSelection | undefined;
  const panelEvents: PanelEvents = {
    rendered: (render) => {
      lastRender = render;
      renderEmitter.fire(render);
    },
    selected: (selection) => {
      lastSelection = selection;
    },
    log,
  };

  context.subscriptions.push(
    output,
    index,
    analysis,
    diagnostics,
    statusBar,
    renderEmitter,
    analysis.onDidAnalyze((snapshot) => {
      diagnostics.publish(snapshot);
      statusBar.update(snapshot);
    }),
    vscode.languages.registerHoverProvider(MANIFEST_SELECTOR, new ManifestHoverProvider(index, analysis)),
    vscode.languages.registerDefinitionProvider(
      MANIFEST_SELECTOR,
      new ManifestDefinitionProvider(index, analysis),
    ),
    vscode.languages.registerReferenceProvider(
      MANIFEST_SELECTOR,
      new ServiceReferenceProvider(index, analysis),
    ),
    vscode.languages.registerCodeActionsProvider(
      { language: 'yaml' },
      new FixCodeActionProvider(index, analysis, log),
      FixCodeActionProvider.metadata,
    ),
    vscode.commands.registerCommand(SHOW_TOPOLOGY_COMMAND, () => {
      TopologyPanel.createOrShow(context.extensionUri, analysis, panelEvents);
    }),
    vscode.commands.registerCommand(REVEAL_OBJECT_COMMAND, (id: unknown) =>
      typeof id === 'string' ? revealObject(analysis.flush(), id) : false,
    ),
    vscode.window.registerWebviewPanelSerializer(TOPOLOGY_VIEW_TYPE, {
      deserializeWebviewPanel: (panel) => {
        TopologyPanel.revive(panel, context.extensionUri, analysis, panelEvents);
        return Promise.resolve();
      },
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('kubeTopology') && !event.affectsConfiguration('files.exclude')) return;
      settings = readSettings();
      if (event.affectsConfiguration('kubeTopology.rules')) {
        logIgnoredRules(settings);
        diagnostics.updateOverrides(settings.rules);
      }
      // Severity overrides change only what is shown: no new analysis for them.
      if (affectsOnlyPresentation(event)) return;
      analysis.updateSettings(settings);
      if (affectsFileSelection(event)) void index.rescan(settings);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void index.rescan(settings)),
    { dispose: () => TopologyPanel.disposeCurrent() },
  );

  const scanned = index.rescan(settings).then(() => {
    analysis.flush();
  });
  scanned.catch((error: unknown) =>
    log(`Workspace scan failed: ${error instanceof Error ? error.message : String(error)}`),
  );

  return {
    whenIndexed: async () => {
      await index.whenScanned();
      analysis.flush();
    },
    indexSummary: () => {
      const snapshot = analysis.flush();
      return {
        files: snapshot.files.size,
        objects: snapshot.analysis.model.objectList.length,
        findings: snapshot.analysis.findingCount,
        skipped: [...snapshot.files.values()].filter((file) => file.parse.skipped).length,
      };
    },
    lastPanelRender: () => lastRender,
    onDidRenderPanel: renderEmitter.event,
    lastPanelSelection: () => lastSelection,
  };
}
