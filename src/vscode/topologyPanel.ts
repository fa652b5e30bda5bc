import * as vscode from 'vscode';
import {
  assertNever,
  isWebviewToHost,
  PROTOCOL_VERSION,
  type HostToWebview,
  type ViewConfig,
  type WebviewToHost,
} from '../shared/protocol';
import type { AnalysisService, AnalysisSnapshot } from './analysisService';
import { CursorSync } from './cursorSync';
import { saveExport } from './exportSaver';
import { toTopology, type Topology } from './graphDtoMapper';
import { revealTarget } from './panelReveal';
import { revealObject } from './reveal';
import { readRuleOverrides } from './ruleOverrides';
import { buildWebviewHtml, createNonce } from './webviewHtml';

export const TOPOLOGY_VIEW_TYPE = 'kubeTopology.topology';

/** `kubeTopology.topology.largeGraphThreshold` when unset or invalid (package.json says the same). */
export const DEFAULT_LARGE_GRAPH_THRESHOLD = 300;

/** What the webview reported after drawing a new analysis (once per analysis, see `graph/rendered`). */
export interface PanelRender {
  /** The analysis revision drawn. */
  readonly revision: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

/** What the webview reported selected, and why (a click, or the editor's cursor). */
export interface PanelSelection {
  readonly id: string | null;
  readonly origin: 'user' | 'editor';
}

/**
 * The topology panel beside the editor: one at a time, created on command or revived by the
 * serializer after a reload. Posts nothing until the webview says `webview/ready`, then a full
 * snapshot per analysis (and when settings that change the picture change); follows the editor's
 * cursor; handles clicks and exports by id only.
 */
export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private ready = false;
  /** The panel's own revision: rule overrides re-post the same analysis, which must not look stale. */
  private revision = 0;
  /** The analysis revision behind each panel revision posted, and the last one reported drawn. */
  private readonly analysisRevisions = new Map<number, number>();
  private lastReportedAnalysis: number | undefined;
  /** The snapshot last posted and what its ids reveal: clicks resolve against what the user sees. */
  private posted: { snapshot: AnalysisSnapshot; topology: Topology } | undefined;
  private readonly cursor: CursorSync;
  private readonly disposables: vscode.Disposable[] = [];

