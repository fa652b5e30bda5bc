// Kubernetes label selectors (metav1.LabelSelector) with their exact semantics:
// matchLabels and matchExpressions are ANDed; an empty selector selects everything;
// In/NotIn/Exists/DoesNotExist as in apimachinery's labels package.

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly SelectorRequirement[];
}

/** A selector that cannot be read (unknown operator, wrong types) selects nothing, as the API server would reject it. */
export const SELECT_NOTHING: LabelSelector = {
  matchLabels: {},
  matchExpressions: [{ key: '', operator: 'In', values: [] }],
};

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Reads a `metav1.LabelSelector` from manifest data. `undefined`/`null`/`{}` is the empty selector. */
export function readLabelSelector(value: unknown): LabelSelector {
  if (value === undefined || value === null) return { matchLabels: {}, matchExpressions: [] };
  if (!isRecord(value)) return SELECT_NOTHING;
  const matchLabels = readLabels(value.matchLabels);
  if (matchLabels === undefined) return SELECT_NOTHING;
  const expressions = value.matchExpressions ?? [];
  if (!Array.isArray(expressions)) return SELECT_NOTHING;
  const matchExpressions: SelectorRequirement[] = [];
  for (const expression of expressions) {
    if (!isRecord(expression) || typeof expression.key !== 'string') return SELECT_NOTHING;
    const operator = expression.operator;
    if (typeof operator !== 'string' || !OPERATORS.has(operator)) return SELECT_NOTHING;
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    matchExpressions.push({ key: expression.key, operator: operator as SelectorOperator, values });
  }
  return { matchLabels, matchExpressions };
}

/** A Service's `spec.selector` is a plain map: equality on every key. */
export function selectorFromMap(value: unknown): LabelSelector {
  const matchLabels = readLabels(value);
  return matchLabels === undefined ? SELECT_NOTHING : { matchLabels, matchExpressions: [] };
}

/** Reads a label map; values are stringified as the API server would for numbers and booleans. Undefined if not a map. */
export function readLabels(value: unknown): Labels | undefined {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return undefined;
  const labels: Record<string, string> = {};
  for (const [key, labelValue] of Object.entries(value)) {
    if (typeof labelValue === 'string') labels[key] = labelValue;
    else if (typeof labelValue === 'number' || typeof labelValue === 'boolean')
      labels[key] = String(labelValue);
    else return undefined;
  }
  return labels;
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  return selector.matchExpressions.every((requirement) => matchesRequirement(requirement, labels));
}

function matchesRequirement(requirement: SelectorRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      // A pod without the key matches NotIn (apimachinery: "does not have the key, or its value is not in the set").
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** `app=cart, tier in (web,api)` — for hovers and messages. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([key, value]) => `${key}=${value}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`);
  }
  return parts.length === 0 ? '(everything)' : parts.join(', ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
