package org.tailbench.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.tailbench.wasm.validate.ValidatedModule;

/**
 * Build-time mode: the generated classes of one module in a jar, loaded later instead of compiling again
 * ({@code ./tailbench compile FILE.wasm -o FILE.jar}, then {@code ./tailbench run --aot-jar FILE.jar FILE.wasm}).
 *
 * <p>Layout: one {@code .class} entry per generated class (by its internal name) and
 * {@value #METADATA}, a properties file with {@code engine}, {@code moduleSha256} (hex SHA-256 of the
 * module bytes; loading refuses another module), {@code classes} (internal names, comma-separated),
 * {@code classOf}, {@code originalFunction} (comma-separated ints per function index), {@code profiling},
 * {@code maxValues}, {@code memoryAccess} ({@code array}: a {@code byte[]}, instances get heap memories;
 * {@code segment}: a {@code MemorySegment}), {@code calls} ({@code named}: the classes call each other by name,
 * {@code invokedynamic}: through {@code Linkage.bootstrapCall}, as every format-2 jar) and {@code format}
 * ({@value #FORMAT}; 2 since the memory access path, 3 since classes call each other by name; format 2 is still read).
 * The classes are defined as after compiling
 * in memory (lazily, by a {@code ModuleClassLoader}, or as hidden classes), with the jar as their code source,
 * so that a JDK AOT cache can hold them (README, "Start-up").
 */
public final class AotJar {
    public static final String METADATA = "META-INF/tailbench-aot.properties";
    public static final String FORMAT = "3";

    private AotJar() {}

