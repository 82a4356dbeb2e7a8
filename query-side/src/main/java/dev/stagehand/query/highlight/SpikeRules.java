package dev.stagehand.query.highlight;

import dev.stagehand.api.highlight.SpikeRule;
import java.util.Map;

/** The spike rule of every channel: its broadcaster's own, or the deployment's default. */
record SpikeRules(SpikeRule defaultRule, Map<String, SpikeRule> ownRules) {

    SpikeRules {
        ownRules = Map.copyOf(ownRules);
    }

    static SpikeRules allDefault(SpikeRule rule) {
        return new SpikeRules(rule, Map.of());
    }

    SpikeRule of(String channelId) {
        return ownRules.getOrDefault(channelId, defaultRule);
    }
}
