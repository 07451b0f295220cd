package io.github.computejava.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.computejava.abi.AbiSignatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/local-server.md names exactly the hostcalls the server answers with {@code unsupported}. */
class LocalServerDocTest {
    private static final String SECTION = "## What answers `unsupported`";

    private static Set<String> namesInTheUnsupportedSection() throws Exception {
        Path doc = Path.of("..", "..", "docs", "local-server.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf(SECTION);
        assertTrue(start >= 0, "docs/local-server.md has no section '" + SECTION + "'");
        int end = text.indexOf("\n## ", start + SECTION.length());
        String section = text.substring(start + SECTION.length(), end < 0 ? text.length() : end);
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("`([a-z0-9_.]+)`").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theUnsupportedSectionListsEveryUnsupportedFunction() throws Exception {
        Set<String> names = namesInTheUnsupportedSection();
        for (AbiSignatures.Signature s : AbiImports.standard().unsupported()) {
            String full = s.module() + "." + s.name();
            assertTrue(
                    names.contains(full) || (names.contains(s.module()) && names.contains(s.name())),
                    full + " answers unsupported but docs/local-server.md does not say so");
        }
    }

    @Test
    void theUnsupportedSectionNamesNothingTheServerImplements() throws Exception {
        List<AbiSignatures.Signature> unsupported = AbiImports.standard().unsupported();
        Set<String> modules = new HashSet<>();
        Set<String> functions = new HashSet<>();
        for (AbiSignatures.Signature s : unsupported) {
            modules.add(s.module());
            functions.add(s.module() + "." + s.name());
        }
        for (String name : namesInTheUnsupportedSection()) {
            if (!name.startsWith("fastly_")) {
                continue;
            }
            boolean listed = name.contains(".") ? functions.contains(name) : modules.contains(name);
            assertTrue(
                    listed, "docs/local-server.md says " + name + " answers unsupported, but the server implements it");
        }
    }
}
