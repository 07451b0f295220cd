;; Reports the state an instance starts with, then changes all of it: a server that reused the instance (or its
;; memory) without putting it back to the module's initial state would show the changes to the next request. The
;; answer is nine little-endian i32s: the mutable global (7 at start), the data segment's bytes at 2000 ("IMG0" at
;; start), the i32 at 3000 (0 at start), the memory's size in pages (2 at start: the start function grew it), the
;; i32 at the start of a page grown now (0), whether table slot 0 holds a function (1 at start), the passive data
;; segment's bytes copied to 3100 ("PASV": it is dropped afterwards, so a copy from it would trap), whether table
;; slot 1 is empty (1 at start: the passive element segment then fills it and is dropped) and the i32 at 3200, which
;; the start function increments (1 at start). With an X-Fault header it then traps.
(module
  (import "fastly_http_req" "body_downstream_get" (func $downstream (param i32 i32) (result i32)))
  (import "fastly_http_req" "header_value_get" (func $header (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "fastly_http_resp" "new" (func $resp_new (param i32) (result i32)))
  (import "fastly_http_body" "new" (func $body_new (param i32) (result i32)))
  (import "fastly_http_body" "write" (func $body_write (param i32 i32 i32 i32 i32) (result i32)))
  (import "fastly_http_resp" "send_downstream" (func $send (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (global $g (mut i32) (i32.const 7))
  (table $t 2 funcref)
  (elem (i32.const 0) $f)
  (elem $passive func $f)
  (func $f)
  ;; the module's start function: its effects are part of every instance's initial state
  (func $init
    (drop (memory.grow (i32.const 1)))
    (i32.store (i32.const 3200) (i32.add (i32.load (i32.const 3200)) (i32.const 1))))
  (start $init)
  (data (i32.const 1000) "x-fault")
  (data (i32.const 2000) "IMG0")
  (data $pasv "PASV")
  (func (export "_start")
    (local $grown i32)
    ;; what the instance starts with
    (i32.store (i32.const 100) (global.get $g))
    (i32.store (i32.const 104) (i32.load (i32.const 2000)))
    (i32.store (i32.const 108) (i32.load (i32.const 3000)))
    (i32.store (i32.const 112) (memory.size))
    (local.set $grown (i32.mul (memory.grow (i32.const 1)) (i32.const 65536)))
    (i32.store (i32.const 116) (i32.load (local.get $grown)))
    (i32.store (i32.const 120) (i32.eqz (ref.is_null (table.get $t (i32.const 0)))))
    (memory.init $pasv (i32.const 3100) (i32.const 0) (i32.const 4))
    (i32.store (i32.const 124) (i32.load (i32.const 3100)))
    (i32.store (i32.const 128) (ref.is_null (table.get $t (i32.const 1))))
    (i32.store (i32.const 132) (i32.load (i32.const 3200)))
    ;; changes to all of it
    (global.set $g (i32.const 99))
    (i32.store (i32.const 2000) (i32.const 0x58585858))
    (i32.store (i32.const 3000) (i32.const 12345))
    (i32.store (i32.const 3200) (i32.const 77))
    (i32.store (local.get $grown) (i32.const 0xdead))
    (table.set $t (i32.const 0) (ref.null func))
    (data.drop $pasv)
    (table.init $t $passive (i32.const 1) (i32.const 0) (i32.const 1))
    (elem.drop $passive)
    ;; the answer
    (drop (call $resp_new (i32.const 0)))
    (drop (call $body_new (i32.const 4)))
    (drop (call $body_write (i32.load (i32.const 4)) (i32.const 100) (i32.const 36) (i32.const 0) (i32.const 8)))
    (drop (call $send (i32.load (i32.const 0)) (i32.load (i32.const 4)) (i32.const 0)))
    ;; a request with X-Fault traps after its answer, with its memory changed
    (drop (call $downstream (i32.const 16) (i32.const 20)))
    (if (i32.eq (call $header (i32.load (i32.const 16)) (i32.const 1000) (i32.const 7) (i32.const 1040)
                  (i32.const 16) (i32.const 24)) (i32.const 0))
      (then (unreachable)))))
