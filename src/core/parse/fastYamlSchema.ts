import { FAILSAFE_SCHEMA, Type, type Schema } from 'js-yaml';

// A js-yaml schema that resolves plain scalars exactly as `yaml` v2's default (YAML 1.2 core)
// schema does, so both parsers turn the same text into the same data. js-yaml's own CORE_SCHEMA
// differs at the edges (it reads `0b11`, `-0x1F` and `1_000` as numbers, yaml v2 keeps them as
// strings). The tests and order are yaml v2's (node_modules/yaml/dist/schema/core/*.js): null,
// bool, octal/decimal/hex int, then .inf/.nan, exponent and plain floats. Only plain scalars are
// resolved implicitly; quoted scalars stay strings in both parsers.

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Cheap first-character gates: most plain scalars in manifests are names and start with a letter. */
function mayBeNumber(data: string): boolean {
  const first = data.charCodeAt(0);
  // 0-9, '+', '-', '.'
  return (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
}

function isNull(data: string): boolean {
  return data.length <= 4 && NULL.test(data);
}

function isBool(data: string): boolean {
  return data.length <= 5 && BOOL.test(data);
}

function isInt(data: string): boolean {
  return mayBeNumber(data) && (INT_OCT.test(data) || INT.test(data) || INT_HEX.test(data));
}

function toInt(data: string): number {
  if (data.startsWith('0o')) return parseInt(data.slice(2), 8);
  if (data.startsWith('0x')) return parseInt(data.slice(2), 16);
  return parseInt(data, 10);
}

function isFloat(data: string): boolean {
  return mayBeNumber(data) && (FLOAT_NAN.test(data) || FLOAT_EXP.test(data) || FLOAT.test(data));
}

function toFloat(data: string): number {
  if (FLOAT_NAN.test(data)) {
    if (data.slice(-3).toLowerCase() === 'nan') return NaN;
    return data.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return parseFloat(data);
}

/** By ASCII code: the characters a null, bool, int or float may start with. */
const MAY_RESOLVE: readonly boolean[] = Array.from({ length: 128 }, (_, code) =>
  '~nNtTfF0123456789+-.'.includes(String.fromCharCode(code)),
);

/**
 * The value of a plain (unquoted, untagged) scalar, resolved as YAML_V2_CORE_SCHEMA resolves it
 * inside js-yaml: the same tests in the same order (null, bool, int, float), else the text itself.
 * For readers that must give exactly what js-yaml gives (blockYamlReader.ts).
 */
export function resolvePlainScalar(data: string): string | number | boolean | null {
  // Most plain scalars are names: a null, bool or number starts with one of a few characters.
  const first = data.charCodeAt(0);
  if (!(first < 128 && MAY_RESOLVE[first]) && data.length > 0) return data;
  if (isNull(data)) return null;
  if (isBool(data)) return data[0] === 't' || data[0] === 'T';
  if (isInt(data)) return toInt(data);
  if (isFloat(data)) return toFloat(data);
  return data;
}

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: isNull,
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: isBool,
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});

const intType = new Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: isInt, construct: toInt });

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: isFloat,
  construct: toFloat,
});

/** Strings, sequences and mappings (failsafe) plus yaml v2's core scalar resolution. */
export const YAML_V2_CORE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
