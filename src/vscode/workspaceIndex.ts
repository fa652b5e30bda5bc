import * as vscode from 'vscode';
import { LineIndex } from '../core/model/lineIndex';
import { parseManifestFileFast } from '../core/parse/parseManifestFileFast';
import type { FileParse } from '../core/parse/parsedFile';
import { matchesAnyGlob } from '../core/util/glob';
import { MAX_FILE_BYTES, parseInSlices, readManifestFromDisk, tooLargeParse } from './manifestReader';
import type { Settings } from './settings';

/** One file as the index last read it: from disk, or from an open editor (then with its version). */
export interface IndexedFile {
  readonly uri: vscode.Uri;
  /** `uri.toString()`: the file key the core's SourceRanges carry. */
  readonly key: string;
  /** The editor document version the text came from; undefined when read from disk. */
  readonly version: number | undefined;
  readonly text: string;
  readonly parse: FileParse;
  /** Offset → position over exactly `text`. */
  readonly lines: LineIndex;
}

/** Typing is re-parsed after this quiet time, so one keystroke burst costs one parse. */
const EDIT_DEBOUNCE_MS = 150;
/** Files read at the same time during a scan. */
const SCAN_CONCURRENCY = 8;
/**
 * Schemes of editor documents that are views of something else (git diffs, output panes, the
 * refactor preview's copies of files with a workspace edit applied).
 */
const IGNORED_SCHEMES = new Set([
  'git',
  'output',
  'vscode-scm',
  'debug',
  'vscode-settings',
  'comment',
  'vscode-bulkeditpreview-editor',
]);

