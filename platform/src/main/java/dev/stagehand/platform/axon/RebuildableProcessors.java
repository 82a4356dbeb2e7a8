package dev.stagehand.platform.axon;

/** Which event processors can be rebuilt beside their tables; the query side knows, being where read models live. */
public interface RebuildableProcessors {

    boolean rebuildable(String processor);
}
