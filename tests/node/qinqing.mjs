// Loads the built npm package (scripts/build-wasm) through its Node entry.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const pkgDir = `${root}crates/qinqing-wasm/pkg/`;
if (!existsSync(`${pkgDir}node.js`)) {
  throw new Error("crates/qinqing-wasm/pkg is missing: run scripts/build-wasm first");
}
export const qinqing = await import(`${pkgDir}node.js`);
