import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { version } from '../../../package.json';
import { RULE_CODES } from '../../../src/core/rules/finding';
import type { DiagnosticJson } from '../../../src/cli/formats/diagnosticsJson';
import type { JsonRange } from '../../../src/cli/workspace';
import { repoRoot, runCliProcess } from '../../helpers/cliProcess';
import { basic, checkJson, EXPANDED_CALL, ISOLATE_WEB, TempFolder } from './checkFixtures';

const onlineBoutique = '../shared/corpus/online-boutique/release/kubernetes-manifests.yaml';
const LEVELS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };

/** The parts of a SARIF log these tests read (the schema checks the rest). */
interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: SarifRegion;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: [{ physicalLocation: SarifPhysicalLocation }];
  relatedLocations?: { id: number; message: { text: string }; physicalLocation: SarifPhysicalLocation }[];
}
interface SarifRun {
  tool: {
    driver: {
      name: string;
      informationUri: string;
      version: string;
      rules: {
        id: string;
        name: string;
        shortDescription: { text: string };
        defaultConfiguration: { level: string };
        helpUri: string;
      }[];
    };
  };
  invocations: unknown[];
  originalUriBaseIds: { '%SRCROOT%': { uri: string } };
  columnKind: string;
  results: SarifResult[];
}
interface SarifLog {
  version: string;
  /** One run, as the format promises. */
  runs: [SarifRun];
}

/** The OASIS SARIF 2.1.0 schema, vendored (test/fixtures/schemas/README.md says from where): no network. */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'test/fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8'),
  );
  // Default strictness: `strict: true` would reject the schema itself (a `required` inside an `anyOf`).
  const ajv = new Ajv({ allErrors: true });
  // uri, uri-reference and date-time formats are part of the contract: check them too.
  addFormats(ajv);
  return ajv.compile(schema);
}

function assertValidSarif(validate: ValidateFunction, log: unknown): void {
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
}

/** Runs `check` in both formats and returns the SARIF log with the json diagnostics. */
function sarifAndJson(args: readonly string[]): {
  sarif: SarifLog;
  diagnostics: DiagnosticJson[];
  status: number;
} {
  const sarif = runCliProcess(['check', ...args, '--format', 'sarif']);
  assert.equal(sarif.stderr, '');
  const json = checkJson(args);
  assert.equal(sarif.status, json.status);
  return {
    sarif: JSON.parse(sarif.stdout) as SarifLog,
    diagnostics: json.json.diagnostics,
    status: sarif.status,
  };
}

/** Every result matches its json diagnostic: same rule, level, message and file, regions 1-based. */
function assertMatchesJson(sarif: SarifLog, diagnostics: readonly DiagnosticJson[]): void {
  const [run] = sarif.runs;
  const region = (range: JsonRange): SarifRegion => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  assert.equal(run.results.length, diagnostics.length);
  run.results.forEach((result, index) => {
    const diagnostic = diagnostics[index]!;
    assert.equal(result.ruleId, diagnostic.code);
    assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, diagnostic.code);
    assert.equal(result.level, LEVELS[diagnostic.severity]);
    assert.equal(result.message.text, diagnostic.message);
    const [location] = result.locations;
    assert.deepEqual(location.physicalLocation.artifactLocation, {
      uri: diagnostic.file,
      uriBaseId: '%SRCROOT%',
    });
    assert.deepEqual(location.physicalLocation.region, region(diagnostic.range));
    assert.ok(
      location.physicalLocation.region.startLine >= 1 && location.physicalLocation.region.startColumn >= 1,
    );
    assert.deepEqual(
      result.relatedLocations ?? [],
      diagnostic.related.map((related, relatedIndex) => ({
        id: relatedIndex + 1,
        message: { text: related.message },
        physicalLocation: {
          artifactLocation: { uri: related.file, uriBaseId: '%SRCROOT%' },
          region: region(related.range),
        },
      })),
    );
  });
}

