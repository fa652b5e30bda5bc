// The NetworkPolicy recipes (ahmetb/kubernetes-network-policy-recipes, restated as checks in
// ../shared/corpus/network-policy-recipes/expectations.json), each run with `kube-topology reach`
// against a temporary cluster of manifests built from the recipe's setup (recipesSetup.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { formatTable } from './eastWest';
import { prefetchReach, reachProblems, reachReport, runReach, type ReachExpectation } from './netpolCli';
import {
  describeCheck,
  planRecipe,
  queryOf,
  type RecipeCheck,
  type RecipePlan,
  recipes,
  writeRecipeFolder,
} from './recipesSetup';

/**
 * The policy that allows each allowed check of a recipe, in the direction it isolates. Every allowed
 * check of these recipes involves the pods that policy selects (the destination for Ingress, the
 * source for Egress); in 02a, of the two policies, it is web-allow-all that allows (web-deny-all has
 * no rule). Recipes 03, 11 and 12 are absent: their allowed checks involve no isolated pod.
 */
const DECIDING: Readonly<
  Record<
    string,
    { readonly direction: 'ingress' | 'egress'; readonly policy: string; readonly notBy?: string }
  >
> = {
  '02': { direction: 'ingress', policy: 'api-allow' },
  '02a': { direction: 'ingress', policy: 'web-allow-all', notBy: 'web-deny-all' },
  '04': { direction: 'ingress', policy: 'deny-from-other-namespaces' },
  '05': { direction: 'ingress', policy: 'web-allow-all-namespaces' },
  '06': { direction: 'ingress', policy: 'web-allow-prod' },
  '07': { direction: 'ingress', policy: 'web-allow-all-ns-monitoring' },
  '08': { direction: 'ingress', policy: 'web-allow-external' },
  '09': { direction: 'ingress', policy: 'api-allow-5000' },
  '10': { direction: 'ingress', policy: 'redis-allow-services' },
  '11-dns': { direction: 'egress', policy: 'foo-deny-egress' },
  '14': { direction: 'egress', policy: 'foo-deny-external-egress' },
};

function expectationOf(recipeId: string, check: RecipeCheck): ReachExpectation {
  const verdict = check.expected === 'allowed' ? 'allowed' : 'blocked';
  const deciding = DECIDING[recipeId];
  if (verdict === 'blocked' || !deciding) return { verdict };
  // Every recipe policy is applied in default (those without a namespace go there).
  const id = `NetworkPolicy/default/${deciding.policy}`;
  const notBy = deciding.notBy ? { notBy: [`NetworkPolicy/default/${deciding.notBy}`] } : {};
  return deciding.direction === 'ingress'
    ? { verdict, ingressBy: [id], ...notBy }
    : { verdict, egressBy: [id], ...notBy };
}

interface Tally {
  checks: number;
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

describe('network-policy-recipes: kube-topology reach', function () {
  this.timeout(120_000);
  const tallies = new Map<string, Tally>();
  const folders: string[] = [];

  after(() => {
    if (!process.env.KEEP_RECIPE_MANIFESTS) {
      for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
    }
    if (tallies.size === 0) return;
    const table = formatTable(
      ['recipe', 'checks', 'passed', 'failed', 'skipped', 'failing checks'],
      [...tallies].map(([id, tally]) => [
        id,
        String(tally.checks),
        String(tally.passed),
        String(tally.failed),
        String(tally.skipped),
        tally.failures.join('; '),
      ]),
    );
    const sum = (pick: (tally: Tally) => number) =>
      [...tallies.values()].reduce((total, t) => total + pick(t), 0);
    console.log(
      `\nNetworkPolicy recipes (${sum((t) => t.passed)} of ${sum((t) => t.checks)} checks pass, ` +
        `${sum((t) => t.skipped)} unspecified skipped):\n${table}\n`,
    );
  });

  for (const recipe of recipes) {
    const plan: RecipePlan = planRecipe(recipe);
    const tally: Tally = { checks: 0, passed: 0, failed: 0, skipped: 0, failures: [] };
    tallies.set(recipe.id, tally);

    describe(`recipe ${recipe.id} (${recipe.policy_files.join(' + ')})${recipe.setup_assumed ? ' [setup assumed]' : ''}`, () => {
      let dir = '';
      before(async function () {
        this.timeout(300_000);
        dir = writeRecipeFolder(plan);
        folders.push(dir);
        // Every check's answer up front, several CLI processes at a time.
        const queries = recipe.checks.flatMap((check) => {
          if (check.expected === 'unspecified') return [];
          try {
            return [queryOf(plan, check, dir)];
          } catch {
            return []; // reported by the check's own test
          }
        });
        await prefetchReach(queries);
      });

      recipe.checks.forEach((check, index) => {
        const conflict = check.conflict ? `; README claims ${check.readme_claim}` : '';
        const title = `#${index} ${describeCheck(plan, check)} is ${check.expected} (${check.basis}${conflict})`;
        tally.checks += 1;
        if (check.expected === 'unspecified') {
          it(`${title}: skipped, ${check.note ?? 'NetworkPolicy v1 leaves it to the implementation'}`, function () {
            tally.skipped += 1;
            this.skip();
          });
          return;
        }
        it(title, () => {
          const expectation = expectationOf(recipe.id, check);
          let problems: string[];
          let report: string;
          try {
            const outcome = runReach(queryOf(plan, check, dir));
            problems = reachProblems(outcome, expectation);
            report = reachReport(outcome, expectation, problems);
          } catch (error) {
            problems = [String(error)];
            report = `recipe ${recipe.id} #${index}: ${String(error)}`;
          }
          if (problems.length === 0) {
            tally.passed += 1;
            return;
          }
          tally.failed += 1;
          const first = problems[0]!.split('\n')[0]!;
          tally.failures.push(`#${index} ${first.length > 90 ? `${first.slice(0, 87)}...` : first}`);
          const note = check.note ? `\n  note: ${check.note}` : '';
          assert.fail(
            `recipe ${recipe.id}: ${report}${note}\n  manifests: ${dir} (removed after the run unless KEEP_RECIPE_MANIFESTS=1)`,
          );
        });
      });
    });
  }
});
