;; _start calls $inner, which hits unreachable. Built with: wat2wasm --debug-names trap.wat
(module
  (func $inner (param i32) (result i32)
    (unreachable))
  (func $_start (export "_start")
    (drop (call $inner (i32.const 1)))))
