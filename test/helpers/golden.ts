import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

/** Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it (only on purpose, then review the diff). */
export function assertGolden(actual: string, goldenPath: string): void {
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(goldenPath)) {
    if (process.env.UPDATE_GOLDEN !== '1')
      assert.fail(`missing golden file ${goldenPath}; run with UPDATE_GOLDEN=1 to create it`);
    fs.writeFileSync(goldenPath, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(goldenPath, 'utf8'));
}
