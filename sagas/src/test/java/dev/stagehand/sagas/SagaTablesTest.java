package dev.stagehand.sagas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sagas and their adapters keep their own tables (db/sagas) and never reach into read models: what they need of a
 * read model they ask through the query bus, so that a rebuild, a new schema or another node's projection cannot pull
 * the floor from under them. This reads every SQL statement in the module's sources.
 */
class SagaTablesTest {

    private static final Pattern CREATED = Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USED = Pattern.compile("\\b(?:FROM|INTO|(?<!DO )UPDATE|JOIN)\\s+(\\w+)");

    @Test
    void sagasTouchOnlyTheTablesTheirOwnMigrationsCreate() throws IOException {
        Set<String> own = matches(Path.of("src/main/resources/db/sagas"), ".sql", CREATED);
        Set<String> used = matches(Path.of("src/main/java"), ".java", USED);
        assertThat(own).isNotEmpty();
        assertThat(used).isNotEmpty().isSubsetOf(own);
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1).toLowerCase());
                }
            }
        }
        return names;
    }
}
