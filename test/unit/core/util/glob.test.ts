import * as assert from 'node:assert/strict';
import { matchesAnyGlob } from '../../../../src/core/util/glob';

describe('glob matching', () => {
  const cases: [string, string, boolean][] = [
    ['**/*.{yaml,yml,json}', 'a.yaml', true],
    ['**/*.{yaml,yml,json}', 'deep/er/a.yml', true],
    ['**/*.{yaml,yml,json}', 'a.yaml.bak', false],
    ['**/node_modules/**', 'node_modules/x/a.yaml', true],
    ['**/node_modules/**', 'src/node_modules/x/a.yaml', true],
    ['**/node_modules/**', 'src/node_modulesx/a.yaml', false],
    ['k8s/*.yaml', 'k8s/a.yaml', true],
    ['k8s/*.yaml', 'k8s/sub/a.yaml', false],
    ['k8s/**', 'k8s/sub/a.yaml', true],
    ['**/templates/**', 'chart/templates/svc.yaml', true],
    ['file?.yaml', 'file1.yaml', true],
    ['file[0-9].yaml', 'file7.yaml', true],
    ['file[!0-9].yaml', 'file7.yaml', false],
    ['**/*.{y{a,}ml,json}', 'x/a.yml', true],
    ['a.b', 'axb', false],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(matchesAnyGlob(path, [glob]), expected);
    });
  }
});
