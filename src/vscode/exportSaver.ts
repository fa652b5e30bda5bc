import * as vscode from 'vscode';
import type { ExportFormat } from '../shared/protocol';
import { exportBytes } from './exportBytes';

/** Asks where to save the picture (a save dialog, defaulting to the first workspace folder) and writes it. */
export async function saveExport(
  format: ExportFormat,
  data: string,
  log: (message: string) => void,
): Promise<'saved' | 'cancelled' | 'failed'> {
  const bytes = exportBytes(format, data);
  if (!bytes) {
    log(`Ignored an export from the topology webview that is not a valid ${format.toUpperCase()}.`);
    return 'failed';
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `topology.${format}`) } : {}),
    filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] },
    saveLabel: 'Export',
    title: `Export the topology as ${format.toUpperCase()}`,
  });
  if (!uri) return 'cancelled';
  try {
    await vscode.workspace.fs.writeFile(uri, bytes);
    return 'saved';
  } catch (error) {
    log(`Could not save ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    return 'failed';
  }
}
