import type { TextEdit } from './textEdit';

/** Where a fix is offered: on its finding (a quick fix), or for a whole file (a source action). */
export type FixKind = 'quickfix' | 'source';

/**
 * A fix as the editor lists it: a title, cheap to offer, and the edits, computed only when the
 * fix is chosen (some re-analyse the workspace to show what they change).
 */
export interface FixOffer {
  readonly title: string;
  readonly kind: FixKind;
  /** The fix to apply by default (one per finding at most). */
  readonly preferred: boolean;
  readonly resolve: () => FixResult | undefined;
}

export interface FixResult {
  readonly edits: readonly TextEdit[];
  /** Set when the edits must be confirmed before they are applied, with what they change. */
  readonly preview?: FixPreview;
}

/** What applying a fix changes, for a person to confirm first. */
export interface FixPreview {
  /** One line, e.g. `Isolate namespace shop-core: 12 connections become blocked, 9 stay allowed`. */
  readonly label: string;
  /** The connectivity diff as text, one connection per line, under "Becomes blocked" and "Stays allowed". */
  readonly description: string;
}
