// Every string the HTML report shows is escaped (spec: conform.html).
import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html.js";

describe("escapeHtml", () => {
  it("replaces the five characters that can end text or an attribute", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  });

  it("leaves other text, the paper's symbols included, as it is", () => {
    expect(escapeHtml("−ℋ(tanh′(Z))∘ℒ(W) 𝓘 ȳ")).toBe("−ℋ(tanh′(Z))∘ℒ(W) 𝓘 ȳ");
  });

  it("escapes an ampersand once, so entities in the input stay visible as text", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});
