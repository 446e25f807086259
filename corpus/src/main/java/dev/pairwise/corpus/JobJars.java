package dev.pairwise.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The jars a Flink cluster needs to run the cleaning job, found on this JVM's class path: a jar of
 * our own classes ({@code dev/pairwise/corpus}, and {@code dev/pairwise/policy} for perplexity), and
 * the libraries a Flink distribution lacks — Lingua with its Kotlin, Moshi, Okio and fastutil
 * runtime, Jackson (for {@code dev/pairwise/policy/io/Json}, shipped always); with perplexity DJL,
 * JNA and the PyTorch natives. Works from the class folders of a build, from plain jars, and from
 * inside the Spring Boot jar (nested jars are copied out).
 * The cluster adds them to the job's class loader; nothing is installed on it.
 */
public final class JobJars {

    private static final List<String> LIBRARIES = List.of(
            "com/github/pemistahl/lingua/api/Language.class", "kotlin/Unit.class",
            "kotlin/reflect/full/KClasses.class", "com/squareup/moshi/Moshi.class",
            "com/squareup/moshi/kotlin/reflect/KotlinJsonAdapterFactory.class", "okio/Buffer.class",
            "it/unimi/dsi/fastutil/Hash.class", "tools/jackson/databind/ObjectMapper.class",
            "tools/jackson/core/JsonParser.class", "com/fasterxml/jackson/annotation/JsonInclude.class");
    private static final List<String> MODEL_LIBRARIES = List.of(
            "ai/djl/engine/Engine.class", "ai/djl/pytorch/engine/PtEngine.class", "com/sun/jna/Native.class",
            "jnilib/pytorch.properties", "native/lib/pytorch.properties");

    /** Prefix of the class file(s) of {@code dev.pairwise.policy.io.Json} and its nested classes. */
    private static final String JSON_CLASS = "dev/pairwise/policy/io/Json";

    private JobJars() {
    }

    /** Local jar paths to ship with a job of {@code config}, written to a new temporary folder where needed. */
    public static List<String> collect(CleanConfig config) throws IOException {
        Path tmp = Files.createTempDirectory("pairwise-job-jars-");
        tmp.toFile().deleteOnExit();
        boolean model = config.perplexityCheckpoint() != null;
        Set<String> jars = new LinkedHashSet<>();
        // the reader and the sink write JSON with the policy's shared mapper (plain Jackson, no DJL)
        List<String> own = new ArrayList<>(List.of("dev/pairwise/corpus/", model ? "dev/pairwise/policy/" : JSON_CLASS));
        jars.add(ownClasses(tmp, own).toString());
        List<String> libraries = new ArrayList<>(LIBRARIES);
        if (model) {
            libraries.addAll(MODEL_LIBRARIES);
        }
        for (String resource : libraries) {
            URL url = JobJars.class.getClassLoader().getResource(resource);
            if (url == null) {
                if (resource.startsWith("kotlin/reflect") || resource.contains("moshi/kotlin")) {
                    continue;
                }
                throw new IllegalStateException("cannot find " + resource + " on the class path to ship to the cluster");
            }
            jars.add(jarOf(url, resource, tmp).toString());
        }
        return List.copyOf(jars);
    }

    /** True when this class was loaded from inside a Spring Boot jar ({@code java -jar pairwise.jar}). */
    public static boolean insideBootJar() {
        String self = JobJars.class.getName().replace('.', '/') + ".class";
        return JobJars.class.getClassLoader().getResource(self).toString().startsWith("jar:nested:");
    }

    /**
     * A jar of our corpus classes alone. The embedded engine needs it inside the Spring Boot jar: a
     * job without jars is deserialised with the JDK's application class loader, which cannot see
     * the classes nested in {@code BOOT-INF/}; a job with a jar gets Flink's user-code class loader,
     * whose parent is the loader that sees them.
     */
    public static String ownClassesOnly() throws IOException {
        Path tmp = Files.createTempDirectory("pairwise-job-jars-");
        tmp.toFile().deleteOnExit();
        return ownClasses(tmp, List.of("dev/pairwise/corpus/")).toString();
    }

    /** The jar holding a resource: a plain jar, or a nested jar copied out of the Spring Boot jar. */
    private static Path jarOf(URL url, String resource, Path tmp) throws IOException {
        String s = url.toString();
        if (s.startsWith("jar:file:")) {
            return Path.of(URI.create(s.substring(4, s.indexOf("!/"))));
        }
        if (s.startsWith("jar:nested:")) {
            // jar:nested:/path/app.jar/!BOOT-INF/lib/x.jar!/resource
            String rest = s.substring("jar:nested:".length());
            int sep = rest.indexOf("/!");
            Path outer = Path.of(URI.create("file:" + rest.substring(0, sep)));
            String entry = rest.substring(sep + 2, rest.indexOf("!/", sep + 2));
            Path target = tmp.resolve(Path.of(entry).getFileName().toString());
            if (!Files.exists(target)) {
                try (ZipFile zip = new ZipFile(outer.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        }
        throw new IllegalStateException("cannot ship " + resource + " from " + s);
    }

    /** A jar of our packages, from the class folder or the Boot jar's BOOT-INF/classes. */
    private static Path ownClasses(Path tmp, List<String> prefixes) throws IOException {
        String self = JobJars.class.getName().replace('.', '/') + ".class";
        String s = JobJars.class.getClassLoader().getResource(self).toString();
        Path jar = tmp.resolve("pairwise-corpus-job.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (s.startsWith("file:")) {
                Path root = Path.of(URI.create(s.substring(0, s.length() - self.length())));
                for (String prefix : prefixes) {
                    // a folder ("dev/pairwise/corpus/"), or the start of class file names in one
                    Path dir = root.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            String name = root.relativize(f).toString().replace('\\', '/');
                            if (name.startsWith(prefix)) {
                                put(out, name, Files.newInputStream(f));
                            }
                        }
                    }
                }
            } else if (s.startsWith("jar:")) {
                boolean nested = s.startsWith("jar:nested:");
                String rest = s.substring(nested ? "jar:nested:".length() : "jar:file:".length());
                int sep = nested ? rest.indexOf("/!") : rest.indexOf("!/");
                Path outer = Path.of(URI.create("file:" + rest.substring(0, sep)));
                String base = nested ? rest.substring(sep + 2, rest.indexOf("!/", sep + 2)) : "";
                if (!base.isEmpty() && !base.endsWith("/")) {
                    base += "/";
                }
                try (ZipFile zip = new ZipFile(outer.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        String name = e.getName().substring(Math.min(base.length(), e.getName().length()));
                        if (!e.isDirectory() && e.getName().startsWith(base)
                                && prefixes.stream().anyMatch(name::startsWith)) {
                            put(out, name, zip.getInputStream(e));
                        }
                    }
                }
            } else {
                throw new IllegalStateException("cannot ship our classes from " + s);
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, InputStream in) throws IOException {
        try (InputStream source = in) {
            out.putNextEntry(new JarEntry(name));
            source.transferTo(out);
            out.closeEntry();
        }
    }
}
