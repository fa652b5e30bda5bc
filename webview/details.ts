// The edge details pane: what an edge is, the ports it carries (Service port → target port), its
// NetworkPolicy verdict with the deciding policies as links, and the evidence in the manifests as links.
// Everything here comes from the manifests, so it is built with createElement and textContent only.
import type { EdgeDto, NodeDto } from '../src/shared/graphDto';

export interface DetailsActions {
  /** Reveal a deciding policy's YAML (an object that is not drawn as a node). */
  revealObject(id: string): void;
  /** Reveal one piece of an edge's evidence. */
  revealEvidence(edgeId: string, index: number): void;
  /** The pane was closed. */
  closed(): void;
}

export interface DetailsPane {
  show(edge: EdgeDto, source: NodeDto | undefined, target: NodeDto | undefined): void;
  hide(): void;
  readonly shownEdge: string | undefined;
}

const TYPE_TITLES: Readonly<Record<EdgeDto['type'], string>> = {
  exposes: 'Exposed to clients outside the cluster',
  routes: 'Routed',
  selects: 'Selects the pods of',
  calls: 'Calls',
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function section(title: string, ...content: HTMLElement[]): HTMLElement {
  const wrapper = element('section', 'details-section');
  wrapper.append(element('h3', '', title), ...content);
  return wrapper;
}

function link(text: string, title: string, onClick: () => void): HTMLButtonElement {
  const button = element('button', 'link', text);
  button.type = 'button';
  button.title = title;
  button.addEventListener('click', onClick);
  return button;
}

function nameOf(id: string, node: NodeDto | undefined): string {
  if (!node) return id;
  return node.namespace ? `${node.kind} ${node.namespace}/${node.name}` : node.name;
}

/** `port 80 → target port 8080` lines. */
export function portLines(edge: EdgeDto): string[] {
  return (edge.ports ?? []).map(({ port, targetPort }) =>
    edge.type === 'selects' || edge.type === 'calls' || edge.type === 'routes'
      ? `Service port ${port} → target port ${targetPort}`
      : `port ${port}`,
  );
}

export const VERDICT_TEXT = {
  allowed: 'Allowed by NetworkPolicies',
  blocked: 'Blocked by NetworkPolicies',
  unknown: 'Unknown: depends on what the manifests do not show',
} as const;

export function createDetailsPane(container: HTMLElement, actions: DetailsActions): DetailsPane {
  let shown: string | undefined;
  const hide = () => {
    container.hidden = true;
    container.replaceChildren();
    shown = undefined;
  };
  hide();
  return {
    get shownEdge() {
      return shown;
    },
    hide,
    show(edge, source, target) {
      shown = edge.id;
      const close = link('✕', 'Close the details', () => {
        hide();
        actions.closed();
      });
      close.classList.add('details-close');
      const header = element('header', 'details-header');
      header.append(element('h2', '', TYPE_TITLES[edge.type]), close);
      const ends = element(
        'p',
        'details-ends',
        `${nameOf(edge.source, source)} → ${nameOf(edge.target, target)}`,
      );
      const parts: HTMLElement[] = [header, ends];
      if (edge.traffic) parts.push(element('p', 'details-muted', `Traffic: ${edge.traffic}`));

      const ports = portLines(edge);
      if (ports.length > 0) {
        const list = element('ul', '');
        for (const line of ports) list.append(element('li', '', line));
        parts.push(section('Ports', list));
      }

      if (edge.verdict) {
        const verdict = element('p', `verdict verdict-${edge.verdict}`, VERDICT_TEXT[edge.verdict]);
        const content: HTMLElement[] = [verdict];
        if (edge.reason) content.push(element('p', 'details-muted', edge.reason));
        if (edge.policies && edge.policies.length > 0) {
          const list = element('ul', 'policies');
          for (const id of edge.policies) {
            const item = element('li', '');
            item.append(link(id, `Open ${id}`, () => actions.revealObject(id)));
            list.append(item);
          }
          content.push(element('p', 'details-label', 'Deciding policies:'), list);
        }
        if (edge.notEvaluated && edge.notEvaluated.length > 0) {
          const list = element('ul', '');
          for (const id of edge.notEvaluated) {
            const item = element('li', '');
            item.append(link(id, `Open ${id}`, () => actions.revealObject(id)));
            list.append(item);
          }
          content.push(element('p', 'details-label', 'May also apply (not evaluated):'), list);
        }
        parts.push(section('NetworkPolicy verdict', ...content));
      }

      const evidence = edge.evidence ?? [];
      if (evidence.length > 0) {
        const list = element('ul', 'evidence');
        evidence.forEach((item, index) => {
          const entry = element('li', '');
          entry.append(
            link(item.text, `Reveal ${item.location}`, () => actions.revealEvidence(edge.id, index)),
            element('span', 'details-muted', ` ${item.location}`),
          );
          list.append(entry);
        });
        parts.push(section('Evidence', list));
      }
      container.replaceChildren(...parts);
      container.hidden = false;
    },
  };
}