describe('kube-topology check --format sarif', () => {
  let validate: ValidateFunction;
  before(() => {
    validate = sarifValidator();
  });

  it('is valid SARIF 2.1.0 on the basic workspace, and matches the json output +1', () => {
    const { sarif, diagnostics, status } = sarifAndJson([basic]);
    assert.equal(status, 1);
    assertValidSarif(validate, sarif);
    assertMatchesJson(sarif, diagnostics);
    const syntax = sarif.runs[0].results.find((result) => result.ruleId === 'yaml-syntax')!;
    assert.deepEqual(syntax.locations[0].physicalLocation, {
      artifactLocation: { uri: 'platform/cache.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 43, startColumn: 7, endLine: 43, endColumn: 8 },
    });
    assert.equal(syntax.level, 'error');

    // The validator does reject what the format must never print: 0-based lines, paths that are not URIs.
    const broken = structuredClone(sarif);
    broken.runs[0].results[0]!.locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation.uri = 'has space.yaml';
    assert.equal(validate(broken), false);
    assert.deepEqual(validate.errors?.map((error) => error.keyword).sort(), ['format', 'minimum']);
  });

  it('is valid SARIF 2.1.0 on Online Boutique, and matches the json output +1', () => {
    const { sarif, diagnostics } = sarifAndJson([onlineBoutique]);
    assertValidSarif(validate, sarif);
    assertMatchesJson(sarif, diagnostics);
    assert.deepEqual(
      sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri,
      directoryUri(path.dirname(onlineBoutique)),
    );
    for (const result of sarif.runs[0].results) {
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'kubernetes-manifests.yaml');
    }
  });

  it('describes the tool and every rule of the contract', () => {
    const { sarif } = sarifAndJson([basic]);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, 'kube-topology');
    assert.equal(run.tool.driver.informationUri, 'https://github.com/kube-topology/kube-topology');
    assert.equal(run.tool.driver.version, version);
    assert.deepEqual(
      run.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level]),
      Object.entries(RULE_CODES).map(([code, severity]) => [code, LEVELS[severity]]),
    );
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
      assert.ok(rule.shortDescription.text.length > 10, rule.id);
      assert.equal(
        rule.helpUri,
        `https://github.com/kube-topology/kube-topology/blob/main/docs/rules/${rule.id}.md`,
      );
    }
    assert.deepEqual(run.originalUriBaseIds['%SRCROOT%'].uri, directoryUri(basic));
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('gives related locations ids and messages', () => {
    const folder = new TempFolder({ 'app.yaml': `${EXPANDED_CALL}---\n${ISOLATE_WEB}` });
    try {
      const { sarif, diagnostics } = sarifAndJson([folder.path]);
      assertValidSarif(validate, sarif);
      assertMatchesJson(sarif, diagnostics);
      assert.deepEqual(sarif.runs[0].results[0]?.relatedLocations, [
        {
          id: 1,
          message: { text: 'expanded from ASSISTANT_HOST=assistant' },
          physicalLocation: {
            artifactLocation: { uri: 'app.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 17, startColumn: 22, endLine: 17, endColumn: 31 },
          },
        },
      ]);
    } finally {
      folder.remove();
    }
  });

  it('percent-encodes file names and resolves several PATHs against their common folder', () => {
    const parent = new TempFolder({
      'one/with space/a#b.yaml': `${EXPANDED_CALL}---\n${ISOLATE_WEB}`,
      'two/app.yaml': `${EXPANDED_CALL.replaceAll('web', 'api')}---\n${ISOLATE_WEB.replaceAll('web', 'api')}`,
    });
    try {
      const result = runCliProcess([
        'check',
        path.join(parent.path, 'one'),
        path.join(parent.path, 'two'),
        '--format',
        'sarif',
      ]);
      const sarif = JSON.parse(result.stdout) as SarifLog;
      assertValidSarif(validate, sarif);
      const [run] = sarif.runs;
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, directoryUri(parent.path));
      assert.deepEqual(
        run.results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri),
        // Sorted by the file names as printed (relative to each PATH): app.yaml, then with space/a#b.yaml.
        ['two/app.yaml', 'one/with%20space/a%23b.yaml'],
      );
      // Resolved against %SRCROOT%, each URI names the file that was read.
      for (const result of run.results) {
        const uri = new URL(
          result.locations[0].physicalLocation.artifactLocation.uri,
          run.originalUriBaseIds['%SRCROOT%'].uri,
        );
        assert.ok(fs.existsSync(uri), uri.href);
      }
    } finally {
      parent.remove();
    }
  });

  it('prints the same log on every run', () => {
    const first = runCliProcess(['check', basic, '--format', 'sarif']).stdout;
    assert.equal(runCliProcess(['check', basic, '--format', 'sarif']).stdout, first);
  });
});

function directoryUri(folder: string): string {
  return `${pathToFileURL(path.resolve(repoRoot, folder)).href}/`;
}
