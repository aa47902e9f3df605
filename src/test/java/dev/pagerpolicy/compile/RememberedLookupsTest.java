package dev.pagerpolicy.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagerpolicy.alert.Alert;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Drools' compiler sees of the fact model: the parent's answers, each looked up once. */
class RememberedLookupsTest {
    /** A parent that counts what it is asked. */
    private static final class Counting extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Counting() {
            super(RememberedLookupsTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            asked.add(name);
            return super.getResource(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void aClassFoundIsTheParentsOwnAndAClassMissingIsAskedForOnce() throws Exception {
        Counting parent = new Counting();
        RememberedLookups lookups = new RememberedLookups(parent);

        assertThat(lookups.loadClass(Alert.class.getName())).isSameAs(Alert.class);
        assertThrows(ClassNotFoundException.class, () -> lookups.loadClass("rules.Alert"));
        assertThrows(ClassNotFoundException.class, () -> lookups.loadClass("rules.Alert"));

        assertThat(parent.asked).containsOnlyOnce("rules.Alert");
    }

    @Test
    void aResourceFoundOrNotIsLookedUpOnce() {
        Counting parent = new Counting();
        RememberedLookups lookups = new RememberedLookups(parent);
        String present = Alert.class.getName().replace('.', '/') + ".class";

        assertThat(lookups.getResource(present)).isEqualTo(parent.getParent().getResource(present));
        assertThat(lookups.getResource(present)).isNotNull();
        assertThat(lookups.getResource("rules/Alert.class")).isNull();
        assertThat(lookups.getResourceAsStream("rules/Alert.class")).isNull();

        assertThat(parent.asked).containsExactly(present, "rules/Alert.class");
    }
}
