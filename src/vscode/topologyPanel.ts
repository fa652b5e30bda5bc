import * as vscode from 'vscode';
import {
  assertNever,
  isWebviewToHost,
  PROTOCOL_VERSION,
  type HostToWebview,
  type WebviewToHost,
} from '../shared/protocol';
import type { AnalysisService, AnalysisSnapshot } from './analysisService';
import { toGraphDto } from './graphDtoMapper';
import { revealObject } from './reveal';
import { buildWebviewHtml, createNonce } from './webviewHtml';

export const TOPOLOGY_VIEW_TYPE = 'kubeTopology.topology';

/** What the webview reported after drawing a snapshot. */
export interface PanelRender {
  readonly revision: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

/**
 * The topology panel beside the editor: one at a time, created on command or revived by the
 * serializer after a reload. Posts nothing until the webview says `webview/ready`, then a full
 * snapshot per analysis; handles clicks by id only.
 */
export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private ready = false;
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
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      analysis.onDidAnalyze((snapshot) => this.post(snapshot)),
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

  private post(snapshot: AnalysisSnapshot): void {
    if (!this.ready) return;
    const message: HostToWebview = {
      type: 'graph/didChange',
      revision: snapshot.revision,
      graph: toGraphDto(snapshot.analysis, snapshot.files.size),
    };
    void this.panel.webview.postMessage(message);
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
        this.post(this.analysis.flush());
        return;
      case 'node/reveal':
        await revealObject(this.analysis.current, message.id);
        return;
      case 'graph/rendered':
        this.events.rendered({
          revision: message.revision,
          nodeCount: message.nodeCount,
          edgeCount: message.edgeCount,
        });
        return;
      case 'webview/error':
        this.events.log(`Topology webview: ${message.message}`);
        return;
      default:
        assertNever(message);
    }
  }
}

/** What the panel reports to the rest of the extension. */
export interface PanelEvents {
  readonly rendered: (render: PanelRender) => void;
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
