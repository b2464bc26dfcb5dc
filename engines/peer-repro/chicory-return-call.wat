;; Chicory 1.7.5 interpreter reproducer of python-tailcall.wasm's trap "IndexOutOfBoundsException:
;; Index -1": $outer calls $forward, which return_calls $seven; then $outer itself return_calls.
;; Right answer (node, ours, chicory-aot): exit code 7.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $seven (result i32) (i32.const 7))
  (func $forward (result i32) (return_call $seven))
  (func $outer (result i32)
    (drop (call $forward))
    (return_call $seven))
  (func (export "_start") (call $proc_exit (call $outer))))
