;; A module made for the Sightglass test of `tailbench bench`: a setup loop, then bench.start, a measured loop,
;; bench.end, and "sightglass-mini 0x<sum>\n" on stdout. The marked region is about 2/3 of the run.
;; Build: wat2wasm sightglass-mini.wat -o sightglass-mini.wasm
(module
  (import "bench" "start" (func $bench_start))
  (import "bench" "end" (func $bench_end))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "sightglass-mini 0x")
  (func $spin (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func (export "_start")
    (local $sum i32) (local $k i32) (local $d i32)
    (local.set $sum (call $spin (i32.const 100000)))            ;; setup, outside the region
    (call $bench_start)
    (local.set $sum (i32.xor (local.get $sum) (call $spin (i32.const 200000))))
    (call $bench_end)
    ;; 8 hex digits of $sum at 34..41, then "\n" at 42
    (local.set $k (i32.const 0))
    (loop $hex
      (local.set $d (i32.and (i32.shr_u (local.get $sum) (i32.sub (i32.const 28) (i32.mul (local.get $k) (i32.const 4)))) (i32.const 15)))
      (i32.store8 (i32.add (i32.const 34) (local.get $k))
        (i32.add (local.get $d) (select (i32.const 87) (i32.const 48) (i32.gt_u (local.get $d) (i32.const 9)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $hex (i32.lt_u (local.get $k) (i32.const 8))))
    (i32.store8 (i32.const 42) (i32.const 10))
    ;; iovec at 0: {ptr 16, len 27}
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 27))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
