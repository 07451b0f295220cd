package io.github.computejava.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Notices changes to files: each watched path is a file or a directory (all regular files below it), scanned every
 * {@code interval} for files that appeared, disappeared or changed size or modification time. Scanning works alike
 * on every operating system and file system, where change notifications do not (and an editor that saves by
 * renaming a new file into place is seen too). Files whose name starts with {@code .} or ends with {@code ~},
 * {@code .swp} or {@code .tmp} (editors' and builds' scratch files) are ignored.
 */
public final class FileWatcher {
    private final List<Path> roots;
    private final Duration interval;
    private Map<Path, Stamp> seen;

    /**
     * Watches these paths, starting from their state now.
     *
     * @param roots files or directories; a path that does not exist yet is watched for appearing
     * @param interval how often to scan
     * @throws NullPointerException if an argument is null
     */
    public FileWatcher(List<Path> roots, Duration interval) {
        this.roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
        this.interval = Objects.requireNonNull(interval, "interval");
        this.seen = scan();
    }

    /**
     * Waits for a change and returns once it has settled: the files changed since the last call (or since this
     * watcher was made), after a scan that found nothing further changing, so a save of several files, or a
     * build writing its output, is reported once.
     *
     * @return the paths that appeared, disappeared or changed, sorted
     * @throws InterruptedException if interrupted while waiting
     */
    public Set<Path> awaitChanges() throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        while (true) {
            Thread.sleep(interval.toMillis());
            Map<Path, Stamp> now = scan();
            Set<Path> step = differences(seen, now);
            seen = now;
            if (step.isEmpty() && !changed.isEmpty()) {
                return changed;
            }
            changed.addAll(step);
        }
    }

    /** Forgets changes made so far (such as a build's own output), so the next wait reports only later ones. */
    public void rescan() {
        seen = scan();
    }

    private static Set<Path> differences(Map<Path, Stamp> before, Map<Path, Stamp> after) {
        Set<Path> out = new TreeSet<>();
        for (Map.Entry<Path, Stamp> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                out.add(e.getKey());
            }
        }
        for (Path p : before.keySet()) {
            if (!after.containsKey(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private Map<Path, Stamp> scan() {
        Map<Path, Stamp> out = new HashMap<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> !ignored(root.relativize(p))).forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    // a directory changing under the walk: the next scan sees it settled
                }
                for (Path f : files) {
                    stamp(f, out);
                }
            } else {
                stamp(root, out);
            }
        }
        return out;
    }

    private static void stamp(Path file, Map<Path, Stamp> out) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                out.put(file, new Stamp(a.size(), a.lastModifiedTime().toMillis()));
            }
        } catch (NoSuchFileException e) {
            // absent: watched for appearing
        } catch (IOException e) {
            // unreadable for now: the next scan tries again
        }
    }

    /** Whether a path below a watched directory is scratch: in a hidden directory, or a scratch file's name. */
    private static boolean ignored(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        Path name = relative.getFileName();
        String n = name == null ? "" : name.toString();
        return n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".tmp");
    }

    private record Stamp(long size, long modifiedMillis) {}
}
