import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES, type Finding, type RuleCode } from '../../../src/core/rules/finding';
import { effectiveSeverity, readRuleOverrides } from '../../../src/vscode/ruleOverrides';

function finding(code: RuleCode): Finding {
  return {
    code,
    severity: RULE_CODES[code],
    message: 'm',
    range: { file: 'a.yaml', start: 0, end: 1 },
  };
}

describe('kubeTopology.rules', () => {
  describe('readRuleOverrides', () => {
    it('keeps every known code with off or a severity', () => {
      const value = {
        'no-readiness-probe': 'off',
        'call-unresolved': 'warning',
        'workload-not-isolated': 'info',
        'service-no-endpoints': 'error',
      };
      assert.deepEqual(readRuleOverrides(value), { overrides: value, ignored: [] });
    });

    it('drops unknown codes and levels, and lists them as code: level', () => {
      const { overrides, ignored } = readRuleOverrides({
        'call-unresolved': 'warning',
        'no-such-rule': 'off',
        'yaml-syntax': 'fatal',
        'service-no-endpoints': 'Warning',
        'policy-blocks-call': false,
        'egress-blocks-dns': null,
        'no-readiness-probe': ['off'],
      });
      assert.deepEqual(overrides, { 'call-unresolved': 'warning' });
      assert.deepEqual(ignored, [
        'no-such-rule: "off"',
        'yaml-syntax: "fatal"',
        'service-no-endpoints: "Warning"',
        'policy-blocks-call: false',
        'egress-blocks-dns: null',
        'no-readiness-probe: ["off"]',
      ]);
    });

    it('takes no inherited property names for codes', () => {
      const value = JSON.parse(
        '{"__proto__": "off", "constructor": "off", "toString": "warning", "hasOwnProperty": "info"}',
      ) as unknown;
      const { overrides, ignored } = readRuleOverrides(value);
      assert.deepEqual(Object.keys(overrides), []);
      assert.equal(Object.getPrototypeOf(overrides), Object.prototype, 'the result keeps its prototype');
      assert.equal(ignored.length, 4);
    });

    it('reads anything that is not an object as no overrides', () => {
      for (const value of [undefined, null, 'off', 3, true, ['call-unresolved']]) {
        assert.deepEqual(readRuleOverrides(value), { overrides: {}, ignored: [] }, JSON.stringify(value));
      }
    });

    it('accepts exactly the codes and levels the settings schema in package.json offers', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
        contributes: {
          configuration: {
            properties: Record<
              string,
              { propertyNames: { enum: string[] }; additionalProperties: { enum: string[] } }
            >;
          };
        };
      };
      const schema = manifest.contributes.configuration.properties['kubeTopology.rules'];
      assert.ok(schema);
      assert.deepEqual([...schema.propertyNames.enum].sort(), Object.keys(RULE_CODES).sort());
      for (const code of schema.propertyNames.enum) {
        for (const level of schema.additionalProperties.enum) {
          const { overrides, ignored } = readRuleOverrides({ [code]: level });
          assert.deepEqual(ignored, [], `${code}: ${level}`);
          assert.equal(overrides[code as RuleCode], level);
        }
      }
    });
  });

  describe('effectiveSeverity', () => {
    it('is the default severity of the finding without an override for its code', () => {
      for (const code of Object.keys(RULE_CODES) as RuleCode[]) {
        assert.equal(effectiveSeverity(finding(code), {}), RULE_CODES[code]);
        assert.equal(
          effectiveSeverity(finding(code), {
            [code === 'yaml-syntax' ? 'call-unresolved' : 'yaml-syntax']: 'off',
          }),
          RULE_CODES[code],
          'an override of another code changes nothing',
        );
      }
    });

    it('is undefined when the rule is off, and the level given otherwise', () => {
      const overrides = readRuleOverrides({
        'no-readiness-probe': 'off',
        'call-unresolved': 'warning',
        'policy-blocks-call': 'info',
      }).overrides;
      assert.equal(effectiveSeverity(finding('no-readiness-probe'), overrides), undefined);
      assert.equal(effectiveSeverity(finding('call-unresolved'), overrides), 'warning');
      assert.equal(effectiveSeverity(finding('policy-blocks-call'), overrides), 'info');
      assert.equal(effectiveSeverity(finding('yaml-syntax'), overrides), 'error');
    });

    it("overrides by code, whatever severity the finding came with (service-port-mismatch's two)", () => {
      const numeric: Finding = { ...finding('service-port-mismatch'), severity: 'warning' };
      assert.equal(effectiveSeverity(numeric, {}), 'warning');
      assert.equal(effectiveSeverity(numeric, { 'service-port-mismatch': 'error' }), 'error');
      assert.equal(
        effectiveSeverity(finding('service-port-mismatch'), { 'service-port-mismatch': 'info' }),
        'info',
      );
    });
  });
});
