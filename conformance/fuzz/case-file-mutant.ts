/**
 * A mutant case file: one to three corpus cases in a file of their own, then structural mutations
 * of the JSON value, then the text written (compact or indented) and mutated as text. Small files
 * on purpose: every case that still loads is run by two backends, so a mutant's work stays small.
 *
 * @see spec/05-cases.md#case.file
 */
import fc from "fast-check";
import { corpusCases } from "./corpus-cases.js";
import { applyJsonMutations, jsonMutation, type JsonMutation } from "./json-mutation.js";
import type { JsonValue } from "./json-value.js";
import { applyTextMutations, textMutation, type TextMutation } from "./text-mutation.js";

/** How a mutant was made; printing it says everything needed to rebuild it. */
export interface CaseFileRecipe {
  /** Indices into the corpus cases (conformance/cases/*.json in file order, then case order). */
  readonly picks: readonly number[];
  readonly withSchema: boolean;
  readonly mutations: readonly JsonMutation[];
  readonly indent: 0 | 2;
  readonly textMutations: readonly TextMutation[];
  /** Whether the loaded cases are also judged as run-suite judges them (costly when they fail). */
  readonly judge: boolean;
}

export const caseFileRecipe: fc.Arbitrary<CaseFileRecipe> = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  withSchema: fc.boolean(),
  mutations: fc.array(jsonMutation, { minLength: 0, maxLength: 3 }),
  indent: fc.constantFrom(0 as const, 2 as const),
  // Text mutations on a minority of mutants: most text mutations make the file not JSON at all,
  // and the loader's deeper paths deserve most of the runs.
  textMutations: fc.oneof({ arbitrary: fc.constant<TextMutation[]>([]), weight: 3 }, { arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 2 }), weight: 1 }),
  judge: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
});

/** The mutant's text. */
export function caseFileText(recipe: CaseFileRecipe): string {
  const { schema, cases } = corpusCases();
  const picked = recipe.picks.map((k) => cases[k % cases.length] as JsonValue);
  const file: JsonValue = recipe.withSchema ? { $schema: schema, cases: picked } : { cases: picked };
  const mutated = applyJsonMutations(file, recipe.mutations);
  return applyTextMutations(JSON.stringify(mutated, null, recipe.indent) ?? "", recipe.textMutations);
}
