;; Chicory 1.7.5 interpreter reproducer: a function that tail-calls itself and has a local besides
;; its parameters (StackFrame.reset copies args[i] for every local).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (func $count (param $n i32) (result i32) (local $unused i32)
    (if (i32.eqz (local.get $n)) (then (return (i32.const 42))))
    (return_call $count (i32.sub (local.get $n) (i32.const 1))))
  (memory (export "memory") 1)
  (func (export "_start") (call $proc_exit (call $count (i32.const 3)))))
