package ${package};

import io.github.computejava.fsthttp.Compute;

/** The least a Compute program can be: Fastly starts it once per request, and it answers 200 with no body. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Compute.serve((request, response) -> {});
    }
}
