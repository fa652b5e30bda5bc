import * as vscode from 'vscode';
import type { AnalysisSnapshot } from './analysisService';
import { shadowedCount } from '../core/model/shadowedObjects';

/** "Kube objects and findings" at a glance; a click opens the topology. */
export class TopologyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);

  constructor(command: string) {
    this.item.command = command;
    this.item.name = 'Kube Topology';
  }

  update(snapshot: AnalysisSnapshot): void {
    const objects = snapshot.analysis.model.objectList.length;
    const findings = snapshot.analysis.findingCount;
    if (objects === 0 && findings === 0) {
      this.item.hide();
      return;
    }
    const skipped = [...snapshot.files.values()].filter((file) => file.parse.skipped).length;
    this.item.text = `$(type-hierarchy) ${objects} objects, ${findings} ${findings === 1 ? 'finding' : 'findings'}`;
    const shadowed = shadowedCount(snapshot.analysis.model);
    this.item.tooltip =
      `Kube Topology: ${objects} Kubernetes objects in ${snapshot.files.size - skipped} manifest files ` +
      `(${skipped} other YAML/JSON files skipped), ${findings} findings. ` +
      (shadowed > 0
        ? `${shadowed} of them are not analysed because an earlier object (in file order) has the same kind, namespace and name. `
        : '') +
      `Objects without a namespace are placed in '${snapshot.analysis.model.options.defaultNamespace}'. Click to show the topology.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
