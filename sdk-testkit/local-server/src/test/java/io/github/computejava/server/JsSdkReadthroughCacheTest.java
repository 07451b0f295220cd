package io.github.computejava.server;

/**
 * Fastly's JavaScript SDK's cache paths in a program built without {@code --enable-http-cache}: a fetch goes through
 * the host's readthrough cache, with the program's {@code CacheOverride} on the request.
 */
class JsSdkReadthroughCacheTest extends JsSdkCachePaths {
    JsSdkReadthroughCacheTest() {
        super("readthrough");
    }
}
