package dev.stagehand.query.rebuild;

import java.util.List;
import java.util.Map;

/** How one rebuilt table differs from the live one, by primary key, with a few of the differing rows. */
public record TableDiff(String table, long liveRows, long rebuiltRows, long added, long removed, long changed,
                        List<Map<String, String>> samples) {
}
