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
  out.push('  policyTypes:', '    - Ingress', '    - Egress');
  if (policy.workload !== undefined) {
    rules(
      out,
      'ingress',
      'from',
      policy.ingress,
      'Nothing in the manifests calls it: all ingress is denied.',
    );
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
  for (const rule of list) {
    comment(out, '    ', rule.comments);
    out.push(`    - ${peersKey}:`);
    for (const peer of rule.peers) peerLines(out, peer);
    out.push('      ports:');
    for (const port of rule.ports)
      out.push(`        - protocol: ${port.protocol}`, `          port: ${port.port}`);
  }
}

function peerLines(out: string[], peer: GeneratedPeer): void {
  if (peer.kind === 'ipBlock') {
    out.push('        - ipBlock:', `            cidr: ${scalar(peer.cidr)}`);
    return;
  }
  const lines: string[] = [];
  if (peer.namespaceSelector !== undefined) selector(lines, '', 'namespaceSelector', peer.namespaceSelector);
  if (peer.podSelector !== undefined) selector(lines, '', 'podSelector', peer.podSelector);
  lines.forEach((line, index) => out.push(`${index === 0 ? '        - ' : '          '}${line}`));
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

function comment(out: string[], indent: string, sentences: readonly string[]): void {
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
