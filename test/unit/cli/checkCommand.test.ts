import * as assert from 'node:assert/strict';
import { RULE_CODES } from '../../../src/core/rules/finding';
import { runCliProcess } from '../../helpers/cliProcess';
import {
  basic,
  BROKEN,
  checkJson,
  EXPANDED_CALL,
  ISOLATE_WEB,
  TempFolder,
  UNRESOLVED_CALL,
} from './checkFixtures';

const FINDING_LINE = /^(\S+):(\d+):(\d+): (error|warning|info) ([a-z-]+) (.+)$/;
const SUMMARY_LINE =
  /^(?:(?:(\d+) errors?)?(?:, )?(?:(\d+) warnings?)?(?:, )?(?:(\d+) info)?|no findings) in (\d+) files? \((\d+) objects?\)$/;

const SYNTAX_MESSAGE =
  'YAML syntax error: Nested mappings are not allowed in compact mappings. This document is skipped; the other documents of the file are still read.';

describe('kube-topology check (text)', () => {
  it('prints file:line:col: severity code message, 1-based, sorted, then a summary', () => {
    const result = runCliProcess(['check', basic]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.includes(`platform/cache.yaml:43:7: error yaml-syntax ${SYNTAX_MESSAGE}`), result.stdout);

    const summary = SUMMARY_LINE.exec(lines.pop() ?? '');
    assert.ok(summary, `summary line: ${result.stdout}`);
    const findings = lines.flatMap((line) => {
      const match = FINDING_LINE.exec(line);
      assert.ok(match, `not a finding line: ${line}`);
      const [, file = '', row = '', column = '', severity = '', code = ''] = match;
      assert.ok(code in RULE_CODES, `unknown code in: ${line}`);
      return [{ file, line: Number(row), column: Number(column), severity }];
    });
    const sorted = [...findings].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
    );
    assert.deepEqual(findings, sorted, 'sorted by file, then position');
    const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
    const [, errors = '0', warnings = '0', infos = '0', files] = summary;
    assert.deepEqual(
      [Number(errors), Number(warnings), Number(infos)],
      [count('error'), count('warning'), count('info')],
    );
    // cache.yaml, cart.yaml and web.yaml; the Helm chart and the CI workflow are skipped.
    assert.equal(files, '3');
  });

  it('prints the same findings as the json format, positions +1', () => {
    const text = runCliProcess(['check', basic]).stdout.trimEnd().split('\n');
    const { json } = checkJson([basic]);
    const expected = json.diagnostics.map(
      (diagnostic) =>
        `${diagnostic.file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`,
    );
    assert.deepEqual(text.slice(0, -1), expected);
  });

  it('prints exactly one line per finding, related locations left to json and sarif', () => {
    const folder = new TempFolder({ 'app.yaml': `${EXPANDED_CALL}---\n${ISOLATE_WEB}` });
    try {
      const result = runCliProcess(['check', folder.path, '--namespace', 'shop']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(
        result.stdout,
        [
          "app.yaml:19:22: info call-unresolved 'assistant:80' (ASSISTANT_ADDR) looks like a cluster address, but there is no Service 'assistant' in namespace 'shop'; it is left unresolved (no call edge, no NetworkPolicy verdict).",
          '1 info in 1 file (2 objects)',
          '',
        ].join('\n'),
      );
    } finally {
      folder.remove();
    }
  });

  it('says "no findings" when there are none', () => {
    const folder = new TempFolder({ 'README.txt': 'not a manifest' });
    try {
      const result = runCliProcess(['check', folder.path, '--fail-on', 'info']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, 'no findings in 0 files (0 objects)\n');
    } finally {
      folder.remove();
    }
  });
});

describe('kube-topology check (json)', () => {
  it('prints version 1 diagnostics with 0-based positions', () => {
    const { status, json } = checkJson([basic]);
    assert.equal(status, 1);
    assert.deepEqual(Object.keys(json), ['version', 'diagnostics']);
    assert.equal(json.version, 1);
    const syntax = json.diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax');
    assert.deepEqual(syntax, [
      {
        code: 'yaml-syntax',
        severity: 'error',
        message: SYNTAX_MESSAGE,
        file: 'platform/cache.yaml',
        range: { start: { line: 42, character: 6 }, end: { line: 42, character: 7 } },
        related: [],
      },
    ]);
    for (const diagnostic of json.diagnostics) {
      assert.deepEqual(Object.keys(diagnostic), ['code', 'severity', 'message', 'file', 'range', 'related']);
    }
  });

  it('is the diagnostics array of graph --format json', () => {
    const check = checkJson([basic]).json;
    const graph = JSON.parse(runCliProcess(['graph', basic, '--format', 'json']).stdout);
    assert.deepEqual(check.diagnostics, graph.diagnostics);
  });
});

