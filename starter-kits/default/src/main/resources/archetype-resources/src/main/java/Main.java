package ${package};

import io.github.computejava.fsthttp.Compute;
import io.github.computejava.fsthttp.Request;
import io.github.computejava.fsthttp.ResponseWriter;

/** The program's entry point: Fastly starts it once per request. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Compute.serve(Main::handle);
    }

    /** Answers every request with a greeting that names the path. */
    static void handle(Request request, ResponseWriter response) {
        response.headers().set("Content-Type", "text/plain; charset=utf-8");
        response.write("Hello from Java on Fastly Compute! You asked for " + request.path() + "\n");
    }
}
