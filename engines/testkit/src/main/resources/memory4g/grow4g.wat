;; One page that grows to the spec's 65,536 pages (4 GiB): engines/testkit LargeMemoryTest. The declared max is
;; what makes the memory mapped (a memory without a max is heap-backed and stops at 32,767 pages: heap.wat).
(module
  (memory (export "memory") 1 65536)
  (func (export "i64.store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "i64.load") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "i32.load8_u") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "memory.size") (result i32) (memory.size))
  (func (export "memory.grow") (param i32) (result i32) (memory.grow (local.get 0))))
