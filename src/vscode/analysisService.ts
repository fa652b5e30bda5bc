import * as vscode from 'vscode';
import { analyzeWorkspace, type Analysis } from '../core/analysis';
import type { Settings } from './settings';
import type { IndexedFile, WorkspaceIndex } from './workspaceIndex';

/** One analysis result plus the indexed files it was computed from (for ranges and texts). */
export interface AnalysisSnapshot {
  readonly revision: number;
  readonly analysis: Analysis;
  readonly files: ReadonlyMap<string, IndexedFile>;
}

/** Coalesces bursts of index changes (a scan notifies often) into one analysis. */
const ANALYSIS_DEBOUNCE_MS = 30;

/**
 * Runs the core pipeline (model → graph → rules) over the index whenever it changes, and hands
 * the result to diagnostics, hovers, the panel and the status bar.
 */
export class AnalysisService implements vscode.Disposable {
  private snapshot: AnalysisSnapshot;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private readonly emitter = new vscode.EventEmitter<AnalysisSnapshot>();
  private readonly subscription: vscode.Disposable;

  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private readonly index: WorkspaceIndex,
    private settings: Settings,
    private readonly log: (message: string) => void,
  ) {
    this.snapshot = this.compute(0);
    this.subscription = index.onDidChange(() => this.schedule());
  }

  get current(): AnalysisSnapshot {
    return this.snapshot;
  }

  /** The analysis of the index as it is right now (runs at once if a change is pending). */
  flush(): AnalysisSnapshot {
    if (this.dirty) this.run();
    return this.snapshot;
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.schedule();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.run(), ANALYSIS_DEBOUNCE_MS);
  }

  private run(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    this.snapshot = this.compute(this.snapshot.revision + 1);
    for (const failure of this.snapshot.analysis.ruleFailures) this.log(`Rule failed: ${failure}`);
    this.emitter.fire(this.snapshot);
  }

  private compute(revision: number): AnalysisSnapshot {
    const files = new Map(this.index.all().map((file) => [file.key, file]));
    // The previous analysis lets an edit re-resolve only what it can affect.
    const analysis = analyzeWorkspace(
      [...files.values()].map((file) => file.parse),
      {
        defaultNamespace: this.settings.defaultNamespace,
        ...(this.settings.ingressController ? { ingressController: this.settings.ingressController } : {}),
      },
      this.snapshot?.analysis,
    );
    return { revision, analysis, files };
  }
}