  static createOrShow(
    extensionUri: vscode.Uri,
    analysis: AnalysisService,
    events: PanelEvents,
  ): TopologyPanel {
    if (TopologyPanel.current) {
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return TopologyPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      TOPOLOGY_VIEW_TYPE,
      'Kube Topology',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new TopologyPanel(panel, extensionUri, analysis, events);
  }

  /** Closes the panel, if one is open (on deactivation). */
  static disposeCurrent(): void {
    TopologyPanel.current?.dispose();
  }

  /** Called by the serializer: adopts a panel VS Code restored after a reload. */
  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    analysis: AnalysisService,
    events: PanelEvents,
  ): TopologyPanel {
    TopologyPanel.current?.dispose();
    panel.webview.options = webviewOptions(extensionUri);
    return new TopologyPanel(panel, extensionUri, analysis, events);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly analysis: AnalysisService,
    private readonly events: PanelEvents,
  ) {
    TopologyPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'topology.svg');
    this.cursor = new CursorSync(analysis, (id) => this.send({ type: 'editor/didSelect', id }));
    this.disposables.push(
      this.cursor,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      analysis.onDidAnalyze((snapshot) => this.post(snapshot)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Rule severities and the threshold change the picture without a new analysis.
        if (
          event.affectsConfiguration('kubeTopology.rules') ||
          event.affectsConfiguration('kubeTopology.topology')
        )
          this.post(this.analysis.current);
      }),
    );
    panel.webview.html = this.html();
  }

  dispose(): void {
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const asUri = (...path: string[]) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    return buildWebviewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asUri('dist', 'webview', 'main.js'),
      styleUris: [asUri('media', 'topology.css')],
      title: 'Kube Topology',
    });
  }

  private send(message: HostToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private post(snapshot: AnalysisSnapshot): void {
    if (!this.ready) return;
    const config = vscode.workspace.getConfiguration('kubeTopology');
    const topology = toTopology(snapshot.analysis, {
      files: snapshot.files.size,
      skippedFiles: [...snapshot.files.values()].filter((file) => file.parse.skipped).length,
      overrides: readRuleOverrides(config.get('rules')).overrides,
      locate: (range) => {
        const file = snapshot.files.get(range.file);
        if (!file) return range.file;
        const line = file.lines.positionAt(range.start).line + 1;
        return `${vscode.workspace.asRelativePath(file.uri, false)}:${line}`;
      },
    });
    this.posted = { snapshot, topology };
    this.revision++;
    this.analysisRevisions.set(this.revision, snapshot.revision);
    this.send({
      type: 'graph/didChange',
      revision: this.revision,
      graph: topology.graph,
      config: viewConfig(config),
    });
  }

  private async receive(raw: unknown): Promise<void> {
    if (!isWebviewToHost(raw)) {
      this.events.log(`Ignored a malformed message from the topology webview.`);
      return;
    }
    const message: WebviewToHost = raw;
    switch (message.type) {
      case 'webview/ready':
        if (message.protocolVersion !== PROTOCOL_VERSION) {
          this.events.log(
            `Topology webview speaks protocol ${message.protocolVersion}, the host ${PROTOCOL_VERSION}.`,
          );
        }
        this.ready = true;
        this.cursor.reset();
        this.lastReportedAnalysis = undefined;
        this.post(this.analysis.flush());
        return;
      case 'node/reveal': {
        const unresolved = this.posted?.topology.reveal.get(message.id);
        if (unresolved && this.posted) await revealTarget(this.posted.snapshot, unresolved, 0);
        else await revealObject(this.analysis.current, message.id);
        return;
      }
      case 'edge/reveal': {
        const target = this.posted?.topology.reveal.get(message.id);
        if (target && this.posted) await revealTarget(this.posted.snapshot, target, message.evidence ?? 0);
        return;
      }
      case 'object/reveal':
        await revealObject(this.analysis.current, message.id);
        return;
      case 'node/selected':
        this.events.selected?.({ id: message.id, origin: message.origin });
        return;
      case 'graph/rendered': {
        // Reported once per analysis drawn: a re-post of the same analysis (rule severities, the
        // threshold) changes how it is shown, not what was analysed.
        const analysisRevision = this.analysisRevisions.get(message.revision);
        for (const revision of this.analysisRevisions.keys())
          if (revision <= message.revision) this.analysisRevisions.delete(revision);
        if (analysisRevision === undefined || analysisRevision === this.lastReportedAnalysis) return;
        this.lastReportedAnalysis = analysisRevision;
        this.events.rendered({
          revision: analysisRevision,
          nodeCount: message.nodeCount,
          edgeCount: message.edgeCount,
        });
        return;
      }
      case 'export/save': {
        const outcome = await saveExport(message.format, message.data, this.events.log);
        this.send({ type: 'export/didFinish', format: message.format, outcome });
        if (outcome === 'saved')
          void vscode.window.showInformationMessage(`Topology exported as ${message.format.toUpperCase()}.`);
        return;
      }
      case 'webview/error':
        this.events.log(`Topology webview: ${message.message}`);
        return;
      default:
        assertNever(message);
    }
  }
}

function viewConfig(config: vscode.WorkspaceConfiguration): ViewConfig {
  const threshold = config.get<unknown>('topology.largeGraphThreshold');
  return {
    largeGraphThreshold:
      typeof threshold === 'number' && Number.isFinite(threshold) && threshold >= 0
        ? threshold
        : DEFAULT_LARGE_GRAPH_THRESHOLD,
  };
}

/** What the panel reports to the rest of the extension. */
export interface PanelEvents {
  readonly rendered: (render: PanelRender) => void;
  /** The webview's selection changed (the integration tests follow the cursor sync through it). */
  readonly selected?: (selection: PanelSelection) => void;
  readonly log: (message: string) => void;
}

/** Scripts on, and resources only from our own bundles and media: nothing from the workspace. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}
