package io.github.qdrantscope.embedded.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two groupings (QueryGroups, SearchGroups) agree: the same group keys in order, each with hits of the
 * same scores; hits may differ only where scores tie.
 */
final class GroupCompare {

    private GroupCompare() {
    }

    @SuppressWarnings("unchecked")
    static Compare.Outcome compare(Ranking ranking, List<Object> engine, List<Object> embedded) {
        if (engine.size() != embedded.size()) {
            return new Compare.Outcome(embedded.size() + " groups, the engine's " + engine.size() + ": " + embedded
                    + " vs " + engine, false);
        }
        for (int g = 0; g < engine.size(); g++) {
            Map<String, Object> e = (Map<String, Object>) engine.get(g);
            Map<String, Object> a = (Map<String, Object>) embedded.get(g);
            List<Map<String, Object>> eh = (List<Map<String, Object>>) e.get("hits");
            List<Map<String, Object>> ah = (List<Map<String, Object>>) a.get("hits");
            if (!Objects.equals(e.get("id"), a.get("id")) || eh.size() != ah.size()) {
                return tiesExplain(ranking, engine, embedded, "group " + g + " is " + a + ", the engine's " + e);
            }
            for (int i = 0; i < eh.size(); i++) {
                if (!ranking.close(Ranking.key(eh.get(i)), Ranking.key(ah.get(i)))) {
                    return new Compare.Outcome("group " + a.get("id") + " hit " + i + ": " + ah.get(i) + " vs the engine's "
                            + eh.get(i), false);
                }
                if (!Objects.equals(eh.get(i).get("id"), ah.get(i).get("id"))) {
                    return tiesExplain(ranking, engine, embedded, "group " + a.get("id") + " hit " + i + ": " + ah.get(i)
                            + " vs the engine's " + eh.get(i));
                }
            }
        }
        return new Compare.Outcome(null, false);
    }

    /**
     * A grouping that differs only where hits tie is one of Qdrant's answers too: both sides' hits are
     * pooled, so a tie between a hit one side took and one the other took shows.
     */
    @SuppressWarnings("unchecked")
    private static Compare.Outcome tiesExplain(Ranking ranking, List<Object> engine, List<Object> embedded,
            String difference) {
        Map<Object, Map<String, Object>> pooled = new HashMap<>(); // by id: a point in both is one hit
        for (Object g : engine) {
            ((List<Map<String, Object>>) ((Map<String, Object>) g).get("hits")).forEach(h -> pooled.put(h.get("id"), h));
        }
        for (Object g : embedded) {
            ((List<Map<String, Object>>) ((Map<String, Object>) g).get("hits")).forEach(h -> pooled.put(h.get("id"), h));
        }
        List<Map<String, Object>> hits = new ArrayList<>(pooled.values());
        hits.sort(Comparator.comparingDouble(h -> -Ranking.key(h)));
        return ranking.hasTies(hits) ? new Compare.Outcome(null, true) : new Compare.Outcome(difference, false);
    }

}
