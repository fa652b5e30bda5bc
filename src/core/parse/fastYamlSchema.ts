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

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string) => data.length <= 4 && NULL.test(data),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => data.length <= 5 && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) =>
    mayBeNumber(data) && (INT_OCT.test(data) || INT.test(data) || INT_HEX.test(data)),
  construct: (data: string) => {
    if (data.startsWith('0o')) return parseInt(data.slice(2), 8);
    if (data.startsWith('0x')) return parseInt(data.slice(2), 16);
    return parseInt(data, 10);
  },
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string) =>
    mayBeNumber(data) && (FLOAT_NAN.test(data) || FLOAT_EXP.test(data) || FLOAT.test(data)),
  construct: (data: string) => {
    if (FLOAT_NAN.test(data)) {
      if (data.slice(-3).toLowerCase() === 'nan') return NaN;
      return data.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    }
    return parseFloat(data);
  },
});

/** Strings, sequences and mappings (failsafe) plus yaml v2's core scalar resolution. */
export const YAML_V2_CORE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType],
});
