import type { Labels } from '../select/labelSelector';
import type { GeneratedPeer, GeneratedPolicy, GeneratedRule } from './generatedPolicy';

/** Comment lines are wrapped near this width (a long evidence text stays on one line). */
const COMMENT_WIDTH = 100;

/**
 * YAML for generated policies, documents separated by `---`, each rule preceded by comments naming
 * its evidence. Written by hand rather than through a YAML library so that the layout (block style,
 * two-space indents, comments where a person looks for them) is the same on every run.
 */
export function policiesToYaml(policies: readonly GeneratedPolicy[]): string {
  return policies.map(policyToYaml).join('---\n');
}

export function policyToYaml(policy: GeneratedPolicy): string {
  const out: string[] = [];
  comment(out, '', policy.comments);
  out.push('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:');
  out.push(`  name: ${scalar(policy.name)}`, `  namespace: ${scalar(policy.namespace)}`, 'spec:');
  selector(out, '  ', 'podSelector', policy.podSelector);
  const types = policy.policyTypes ?? ['Ingress', 'Egress'];
  out.push('  policyTypes:', ...types.map((type) => `    - ${type}`));
  if (policy.workload !== undefined) {
    if (types.includes('Ingress'))
      rules(
        out,
        'ingress',
        'from',
        policy.ingress,
        'Nothing in the manifests calls it: all ingress is denied.',
      );
    if (types.includes('Egress'))
      rules(out, 'egress', 'to', policy.egress, 'It calls nothing: all egress is denied.');
  }
  return `${out.join('\n')}\n`;
}

function rules(
  out: string[],
  key: 'ingress' | 'egress',
  peersKey: 'from' | 'to',
  list: readonly GeneratedRule[],
  whenEmpty: string,
): void {
  if (list.length === 0) {
    comment(out, '  ', [whenEmpty]);
    out.push(`  ${key}: []`);
    return;
  }
  out.push(`  ${key}:`);
  for (const rule of list) out.push(...ruleLines(rule, peersKey, '    '));
}

/**
 * One rule as an item of a block sequence whose dashes stand at `indent`, its evidence as comments
 * above it: what a fix inserts into an existing policy's `ingress` or `egress` list. `nested` is
 * how far the lists inside it stand from their keys: 2, or 0 in files that write sequences
 * without indentation (`ports:` with `- port: 80` right below it).
 */
export function ruleLines(
  rule: GeneratedRule,
  peersKey: 'from' | 'to',
  indent: string,
  nested = 2,
): string[] {
  const out: string[] = [];
  const inner = `${indent}  `;
  const dashes = `${inner}${' '.repeat(nested)}`;
  comment(out, indent, rule.comments);
  out.push(`${indent}- ${peersKey}:`);
  for (const peer of rule.peers) peerLines(out, peer, dashes);
  out.push(`${inner}ports:`);
  for (const port of rule.ports)
    out.push(`${dashes}- protocol: ${port.protocol}`, `${dashes}  port: ${port.port}`);
  return out;
}

/** One rule in flow style, for a policy whose list is written `[...]` (no room for comments there). */
export function flowRule(rule: GeneratedRule, peersKey: 'from' | 'to'): string {
  const peers = rule.peers.map((peer) => {
    if (peer.kind === 'ipBlock') return `{ipBlock: {cidr: ${scalar(peer.cidr)}}}`;
    const parts: string[] = [];
    if (peer.namespaceSelector !== undefined)
      parts.push(`namespaceSelector: ${flowSelector(peer.namespaceSelector)}`);
    if (peer.podSelector !== undefined) parts.push(`podSelector: ${flowSelector(peer.podSelector)}`);
    return `{${parts.join(', ')}}`;
  });
  const ports = rule.ports.map((port) => `{protocol: ${port.protocol}, port: ${port.port}}`);
  return `{${peersKey}: [${peers.join(', ')}], ports: [${ports.join(', ')}]}`;
}

function flowSelector(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '{}';
  return `{matchLabels: {${entries.map(([name, value]) => `${scalar(name)}: ${scalar(value)}`).join(', ')}}}`;
}

function peerLines(out: string[], peer: GeneratedPeer, indent: string): void {
  if (peer.kind === 'ipBlock') {
    out.push(`${indent}- ipBlock:`, `${indent}    cidr: ${scalar(peer.cidr)}`);
    return;
  }
  const lines: string[] = [];
  if (peer.namespaceSelector !== undefined) selector(lines, '', 'namespaceSelector', peer.namespaceSelector);
  if (peer.podSelector !== undefined) selector(lines, '', 'podSelector', peer.podSelector);
  lines.forEach((line, index) => out.push(`${indent}${index === 0 ? '- ' : '  '}${line}`));
}

function selector(out: string[], indent: string, key: string, labels: Labels): void {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    out.push(`${indent}${key}: {}`);
    return;
  }
  out.push(`${indent}${key}:`, `${indent}  matchLabels:`);
  for (const [name, value] of entries) out.push(`${indent}    ${scalar(name)}: ${scalar(value)}`);
}

export function comment(out: string[], indent: string, sentences: readonly string[]): void {
  for (const sentence of sentences) {
    for (const line of wrap(sentence.replace(/\s+/g, ' ').trim(), COMMENT_WIDTH - indent.length - 2))
      out.push(`${indent}# ${line}`);
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** YAML 1.1 words that `kubectl` (go-yaml) would read as booleans or null. */
const RESERVED = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;

/**
 * A plain scalar when it cannot be read as anything but this string, in YAML 1.1 (kubectl) and
 * 1.2 alike; else double-quoted (JSON strings are valid YAML). Values starting with a digit are
 * quoted (`"1.0"`, `"2024-01-01"`), except IPv4 CIDRs, which no schema reads as anything else.
 */
export function scalar(value: string): string {
  const word = /^[A-Za-z][A-Za-z0-9._/-]*$/.test(value) && !RESERVED.test(value);
  const cidr = /^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/.test(value);
  return word || cidr ? value : JSON.stringify(value);
}
