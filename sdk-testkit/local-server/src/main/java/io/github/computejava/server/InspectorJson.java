package io.github.computejava.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.computejava.host.EngineView;
import io.github.computejava.host.view.BackendEntry;
import io.github.computejava.host.view.BackendTrace;
import io.github.computejava.host.view.CacheEntry;
import io.github.computejava.host.view.LogLine;
import io.github.computejava.host.view.RequestTrace;
import io.github.computejava.host.view.StoreContents;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inspector's JSON: the engine's {@link EngineView} as the page and scripts read it. Times are ISO-8601
 * instants, durations seconds (with a fraction); a value that is not known yet is {@code null}.
 */
final class InspectorJson {
    private InspectorJson() {}

    static JsonObject all(EngineView view, JsonObject server) {
        JsonObject o = new JsonObject();
        o.add("server", server);
        o.add("requests", requests(view));
        o.add("cache", cache(view));
        o.add("stores", stores(view.stores()));
        o.add("backends", backends(view.backends()));
        return o;
    }

    static JsonArray requests(EngineView view) {
        JsonArray out = new JsonArray();
        for (RequestTrace r : view.requests()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", r.id());
            o.addProperty("method", r.method());
            o.addProperty("url", r.url());
            o.addProperty("started", r.started().toString());
            if (r.status() > 0) {
                o.addProperty("status", r.status());
            } else {
                o.add("status", null);
            }
            o.addProperty(
                    "seconds", r.answeredAfter().map(InspectorJson::seconds).orElse(null));
            JsonArray sends = new JsonArray();
            for (BackendTrace b : r.backendRequests()) {
                sends.add(backendRequest(b));
            }
            o.add("backendRequests", sends);
            JsonArray lines = new JsonArray();
            for (LogLine l : r.logLines()) {
                JsonObject line = new JsonObject();
                line.addProperty("at", l.at().toString());
                line.addProperty("source", l.source().name().toLowerCase(Locale.ROOT));
                line.addProperty("endpoint", l.endpoint());
                line.addProperty("text", l.text());
                lines.add(line);
            }
            o.add("logLines", lines);
            o.addProperty("droppedLines", r.droppedLines());
            out.add(o);
        }
        return out;
    }

    private static JsonObject backendRequest(BackendTrace b) {
        JsonObject o = new JsonObject();
        o.addProperty("backend", b.backend());
        o.addProperty("method", b.method());
        o.addProperty("url", b.url());
        o.addProperty("started", b.started().toString());
        if (b.status() > 0) {
            o.addProperty("status", b.status());
        } else {
            o.add("status", null);
        }
        o.addProperty("error", b.error().isEmpty() ? null : b.error());
        o.addProperty("cache", b.cacheOutcome().map(c -> c.label()).orElse(null));
        o.addProperty("seconds", b.duration().map(InspectorJson::seconds).orElse(null));
        return o;
    }

    static JsonArray cache(EngineView view) {
        JsonArray out = new JsonArray();
        for (CacheEntry c : view.cacheObjects()) {
            JsonObject o = new JsonObject();
            o.addProperty("namespace", c.namespace());
            o.addProperty("key", c.key());
            o.addProperty("label", c.label());
            o.addProperty("variant", c.variant());
            o.addProperty("age", seconds(c.age()));
            o.addProperty("ttl", seconds(c.ttl()));
            o.addProperty("staleWhileRevalidate", seconds(c.staleWhileRevalidate()));
            o.addProperty("staleIfError", seconds(c.staleIfError()));
            o.addProperty("state", c.state());
            JsonArray keys = new JsonArray();
            c.surrogateKeys().forEach(keys::add);
            o.add("surrogateKeys", keys);
            o.addProperty("hits", c.hits());
            o.addProperty("size", c.size() < 0 ? null : c.size());
            o.addProperty("status", c.status().orElse(null));
            o.addProperty("hitForPass", c.hitForPass());
            o.addProperty("writing", c.writing());
            out.add(o);
        }
        return out;
    }

    static JsonObject stores(StoreContents stores) {
        JsonObject o = new JsonObject();
        JsonObject config = new JsonObject();
        stores.configStores().forEach((name, entries) -> {
            JsonObject e = new JsonObject();
            entries.forEach(e::addProperty);
            config.add(name, e);
        });
        o.add("config", config);
        JsonObject kv = new JsonObject();
        stores.kvStores().forEach((name, keys) -> {
            JsonObject e = new JsonObject();
            keys.forEach(e::addProperty);
            kv.add(name, e);
        });
        o.add("kv", kv);
        JsonObject secrets = new JsonObject();
        stores.secretStores().forEach((name, names) -> secrets.add(name, strings(names)));
        o.add("secret", secrets);
        return o;
    }

    static JsonArray backends(List<BackendEntry> backends) {
        JsonArray out = new JsonArray();
        for (BackendEntry b : backends) {
            JsonObject o = new JsonObject();
            o.addProperty("name", b.name());
            o.addProperty("url", b.url().orElse(null));
            o.addProperty("overrideHost", b.overrideHost().orElse(null));
            o.addProperty("dynamic", b.dynamic());
            out.add(o);
        }
        return out;
    }

    static JsonObject object(Map<String, ?> values) {
        JsonObject o = new JsonObject();
        values.forEach((k, v) -> {
            if (v == null) {
                o.add(k, null);
            } else if (v instanceof Number) {
                o.addProperty(k, (Number) v);
            } else if (v instanceof Boolean) {
                o.addProperty(k, (Boolean) v);
            } else {
                o.addProperty(k, v.toString());
            }
        });
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
