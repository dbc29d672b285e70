// The Node entry has the same API as the browser entry; it is initialised on import.
export * from "./qinqing_wasm.js";
export { default } from "./qinqing_wasm.js";
