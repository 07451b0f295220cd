package io.github.computejava.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRuleTest {
    private final LinkRule rule = new LinkRule(AbiSignatures.load());

    @Test
    void fastlyAndWasiFunctionsWithTheirSignaturesLink() {
        List<LinkRule.Import> imports = List.of(
                LinkRule.Import.function("fastly_http_body", "new", "(i32) -> (i32)"),
                LinkRule.Import.function("wasi_snapshot_preview1", "fd_write", "(i32 i32 i32 i32) -> (i32)"));

        assertEquals(List.of(), rule.problems(imports, true, true));
    }

    @Test
    void eachProblemNamesTheImportOrTheMissingExport() {
        List<LinkRule.Import> imports = List.of(
                LinkRule.Import.function("fastly_http_req", "teleport", "() -> (i32)"),
                LinkRule.Import.function("fastly_http_body", "new", "(i32 i32) -> (i32)"),
                new LinkRule.Import("env", "memory", "memory", null));

        assertEquals(
                List.of(
                        new LinkRule.Problem(
                                "fastly_http_req.teleport",
                                "imports fastly_http_req.teleport, which Fastly does not provide"),
                        new LinkRule.Problem(
                                "fastly_http_body.new",
                                "imports fastly_http_body.new as (i32 i32) -> (i32), but Fastly's is (i32) -> (i32)"),
                        new LinkRule.Problem("env.memory", "imports memory env.memory, which Fastly does not provide"),
                        new LinkRule.Problem(null, "does not export the function _start"),
                        new LinkRule.Problem(null, "does not export its memory as \"memory\"")),
                rule.problems(imports, false, false));
    }
}
