;; Test module for the preopened-directory mapping: opens "hello.txt" in the first preopened directory
;; (descriptor 3), reads up to 512 bytes and writes them to stdout. Exit code 100+errno when path_open
;; fails, 200+errno when fd_read fails. Rebuild: wat2wasm cat_file.wat -o cat_file.wasm
(module
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello.txt")
  (func (export "_start")
    (local $err i32)
    (local.set $err (call $path_open (i32.const 3) (i32.const 0) (i32.const 16) (i32.const 9) (i32.const 0)
                                     (i64.const 0x1FFFFFFF) (i64.const 0x1FFFFFFF) (i32.const 0) (i32.const 100)))
    (if (local.get $err) (then (call $proc_exit (i32.add (i32.const 100) (local.get $err)))))
    (i32.store (i32.const 200) (i32.const 1024))
    (i32.store (i32.const 204) (i32.const 512))
    (local.set $err (call $fd_read (i32.load (i32.const 100)) (i32.const 200) (i32.const 1) (i32.const 208)))
    (if (local.get $err) (then (call $proc_exit (i32.add (i32.const 200) (local.get $err)))))
    (i32.store (i32.const 204) (i32.load (i32.const 208)))
    (drop (call $fd_write (i32.const 1) (i32.const 200) (i32.const 1) (i32.const 212)))))
