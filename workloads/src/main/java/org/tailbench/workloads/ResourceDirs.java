package org.tailbench.workloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Class-path folders as real host directories, for WASI preopens (a guest can only open files of a
 * host directory). Used by {@link Workload#hostDirs()}.
 */
final class ResourceDirs {
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();

    private ResourceDirs() {}

    /**
     * @param resource absolute class-path folder, e.g. {@code /org/tailbench/workloads/cpython/lib}
     * @return a host directory holding the folder's files: the folder itself when it is on the file
     *         system, else a copy in a temporary directory made once per JVM (removed at exit)
     * @throws IllegalStateException when the folder is not on the class path or cannot be copied
     */
    static Path hostDir(String resource) {
        return CACHE.computeIfAbsent(resource, ResourceDirs::locate);
    }

    private static Path locate(String resource) {
        URL url = ResourceDirs.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("class-path folder " + resource
                    + " is missing (build the tailbench-workloads module)");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) return Path.of(uri);
            if (!"jar".equals(uri.getScheme())) {
                throw new IllegalStateException("class-path folder " + resource + " is at " + uri
                        + ", neither a file nor a jar entry");
            }
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            Path source = fs.provider().getPath(uri);
            Path target = Files.createTempDirectory("tailbench-" + source.getFileName().toString().replace("/", "") + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path dest = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(dest);
                    else Files.copy(p, dest);
                }
            }
            return target;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("copying class-path folder " + resource + " to a temporary directory: " + e, e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
