package dev.stagehand.query.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection's tables rebuilt beside the live ones: a schema of their own holding tables of the same shape (columns,
 * defaults, checks, indexes, keys). The projection writes them when the transaction's search path puts the schema
 * first ({@link #write()}); {@link #diff()} compares them with the live ones, {@link #swapIn()} makes them the live
 * ones. Every method runs in the caller's transaction.
 */
final class ShadowTables {


    private static final int SAMPLES = 10;

    private final JdbcClient jdbc;
    private final String schema;
    private final List<String> tables;

    ShadowTables(JdbcClient jdbc, String processor, List<String> tables) {
        this.jdbc = jdbc;
        this.schema = "rebuild_" + processor.replaceAll("[^a-z0-9]", "_");
        this.tables = tables;
    }

    String schema() {
        return schema;
    }

    void create() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        execute("CREATE SCHEMA " + schema);
        for (String table : tables) {
            execute("CREATE TABLE " + schema + "." + table + " (LIKE public." + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY)");
            // The same indexes under the same names, so that the tables keep their names once swapped in.
            jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = :table")
                .param("table", table).query(String.class).list()
                .forEach(index -> execute(index.replace(" ON public." + table + " ", " ON " + schema + "." + table
                        + " ")));
            jdbc.sql("""
                    SELECT c.conname, i.relname AS index, c.contype FROM pg_constraint c
                    JOIN pg_class i ON i.oid = c.conindid
                    WHERE c.conrelid = CAST(:table AS regclass) AND c.contype IN ('p', 'u')""")
                .param("table", "public." + table).query().listOfRows()
                .forEach(key -> execute("ALTER TABLE " + schema + "." + table + " ADD CONSTRAINT " + key.get("conname")
                        + ("p".equals(String.valueOf(key.get("contype"))) ? " PRIMARY KEY" : " UNIQUE")
                        + " USING INDEX " + key.get("index")));
        }
        // Foreign keys among the tables, between the rebuilt ones: a projection may count on their cascades.
        foreignKeys("conrelid = ANY (CAST(:tables AS regclass[])) AND confrelid = ANY (CAST(:tables AS regclass[]))")
                .forEach(key -> execute("ALTER TABLE " + schema + "." + key.get("owner") + " ADD CONSTRAINT "
                        + key.get("conname") + " " + qualified(String.valueOf(key.get("definition")))));
    }

    private String qualified(String foreignKey) {
        String definition = foreignKey;
        for (String table : tables) {
            definition = definition.replace("REFERENCES " + table + "(", "REFERENCES " + schema + "." + table + "(");
        }
        return definition;
    }

    private List<Map<String, Object>> foreignKeys(String which) {
        return jdbc.sql("SELECT conrelid::regclass::text AS owner, conname, pg_get_constraintdef(oid) AS definition "
                        + "FROM pg_constraint WHERE contype = 'f' AND " + which)
                   .param("tables", "{" + String.join(",", tables.stream().map(table -> "public." + table).toList())
                           + "}")
                   .query().listOfRows();
    }

    /** Makes the rest of the transaction read and write the rebuilt tables. */
    void write() {
        execute("SET LOCAL search_path TO " + schema + ", public");
    }

    List<TableDiff> diff() {
        execute("SET LOCAL search_path TO public");
        List<TableDiff> diffs = new ArrayList<>();
        for (String table : tables) {
            String keys = String.join(", ", primaryKey(table));
            String rows = "WITH rebuilt AS (SELECT " + keys + ", row_to_json(t)::text AS r FROM " + schema + "." + table
                    + " t), live AS (SELECT " + keys + ", row_to_json(t)::text AS r FROM public." + table + " t) ";
            Map<String, Object> counts = jdbc.sql(rows + """
                    SELECT count(live.r) AS live_rows, count(rebuilt.r) AS rebuilt_rows,
                           count(*) FILTER (WHERE live.r IS NULL) AS added,
                           count(*) FILTER (WHERE rebuilt.r IS NULL) AS removed,
                           count(*) FILTER (WHERE live.r <> rebuilt.r) AS changed
                    FROM rebuilt FULL JOIN live USING (%s)""".formatted(keys)).query().singleRow();
            List<Map<String, String>> samples = jdbc.sql(rows + """
                    SELECT live.r AS live, rebuilt.r AS rebuilt FROM rebuilt FULL JOIN live USING (%s)
                    WHERE live.r IS DISTINCT FROM rebuilt.r LIMIT %d""".formatted(keys, SAMPLES))
                .query((row, i) -> {
                    Map<String, String> sample = new LinkedHashMap<>();
                    sample.put("live", row.getString("live"));
                    sample.put("rebuilt", row.getString("rebuilt"));
                    return sample;
                }).list();
            diffs.add(new TableDiff(table, number(counts, "live_rows"), number(counts, "rebuilt_rows"),
                    number(counts, "added"), number(counts, "removed"), number(counts, "changed"), samples));
        }
        return diffs;
    }

    /**
     * Puts the rebuilt tables in place of the live ones and drops the live ones; other tables' foreign keys to them
     * are made again. The caller holds the live tables locked, so nobody sees anything in between.
     */
    void swapIn() {
        execute("SET LOCAL search_path TO public");
        List<Map<String, Object>> foreignKeys = foreignKeys(
                "NOT conrelid = ANY (CAST(:tables AS regclass[])) AND confrelid = ANY (CAST(:tables AS regclass[]))");
        String retired = schema + "_retired";
        execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
        execute("CREATE SCHEMA " + retired);
        for (String table : tables) {
            execute("ALTER TABLE public." + table + " SET SCHEMA " + retired);
            execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA public");
        }
        execute("DROP SCHEMA " + retired + " CASCADE");
        foreignKeys.forEach(key -> execute("ALTER TABLE " + key.get("owner") + " ADD CONSTRAINT " + key.get("conname")
                + " " + key.get("definition")));
        execute("DROP SCHEMA " + schema);
    }

    void analyze() {
        tables.forEach(table -> execute("ANALYZE " + schema + "." + table));
    }

    void drop() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private List<String> primaryKey(String table) {
        return jdbc.sql("""
                SELECT a.attname FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'p' ORDER BY a.attnum""")
            .param("table", "public." + table).query(String.class).list();
    }

    private void execute(String sql) {
        jdbc.sql(sql).update();
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