describe('kube-topology check --fail-on', () => {
  let info: TempFolder;
  let syntax: TempFolder;
  before(() => {
    info = new TempFolder({ 'app.yaml': UNRESOLVED_CALL, 'policy.yaml': ISOLATE_WEB });
    syntax = new TempFolder({ 'broken.yaml': BROKEN });
  });
  after(() => {
    info.remove();
    syntax.remove();
  });

  it('has one info finding in the info folder and one error in the syntax folder', () => {
    const infoJson = checkJson([info.path]).json;
    assert.deepEqual(
      infoJson.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range]),
      [['call-unresolved', 'info', { start: { line: 16, character: 21 }, end: { line: 16, character: 35 } }]],
    );
    const syntaxJson = checkJson([syntax.path]).json;
    assert.deepEqual(
      syntaxJson.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.file]),
      [['yaml-syntax', 'error', 'broken.yaml']],
    );
    assert.equal(
      runCliProcess(['check', syntax.path]).stdout,
      `broken.yaml:6:8: error yaml-syntax ${SYNTAX_MESSAGE}\n1 error in 1 file (0 objects)\n`,
    );
  });

  const cases: { level: string | undefined; info: number; syntax: number }[] = [
    { level: undefined, info: 0, syntax: 1 },
    { level: 'error', info: 0, syntax: 1 },
    { level: 'warning', info: 0, syntax: 1 },
    { level: 'info', info: 1, syntax: 1 },
    { level: 'none', info: 0, syntax: 0 },
  ];
  for (const expected of cases) {
    it(`exits ${expected.info} on an info finding and ${expected.syntax} on an error with --fail-on ${expected.level ?? '(default)'}`, () => {
      const flag = expected.level === undefined ? [] : ['--fail-on', expected.level];
      const onInfo = runCliProcess(['check', info.path, ...flag]);
      assert.equal(onInfo.status, expected.info, onInfo.stderr);
      assert.match(onInfo.stdout, /^1 info in 2 files \(2 objects\)$/m);
      const onSyntax = runCliProcess(['check', syntax.path, ...flag]);
      assert.equal(onSyntax.status, expected.syntax, onSyntax.stderr);
      assert.match(onSyntax.stdout, /^1 error in 1 file \(0 objects\)$/m);
    });
  }

  it('exits the same in every format', () => {
    for (const format of ['json', 'sarif']) {
      assert.equal(runCliProcess(['check', info.path, '--format', format, '--fail-on', 'info']).status, 1);
      assert.equal(runCliProcess(['check', info.path, '--format', format]).status, 0);
      assert.equal(runCliProcess(['check', syntax.path, '--format', format]).status, 1);
    }
  });

  it('agrees with the severities of the json output, whatever the rules find', () => {
    // Without its NetworkPolicy the workload is not isolated, a warning where that rule runs.
    const folder = new TempFolder({ 'app.yaml': UNRESOLVED_CALL });
    const rank: Record<string, number> = { info: 1, warning: 2, error: 3 };
    try {
      for (const target of [folder.path, basic]) {
        const { json } = checkJson([target, '--fail-on', 'none']);
        const highest = Math.max(0, ...json.diagnostics.map((diagnostic) => rank[diagnostic.severity] ?? 0));
        for (const level of ['error', 'warning', 'info']) {
          const expected = highest >= (rank[level] ?? 0) ? 1 : 0;
          assert.equal(
            runCliProcess(['check', target, '--fail-on', level]).status,
            expected,
            `${target} ${level}`,
          );
        }
      }
    } finally {
      folder.remove();
    }
  });
});

describe('kube-topology check usage errors', () => {
  it('exits 2 with a message on stderr and nothing on stdout', () => {
    for (const args of [
      ['check'],
      ['check', 'does/not/exist'],
      ['check', basic, '--format', 'xml'],
      ['check', basic, '--format', 'dot'],
      ['check', basic, '--fail-on', 'warn'],
      ['check', basic, '--fail-on'],
      ['check', basic, '--fail-one', 'error'],
      ['check', basic, '--from', 'Deployment/shop/web'],
    ]) {
      const result = runCliProcess(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}`);
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, /^kube-topology: /, args.join(' '));
    }
  });

  it('names the problem', () => {
    assert.match(
      runCliProcess(['check', basic, '--fail-on', 'warn']).stderr,
      /--fail-on must be one of: error, warning, info, none/,
    );
    assert.match(runCliProcess(['check', basic, '--fail-one']).stderr, /check has no option --fail-one/);
    assert.match(
      runCliProcess(['check', basic, '--format', 'xml']).stderr,
      /--format must be one of: text, json, sarif/,
    );
  });

  it('lists check in --help', () => {
    const result = runCliProcess(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^ {2}check PATH\.\.\. /m);
    assert.match(result.stdout, /--fail-on LEVEL/);
  });
});
