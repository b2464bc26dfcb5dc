;; A module that imports its memory: aot's MemorySegment access path whatever the memory's backing
;; (engines/aot AotMemoryPathTest provides a heap and a mapped one).
(module
  (import "env" "memory" (memory 1))
  (func (export "i32.store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "i32.load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "i32.load_off4") (param i32) (result i32) (i32.load offset=4 (local.get 0)))
  (func (export "memory.size") (result i32) (memory.size))
  (func (export "memory.grow") (param i32) (result i32) (memory.grow (local.get 0))))
