/**
 * An operator case's operator as a jax-js function of its point (linear, written with jax-js
 * ops), so that jax-js's own `vjp` supplies every adjoint — that of the whole operator and those
 * of nested `adjoint` parts (a vjp inside the function, at zeros of the part's domain: for a
 * linear map the point does not matter). Only `zero`'s adjoint is not asked of jax-js: it is
 * zero of the swapped shapes by definition (spec/02-operators.md#op.zero.adjoint), which a vjp
 * cannot express when the domain is left open.
 *
 * Shapes are checked beforehand (operator-shapes.ts). Functions consume their argument.
 *
 * @see spec/02-operators.md
 */
import type { Operator, Shape, Tensor } from "../../../reference/index.js";
import { toJax, type JaxArray } from "./jax-ops.js";
import type { Jax } from "./load-jax.js";
import { shapeIn, shapeOut } from "./operator-shapes.js";

export function operatorFunction(jax: Jax, o: Operator): (X: JaxArray) => JaxArray {
  const np = jax.numpy;
  const c = (t: Tensor): JaxArray => toJax(jax, t);
  const zeros = (s: Shape): JaxArray => np.zeros([...s], { dtype: "float64" } as never);
  switch (o.op) {
    case "identity": return (X) => X;
    case "zero": return (X) => {
      const s = shapeOut(o, [...X.shape] as unknown as Shape);
      X.dispose();
      return zeros(s);
    };
    case "scale": return (X) => np.multiply(X, c(o.by));
    case "left": return (X) => np.matmul(c(o.matrix), X);
    case "right": return (X) => np.matmul(X, c(o.matrix));
    case "hadamard": return (X) => np.multiply(c(o.matrix), X);
    case "kron": return (X) => np.matmul(np.matmul(c(o.b), X), np.transpose(c(o.a)));
    case "dot": return (X) => np.sum(np.multiply(c(o.matrix), X));
    case "outer": return (X) => np.multiply(X, c(o.matrix));
    case "transpose": return (X) => np.transpose(X);
    case "compose": {
      const parts = o.of.map((part) => operatorFunction(jax, part));
      return (X) => parts.reduceRight((Y, f) => f(Y), X);
    }
    case "sum": {
      const parts = o.of.map((part) => operatorFunction(jax, part));
      return (X) => {
        const [first, ...rest] = parts.map((f) => f(X.ref));
        X.dispose();
        return rest.reduce((s, t) => np.add(s, t), first as JaxArray);
      };
    }
    case "adjoint": {
      const inner = o.of;
      if (inner.op === "zero") return (X) => {
        const s = shapeIn(inner, [...X.shape] as unknown as Shape);
        X.dispose();
        return zeros(s);
      };
      const f = operatorFunction(jax, inner);
      return (X) => {
        const [out, back] = jax.vjp(f, [zeros(shapeIn(inner, [...X.shape] as unknown as Shape))]);
        out.dispose();
        const [y] = back(X) as unknown as [JaxArray];
        back.dispose();
        return y;
      };
    }
  }
}
