package io.github.computejava.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Sha256Properties {
    @Property(tries = 500)
    void agreesWithTheJdk(@ForAll @Size(max = 300) byte[] a, @ForAll @Size(max = 100) byte[] b) throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        jdk.update(a);
        jdk.update(b);
        assertArrayEquals(jdk.digest(), Sha256.digest(a, b));
    }

    @Test
    void knownVectorsAndBlockBoundaries() throws Exception {
        assertEquals(
                "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", Sha256.hexUpper(Sha256.digest()));
        assertEquals(
                "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
                Sha256.hexUpper(Sha256.digest("abc".getBytes("US-ASCII"))));
        for (int n = 50; n < 140; n++) {
            byte[] m = new byte[n];
            assertEquals(
                    HexFormat.of()
                            .withUpperCase()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(m)),
                    Sha256.hexUpper(Sha256.digest(m)),
                    "length " + n);
        }
    }
}
