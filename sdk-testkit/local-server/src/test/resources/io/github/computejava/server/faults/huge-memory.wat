;; Declares 4 GiB of initial memory, 32 times Fastly's heap limit.
(module
  (memory (export "memory") 65536)
  (func (export "_start")))
