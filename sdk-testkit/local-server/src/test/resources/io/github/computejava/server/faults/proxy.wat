;; Passes the client's request, body and all, to the backend "origin" and its response back.
(module
  (import "fastly_http_req" "body_downstream_get" (func $downstream (param i32 i32) (result i32)))
  (import "fastly_http_req" "send" (func $req_send (param i32 i32 i32 i32 i32 i32) (result i32)))
  (import "fastly_http_resp" "send_downstream" (func $send (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "origin")
  (func (export "_start")
    (drop (call $downstream (i32.const 0) (i32.const 4)))
    (drop (call $req_send (i32.load (i32.const 0)) (i32.load (i32.const 4)) (i32.const 64) (i32.const 6)
      (i32.const 8) (i32.const 12)))
    (drop (call $send (i32.load (i32.const 8)) (i32.load (i32.const 12)) (i32.const 0)))))
