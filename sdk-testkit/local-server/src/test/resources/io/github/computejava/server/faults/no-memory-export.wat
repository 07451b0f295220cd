;; A program that keeps its memory to itself: the host cannot read or write it.
(module
  (memory 1)
  (func (export "_start")))
