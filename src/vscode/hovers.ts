import * as vscode from 'vscode';
import { hoverAt } from '../core/hover/hoverAt';
import type { HoverContent } from '../core/hover/hoverContent';
import type { AnalysisService } from './analysisService';
import { toVscodeRange } from './convert';
import type { WorkspaceIndex } from './workspaceIndex';

/** Hovers on manifests: the core decides what to say; this renders it as escaped, untrusted markdown. */
export class ManifestHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly analysis: AnalysisService,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = this.index.ensureCurrent(document);
    if (!file) return undefined;
    const snapshot = this.analysis.flush();
    const content = hoverAt(snapshot.analysis, file.key, document.offsetAt(position));
    if (!content) return undefined;
    return new vscode.Hover(renderHover(content), toVscodeRange(content.range, file.lines));
  }
}

/** Manifest values go through appendText (escaped); only our own labels are markdown. */
export function renderHover(content: HoverContent): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.appendMarkdown('**');
  markdown.appendText(content.title);
  markdown.appendMarkdown('** · ');
  markdown.appendText(content.subtitle);
  markdown.appendMarkdown('\n\n');
  for (const section of content.sections) {
    markdown.appendMarkdown(`*${section.label}:* `);
    if (section.values.length === 1) {
      markdown.appendText(section.values[0] ?? '');
      markdown.appendMarkdown('  \n');
      continue;
    }
    markdown.appendMarkdown('\n');
    for (const value of section.values) {
      markdown.appendMarkdown('- ');
      markdown.appendText(value);
      markdown.appendMarkdown('\n');
    }
    markdown.appendMarkdown('\n');
  }
  return markdown;
}
