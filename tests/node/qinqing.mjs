// Loads the built npm package (scripts/build-wasm) through its Node entry.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
// QINQING_PKG (as for scripts/build-wasm) points at another build of the package.
export const pkgDir = process.env.QINQING_PKG
  ? `${resolve(root, process.env.QINQING_PKG)}/`
  : `${root}crates/qinqing-wasm/pkg/`;
if (!existsSync(`${pkgDir}node.js`)) {
  throw new Error(`${pkgDir} is missing: run scripts/build-wasm first`);
}
export const qinqing = await import(`${pkgDir}node.js`);
