// What the panel shows when a snapshot has no nodes: say so plainly, with the totals that explain why
// (no files, only YAML syntax errors, no Kubernetes manifests, or no workloads or Services among them).
// Built with createElement and textContent only: the counts and the namespace come from the host but are
// never parsed as HTML.
import type { GraphDto } from '../src/shared/graphDto';
import { EMPTY_TITLES, emptyReason, emptyStateDetails } from './texts';

export interface EmptyState {
  show(graph: GraphDto): void;
  hide(): void;
}

export function createEmptyState(box: HTMLElement, stage: HTMLElement): EmptyState {
  return {
    show(graph) {
      const title = document.createElement('h2');
      title.className = 'empty-title';
      const reason = emptyReason(graph);
      title.textContent = EMPTY_TITLES[reason];
      box.dataset.reason = reason;
      const lines = emptyStateDetails(graph).map((text) => {
        const line = document.createElement('p');
        line.textContent = text;
        return line;
      });
      box.replaceChildren(title, ...lines);
      box.hidden = false;
      stage.classList.add('is-empty');
    },
    hide() {
      box.hidden = true;
      box.replaceChildren();
      stage.classList.remove('is-empty');
    },
  };
}
