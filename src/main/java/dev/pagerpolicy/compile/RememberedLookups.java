package dev.pagerpolicy.compile;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fact model's class loader as Drools' compiler sees it: every resource it looked up, found or not, and every
 * class it did not find, remembered. The Java compiler inside Drools asks the class loader for each name a rule file
 * may mean (a class of each imported package, a package of that name) and most answers are "no such thing"; a class
 * loader over a class path of many jars (a test run's, an IDE's) looks into every jar for each of them, compile after
 * compile. The jars do not change while the process runs, so neither do the answers. Defines no class itself: a
 * class found is the parent's, the same object the rules see at run time.
 */
final class RememberedLookups extends ClassLoader {
    private final Map<String, Optional<URL>> resources = new ConcurrentHashMap<>();
    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();

    RememberedLookups(ClassLoader parent) {
        super(parent);
    }

    @Override
    public URL getResource(String name) {
        return resources.computeIfAbsent(name, n -> Optional.ofNullable(getParent().getResource(n))).orElse(null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException notThere) {
            missingClasses.add(name);
            throw notThere;
        }
    }
}
