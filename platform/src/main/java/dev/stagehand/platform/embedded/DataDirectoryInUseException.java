package dev.stagehand.platform.embedded;

import java.nio.file.Path;

public class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path root) {
        super("Another Stagehand instance is already using the data directory " + root
                + ". Stop that instance first, or give this one its own directory with STAGEHAND_DATA_DIR.");
    }
}
