import { RULE_CODES, type Finding } from './finding';
import type { FileParse } from '../parse/parsedFile';
import type { Rule } from './rule';

/** `yaml-syntax`: a document that does not parse. The file's other documents are still analysed. */
export const yamlSyntax: Rule = ({ model }) => {
  const findings: Finding[] = [];
  // The model lists the files with problems (most have none; an edit elsewhere keeps the list),
  // and each file's findings are made once per parse.
  for (const file of model.filesWithProblems) for (const finding of findingsOf(file)) findings.push(finding);
  return findings;
};

const byParse = new WeakMap<FileParse, readonly Finding[]>();

function findingsOf(file: FileParse): readonly Finding[] {
  let findings = byParse.get(file);
  if (!findings) {
    findings = file.syntaxProblems.map((problem): Finding => ({
      code: 'yaml-syntax',
      severity: RULE_CODES['yaml-syntax'],
      message: `${problem.message}. This document is skipped; the other documents of the file are still read.`,
      range: problem.range,
    }));
    byParse.set(file, findings);
  }
  return findings;
}
