;; A _start that takes a parameter: Fastly calls _start with none.
(module
  (memory (export "memory") 1)
  (func (export "_start") (param i32)))