/**
 * Every manifest of the workspace, parsed and kept up to date: found with `findFiles`, read with
 * `workspace.fs` (works on the web), followed by a file watcher, and overridden by the unsaved text
 * of open editors. Edits re-parse only the changed file, debounced and cancellable: a newer change
 * to the same file abandons an older parse in progress.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly files = new Map<string, IndexedFile>();
  /** Per file: the latest requested update; a parse whose number is older gives up. */
  private readonly generations = new Map<string, number>();
  private readonly debounceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private nextGeneration = 0;
  private scanning: Promise<void> = Promise.resolve();

  /** Fires after files were added, changed or removed (possibly several at once). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private settings: Settings,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.scheduleDocument(event.document, EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.scheduleDocument(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.documentClosed(document)),
    );
  }

  /** Reads the whole workspace (again); call on activation and when include/exclude change. */
  rescan(settings: Settings = this.settings): Promise<void> {
    this.settings = settings;
    this.watchFiles();
    this.scanning = this.scan();
    return this.scanning;
  }

  /** Resolves when the scan in progress (if any) is complete. */
  whenScanned(): Promise<void> {
    return this.scanning;
  }

  all(): readonly IndexedFile[] {
    return [...this.files.values()];
  }

  get(key: string): IndexedFile | undefined {
    return this.files.get(key);
  }

  /**
   * The entry for an open document at its current version, parsing it right now if the debounced
   * update has not run yet (hovers and reveals must answer for the text on screen).
   */
  ensureCurrent(document: vscode.TextDocument): IndexedFile | undefined {
    if (!this.isCandidate(document)) return undefined;
    const key = document.uri.toString();
    const existing = this.files.get(key);
    if (existing && existing.version === document.version) return existing;
    this.cancelPending(key);
    const generation = this.bump(key);
    const text = document.getText();
    this.store(document.uri, text, document.version, parseManifestFileFast(key, text), generation);
    this.changeEmitter.fire();
    return this.files.get(key);
  }

  dispose(): void {
    for (const timer of this.debounceTimers.values()) clearTimeout(timer);
    for (const disposable of [...this.disposables, ...this.watchers]) disposable.dispose();
  }

  private async scan(): Promise<void> {
    const found = new Map<string, vscode.Uri>();
    for (const pattern of this.settings.include) {
      // `undefined` exclude keeps VS Code's own files.exclude; ours is applied by inWorkspaceSelection.
      for (const uri of await vscode.workspace.findFiles(pattern)) {
        if (this.inWorkspaceSelection(uri)) found.set(uri.toString(), uri);
      }
    }
    for (const key of [...this.files.keys()]) {
      const file = this.files.get(key);
      if (file && !found.has(key) && !this.openDocument(file.uri)) this.remove(key);
    }
    let lastNotice = Date.now();
    const queue = [...found.values()];
    const worker = async () => {
      for (let uri = queue.shift(); uri; uri = queue.shift()) {
        const document = this.openDocument(uri);
        if (document) await this.updateFromDocument(document);
        else await this.updateFromDisk(uri);
        if (Date.now() - lastNotice > 250) {
          this.changeEmitter.fire();
          lastNotice = Date.now();
        }
      }
    };
    // A few reads in flight hide file-system latency (remote and web file systems especially).
    await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, worker));
    // Open editors outside the workspace folders (or untitled) are analysed while they are open.
    for (const document of vscode.workspace.textDocuments) {
      if (!found.has(document.uri.toString())) this.scheduleDocument(document, 0);
    }
    this.changeEmitter.fire();
  }

  private watchFiles(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = this.settings.include.flatMap((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const onDiskChange = (uri: vscode.Uri) => {
        // An open editor is the source of truth for its file; disk changes show up through it.
        if (!this.openDocument(uri) && this.inWorkspaceSelection(uri)) void this.updateFromDisk(uri, true);
      };
      return [
        watcher,
        watcher.onDidCreate(onDiskChange),
        watcher.onDidChange(onDiskChange),
        watcher.onDidDelete((uri) => {
          if (this.remove(uri.toString())) this.changeEmitter.fire();
        }),
      ];
    });
  }

  private scheduleDocument(document: vscode.TextDocument, delay: number): void {
    if (!this.isCandidate(document)) return;
    const key = document.uri.toString();
    const existing = this.files.get(key);
    if (existing?.version === document.version) return;
    this.cancelPending(key);
    if (existing && existing.version === undefined && existing.text === document.getText()) {
      // Opening a file whose disk text is already parsed: adopt the editor as the source, no re-parse.
      this.files.set(key, { ...existing, version: document.version });
      return;
    }
    const timer = setTimeout(() => {
      this.debounceTimers.delete(key);
      void this.updateFromDocument(document, true);
    }, delay);
    this.debounceTimers.set(key, timer);
  }

  private async documentClosed(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.cancelPending(key);
    if (!this.files.get(key)?.version) return;
    // Unsaved edits are gone: the file on disk is what the workspace holds now.
    if (this.inWorkspaceSelection(document.uri)) await this.updateFromDisk(document.uri, true);
    else if (this.remove(key)) this.changeEmitter.fire();
  }

  private async updateFromDocument(document: vscode.TextDocument, notify = false): Promise<void> {
    const key = document.uri.toString();
    const generation = this.bump(key);
    const text = document.getText();
    const parse = await parseInSlices(key, text, () => this.generations.get(key) === generation);
    if (parse && this.store(document.uri, text, document.version, parse, generation) && notify) {
      this.changeEmitter.fire();
    }
  }

  private async updateFromDisk(uri: vscode.Uri, notify = false): Promise<void> {
    const key = uri.toString();
    const generation = this.bump(key);
    const read = await readManifestFromDisk(uri);
    if (read.kind === 'too-large') {
      this.log(`Skipped ${key}: ${read.size} bytes is more than the ${MAX_FILE_BYTES}-byte limit.`);
      if (this.store(uri, '', undefined, tooLargeParse(key), generation) && notify) this.changeEmitter.fire();
      return;
    }
    if (read.kind === 'unreadable') {
      this.log(`Could not read ${key}: ${read.reason}`);
      if (this.remove(key) && notify) this.changeEmitter.fire();
      return;
    }
    const parse = await parseInSlices(key, read.text, () => this.generations.get(key) === generation);
    if (parse && this.store(uri, read.text, undefined, parse, generation) && notify)
      this.changeEmitter.fire();
  }

  /** Keeps a parse unless a newer update of the same file was requested meanwhile. */
  private store(
    uri: vscode.Uri,
    text: string,
    version: number | undefined,
    parse: FileParse,
    generation: number,
  ): boolean {
    const key = uri.toString();
    if (this.generations.get(key) !== generation) return false;
    this.files.set(key, { uri, key, version, text, parse, lines: new LineIndex(text) });
    return true;
  }

  private remove(key: string): boolean {
    this.bump(key);
    return this.files.delete(key);
  }

  private bump(key: string): number {
    const generation = ++this.nextGeneration;
    this.generations.set(key, generation);
    return generation;
  }

  private cancelPending(key: string): void {
    const timer = this.debounceTimers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.debounceTimers.delete(key);
  }

  /** A document the index reads: a workspace file the settings select, or any open YAML editor. */
  private isCandidate(document: vscode.TextDocument): boolean {
    if (IGNORED_SCHEMES.has(document.uri.scheme)) return false;
    if (vscode.workspace.getWorkspaceFolder(document.uri)) return this.inWorkspaceSelection(document.uri);
    return document.languageId === 'yaml';
  }

  private inWorkspaceSelection(uri: vscode.Uri): boolean {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return false;
    const relative = vscode.workspace.asRelativePath(uri, false);
    return (
      matchesAnyGlob(relative, this.settings.include) && !matchesAnyGlob(relative, this.settings.exclude)
    );
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
  }
}
