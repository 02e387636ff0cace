#!/usr/bin/env node
// A broken backend that returns wrong shapes: it keeps every tensor as a matrix, so each scalar in
// its replies comes back as a 1×1 matrix (spec: a scalar and a 1×1 matrix do not match).
// Otherwise the example. Expected: the replies fit the protocol's schema, so the cases fail
// (compare.shape) rather than error.
import { relay } from "./relay.mjs";

const asMatrix = (t) => (Array.isArray(t) ? t : [[t]]);
const eachTensor = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, asMatrix(v)]));

relay({
  reply: (m) => {
    if (m.id === undefined || m.error !== undefined) return m; // hello and spec errors as they are
    const { id, value, gradient, solution, apply, adjoint, tangent } = m;
    return {
      id,
      ...(value !== undefined && { value: asMatrix(value) }),
      ...(gradient !== undefined && { gradient: eachTensor(gradient) }),
      ...(solution !== undefined && { solution: eachTensor(solution) }),
      ...(apply !== undefined && { apply: asMatrix(apply) }),
      ...(adjoint !== undefined && { adjoint: asMatrix(adjoint) }),
      ...(tangent !== undefined && { tangent: asMatrix(tangent) }),
    };
  },
});
