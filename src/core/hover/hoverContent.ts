import type { SourceRange } from '../model/sourceRange';

/** One labelled group of lines in a hover. Values are manifest-derived text: adapters must escape them. */
export interface HoverSection {
  readonly label: string;
  readonly values: readonly string[];
}

/** What a hover is about: an object, or a value inside one that refers to a Service. */
export type HoverKind = 'service' | 'workload' | 'network-policy' | 'call' | 'unresolved-call' | 'backend';

/** A hover as plain data; src/vscode/hovers.ts renders it as escaped markdown. */
export interface HoverContent {
  readonly kind: HoverKind;
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly HoverSection[];
  /** The text the hover is about: the value under the cursor, or the whole object. */
  readonly range: SourceRange;
}

/** More lines than this in one section are summarised: a hover must stay readable in a large workspace. */
export const MAX_SECTION_LINES = 20;

/** A section whose values are capped at MAX_SECTION_LINES, the rest counted. */
export function section(label: string, values: readonly string[]): HoverSection {
  if (values.length <= MAX_SECTION_LINES) return { label, values };
  const shown = values.slice(0, MAX_SECTION_LINES - 1);
  return { label, values: [...shown, `… and ${values.length - shown.length} more`] };
}
