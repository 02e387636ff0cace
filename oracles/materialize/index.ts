/**
 * Explicit matrices: operators materialized from their definitions as Kronecker, diagonal and
 * permutation matrices on row-major vec'd tensors, in decimals; system and operator cases solved
 * from them. Explicit named exports only.
 */
export { absOperator } from "./abs-operator.js";
export { adjointDomain } from "./adjoint-domain.js";
export { assembleSystem, type AssembleOptions, type DenseSystem } from "./assemble-system.js";
export { backSubstitutionBound, operatorCost, type BackSubstitutionBound } from "./back-substitution-bound.js";
export { codomain } from "./codomain.js";
export { commutationMatrix } from "./commutation.js";
export {
  buildMatrix,
  columnCount,
  diagonalMatrix,
  entry,
  identityMatrix,
  matrixAbs,
  matrixProduct,
  matrixScale,
  matrixSum,
  matrixTranspose,
  matrixVector,
  rowCount,
  zeroMatrix,
  type DenseMatrix,
} from "./dense-matrix.js";
export { denseSolve, type DenseSolveOptions, type DenseSolveResult } from "./dense-system.js";
export { gaussSolve, type GaussStats } from "./gauss.js";
export { kronecker } from "./kronecker.js";
export { materialize, type MaterializedOperator } from "./materialize.js";
export { operatorCaseDense, type DenseOperatorResult } from "./operator-case.js";
export { operatorMatrix } from "./operator-matrix.js";
export { randomSystemCase, type RandomSystemOptions } from "./random-system-case.js";
export { readOperator, type DOperator } from "./read-operator.js";
export { readTensor, writtenDecimal, type NumberReading, type ReadOptions } from "./read-tensor.js";
export { sameShape, shapeSize, showShape } from "./shape.js";
