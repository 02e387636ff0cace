/**
 * The `$id` of each schema in spec/schema/; cross-file `$ref`s use these URIs.
 *
 * @see spec/05-cases.md#case.file
 */

/** The `$id` of each schema, by role. */
export const SCHEMA_IDS = {
  tensor: "https://backslash-ad.dev/schema/v1/tensor.schema.json",
  operator: "https://backslash-ad.dev/schema/v1/operator.schema.json",
  caseFile: "https://backslash-ad.dev/schema/v1/case-file.schema.json",
} as const;
