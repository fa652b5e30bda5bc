// Entry point of both bundles: `main` (desktop, Node) and `browser` (web worker). Wiring only.
import type * as vscode from 'vscode';
import type { KubeTopologyApi } from './vscode/api';
import { activateExtension } from './vscode/activateExtension';

export function activate(context: vscode.ExtensionContext): KubeTopologyApi {
  return activateExtension(context);
}

export function deactivate(): void {
  // Everything is registered in context.subscriptions and disposed by VS Code.
}
