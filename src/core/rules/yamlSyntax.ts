import { RULE_CODES, type Finding } from './finding';
import type { Rule } from './rule';

/** `yaml-syntax`: a document that does not parse. The file's other documents are still analysed. */
export const yamlSyntax: Rule = ({ model }) =>
  model.files.flatMap((file) =>
    file.syntaxProblems.map((problem): Finding => ({
      code: 'yaml-syntax',
      severity: RULE_CODES['yaml-syntax'],
      message: `${problem.message}. This document is skipped; the other documents of the file are still read.`,
      range: problem.range,
    })),
  );
