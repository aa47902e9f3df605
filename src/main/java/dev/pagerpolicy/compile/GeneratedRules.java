package dev.pagerpolicy.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKieModule;

/**
 * What the executable model generates for a unit of rule files: class files, and which of them are the rule
 * models. Turning it into a KieBase needs no code generation and no Java compiler, which is what makes cached
 * rules start in a fraction of the time of a compile.
 *
 * @param classFiles   binary class name to class file bytes
 * @param modelClasses classes implementing {@link Model}, one per rule package
 */
record GeneratedRules(Map<String, byte[]> classFiles, List<String> modelClasses) {
    private static final String CLASS_SUFFIX = ".class";
    private static final String MODELS_ENTRY = "models";

    GeneratedRules {
        classFiles = Map.copyOf(classFiles);
        modelClasses = List.copyOf(modelClasses);
    }

    /** The generated classes of a module the executable model has just built. */
    static GeneratedRules of(InternalKieModule module) {
        Map<String, byte[]> classes = new HashMap<>();
        for (String file : module.getFileNames()) {
            if (file.endsWith(CLASS_SUFFIX)) {
                classes.put(binaryName(file), module.getBytes(file));
            }
        }
        String modelFile = new String(module.getBytes(CanonicalKieModule.getModelFileWithGAV(module.getReleaseId())),
                StandardCharsets.UTF_8);
        List<String> models = modelFile.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith(CanonicalKieModule.MODEL_VERSION))
                .toList();
        return new GeneratedRules(classes, models);
    }

    /**
     * The rule models, loaded in a class loader of their own whose parent sees the fact model. Each unit has its
     * own loader: units of one package generate classes of the same names.
     */
    List<Model> models(ClassLoader factModel) {
        ClassLoader loader = new GeneratedClassLoader(classFiles, factModel);
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            try {
                models.add((Model) loader.loadClass(name).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("generated rule model " + name + " cannot be instantiated", e);
            }
        }
        return models;
    }

    /** As a zip: one entry per class file, and an entry listing the model classes. */
    byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(MODELS_ENTRY));
            zip.write(String.join("\n", modelClasses).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> entry : classFiles.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey().replace('.', '/') + CLASS_SUFFIX));
                zip.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not a zip written by {@link #toZip()} */
    static GeneratedRules fromZip(byte[] zipped) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals(MODELS_ENTRY)) {
                    models = new String(content, StandardCharsets.UTF_8).lines().toList();
                } else if (entry.getName().endsWith(CLASS_SUFFIX)) {
                    classes.put(binaryName(entry.getName()), content);
                }
            }
        }
        if (models == null || models.isEmpty() || !classes.keySet().containsAll(models)) {
            throw new IOException("not a complete set of generated rules");
        }
        return new GeneratedRules(classes, models);
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - CLASS_SUFFIX.length()).replace('/', '.');
    }

    /**
     * Defines the generated classes on first use; everything else comes from the fact model's loader. A generated
     * class is defined without asking the parent first: the parent does not have it, and on a class path of many
     * jars (a test run's, an IDE's) asking costs a look into every jar, for each of a unit's hundreds of classes.
     */
    private static final class GeneratedClassLoader extends ClassLoader {
        private final Map<String, byte[]> classFiles;

        GeneratedClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
            super(parent);
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!classFiles.containsKey(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classFiles.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