    /** Writes {@code classes} to {@code jar} atomically (a temporary file in the same folder, then a move). */
    public static void write(AotClasses classes, Path jar) throws IOException {
        Path dir = jar.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, jar.getFileName().toString(), ".tmp");
        try {
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            mf.getMainAttributes().putValue("Created-By", "tailbench aot (" + classes.engine() + ")");
            try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(os, mf)) {
                Properties p = new Properties();
                p.setProperty("format", FORMAT);
                p.setProperty("engine", classes.engine());
                p.setProperty("moduleSha256", classes.moduleSha256());
                p.setProperty("classes", String.join(",", classes.classNames()));
                p.setProperty("classOf", ints(classes.classOf()));
                p.setProperty("originalFunction", ints(classes.originalFunction()));
                p.setProperty("profiling", Boolean.toString(classes.profiling()));
                p.setProperty("maxValues", Integer.toString(classes.maxValues()));
                p.setProperty("memoryAccess", classes.arrayMemory() ? "array" : "segment");
                p.setProperty("calls", classes.namedCalls() ? "named" : "invokedynamic");
                out.putNextEntry(new ZipEntry(METADATA));
                p.store(out, "tailbench aot classes");
                out.closeEntry();
                for (int k = 0; k < classes.classNames().length; k++) {
                    out.putNextEntry(new JarEntry(classes.classNames()[k] + ".class"));
                    out.write(classes.classFiles()[k]);
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry("META-INF/tailbench-aot-compile.log"));
                out.write(String.join("\n", classes.log()).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads the classes of {@code jar} and defines them for {@code module}.
     * @throws IllegalArgumentException when the jar was compiled from other module bytes, or is no aot jar
     * @throws UncheckedIOException when the jar cannot be read
     */
    public static AotModule load(Path jar, ValidatedModule module) {
        return load(jar, module, org.tailbench.runtime.EngineOptions.process());
    }

    private static java.net.URL url(Path jar) {
        try {
            return jar.toAbsolutePath().toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("aot jar " + jar + ": no URL for it", e);
        }
    }

    /**
     * Loads {@code jar} for the module whose bytes are {@code moduleBytes} without decoding its function bodies
     * or validating it again (issue 14, start-up: for CPython's 7.4 MB module these were most of the start-up
     * before the program ran). Safe because the jar can only be loaded for the very bytes it was compiled from
     * (SHA-256, checked first), and compiling decoded and validated them. The {@link AotModule#module()} of the
     * result has no function bodies ({@link org.tailbench.wasm.Decoder#decodeWithoutBodies}) and no
     * {@link org.tailbench.wasm.validate.FunctionInfo}s (the array holds nulls): only the aot engine may run it.
     * @throws IllegalArgumentException when the jar was compiled from other module bytes, or is no aot jar
     * @throws UncheckedIOException when the jar cannot be read
     */
    public static AotModule load(Path jar, byte[] moduleBytes) {
        return load(jar, moduleBytes, org.tailbench.runtime.EngineOptions.process());
    }

    /** {@link #load(Path, byte[])}, defining the classes with {@code options} ({@code aot.hiddenClasses}, ...). */
    public static AotModule load(Path jar, byte[] moduleBytes, org.tailbench.runtime.EngineOptions options) {
        AotClasses classes = read(jar);
        AotModule.checkSha(classes, AotClasses.sha256(moduleBytes));
        org.tailbench.wasm.Module m = org.tailbench.wasm.Decoder.decodeWithoutBodies(moduleBytes);
        ValidatedModule vm = new ValidatedModule(m, new org.tailbench.wasm.validate.FunctionInfo[m.functions.size()]);
        return AotModule.define(vm, classes, options, false, url(jar));
    }

    /** {@link #load(Path, ValidatedModule)}, defining the classes with {@code options} ({@code aot.hiddenClasses}, ...). */
    public static AotModule load(Path jar, ValidatedModule module, org.tailbench.runtime.EngineOptions options) {
        return AotModule.define(module, read(jar), options, true, url(jar));
    }

    /**
     * Compiles {@code module} with aot engine {@code engine} ({@code aot} or {@code aot-naive}) and {@code options}
     * (its {@code aot.*} options and {@code module.name}) without defining the classes, for {@link #write}.
     * @throws IllegalArgumentException when {@code engine} is no aot engine
     * @throws AotCompileException when a function cannot be compiled
     */
    public static AotClasses compile(String engine, ValidatedModule module, org.tailbench.runtime.EngineOptions options) {
        if (!(org.tailbench.runtime.Engines.byName(engine) instanceof AotEngine aot)) {
            throw new IllegalArgumentException("engine " + engine + " does not compile to classes; use aot or aot-naive");
        }
        return aot.compileClasses(module, options);
    }

    /** @return the classes and metadata stored in {@code jar} */
    public static AotClasses read(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            ZipEntry meta = jf.getEntry(METADATA);
            if (meta == null) throw new IllegalArgumentException(jar + " is not an aot jar (no " + METADATA + ")");
            Properties p = new Properties();
            try (InputStream in = jf.getInputStream(meta)) { p.load(in); }
            if (!FORMAT.equals(p.getProperty("format")) && !"2".equals(p.getProperty("format"))) {
                throw new IllegalArgumentException(jar + ": aot jar format " + p.getProperty("format") + ", expected " + FORMAT + " or 2");
            }
            String[] names = p.getProperty("classes").split(",");
            byte[][] files = new byte[names.length][];
            for (int k = 0; k < names.length; k++) {
                ZipEntry e = jf.getEntry(names[k] + ".class");
                if (e == null) throw new IllegalArgumentException(jar + ": missing class " + names[k]);
                try (InputStream in = jf.getInputStream(e)) { files[k] = in.readAllBytes(); }
            }
            List<String> log = new ArrayList<>();
            return new AotClasses(p.getProperty("engine"), p.getProperty("moduleSha256"), names, files,
                    parseInts(p.getProperty("classOf")), parseInts(p.getProperty("originalFunction")),
                    Boolean.parseBoolean(p.getProperty("profiling")), log, Integer.parseInt(p.getProperty("maxValues", "0")),
                    "array".equals(p.getProperty("memoryAccess")), "named".equals(p.getProperty("calls")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aot jar " + jar, e);
        }
    }

    private static String ints(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : ",").append(a[i]);
        return sb.toString();
    }

    private static int[] parseInts(String s) {
        if (s == null || s.isEmpty()) return new int[0];
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
