// Node entry: loads the WebAssembly module synchronously from the package folder, so
// `import { validateComplaint } from "qinqing"` is ready to call at once.
import { readFileSync } from "node:fs";
import { initSync } from "./qinqing_wasm.js";

initSync({ module: readFileSync(new URL("./qinqing_wasm_bg.wasm", import.meta.url)) });

export * from "./qinqing_wasm.js";
export { default } from "./qinqing_wasm.js";
