import { RULE_CODES, type Finding } from './finding';
import type { FileParse } from '../parse/parsedFile';
import type { Rule } from './rule';

/** `yaml-syntax`: a document that does not parse. The file's other documents are still analysed. */
export const yamlSyntax: Rule = ({ model }) => {
  const findings: Finding[] = [];
  // Most files have no problem: look at each, build findings only for those that do (once per
  // parse, which an edit elsewhere leaves as it was).
  for (const file of model.files) {
    if (file.syntaxProblems.length === 0) continue;
    for (const finding of findingsOf(file)) findings.push(finding);
  }
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
