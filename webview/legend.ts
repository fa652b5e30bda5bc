// The legend over the canvas's lower left corner: what the edge styles, outlines and badges mean. A
// native <details>, so it folds away with no script; the swatches are CSS classes in media/topology.css
// that read the same `--vscode-*` variables as the canvas palette (palette.ts).

interface Entry {
  readonly swatch: string;
  readonly text: string;
}

export const LEGEND_ENTRIES: readonly Entry[] = [
  { swatch: 'swatch-line north-south', text: 'North-south: exposes and routes, from outside in' },
  { swatch: 'swatch-line east-west', text: 'East-west: a workload calls a Service' },
  { swatch: 'swatch-line selects', text: 'A Service selects the workload’s pods' },
  { swatch: 'swatch-line blocked', text: 'Blocked by NetworkPolicies' },
  {
    swatch: 'swatch-line unknown',
    text: 'Unknown: unresolved host, unknown Ingress controller or policies not evaluated',
  },
  { swatch: 'swatch-node entry', text: 'Entry point: Ingress, Gateway, route, LoadBalancer/NodePort' },
  { swatch: 'swatch-node service', text: 'Service' },
  {
    swatch: 'swatch-node workload',
    text: 'Workload (StatefulSet: barrel, DaemonSet: hexagon, Job: octagon)',
  },
  { swatch: 'swatch-node not-isolated', text: 'Not isolated: no NetworkPolicy selects it for ingress' },
  { swatch: 'swatch-badge', text: 'Findings: the count, in the colour of the worst severity' },
];

export function createLegend(container: HTMLElement): void {
  const details = document.createElement('details');
  details.id = 'legend';
  const summary = document.createElement('summary');
  summary.textContent = 'Legend';
  const list = document.createElement('ul');
  for (const entry of LEGEND_ENTRIES) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = entry.swatch;
    swatch.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    text.textContent = entry.text;
    item.append(swatch, text);
    list.append(item);
  }
  details.append(summary, list);
  container.append(details);
}
