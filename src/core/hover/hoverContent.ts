import type { SourceRange } from '../model/sourceRange';

/** One labelled group of lines in a hover. Values are manifest-derived text: adapters must escape them. */
export interface HoverSection {
  readonly label: string;
  readonly values: readonly string[];
}

/** A hover as plain data; src/vscode/hovers.ts renders it as escaped markdown. */
export interface HoverContent {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly HoverSection[];
  /** The text the hover is about (the whole object for now). */
  readonly range: SourceRange;
}
