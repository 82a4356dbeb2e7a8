package dev.stagehand.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sender's pseudonym: the same in a room on every node, another in another room, and never the id itself. */
class PseudonymsTest {

    @Test
    void anIdHasOnePseudonymPerScopeUnderOneMasterKey(@TempDir Path dir) {
        Pseudonyms node = new Pseudonyms(MasterKey.loadOrCreate(dir.resolve("master.key")));
        Pseudonyms otherNode = new Pseudonyms(MasterKey.loadOrCreate(dir.resolve("master.key")));

        String inLounge = node.of("skibidi-lounge", "account-1");
        assertThat(inLounge).matches("[A-Za-z0-9_-]{16}").doesNotContain("account-1");
        assertThat(otherNode.of("skibidi-lounge", "account-1")).isEqualTo(inLounge);
        assertThat(node.of("pirate-cove", "account-1")).isNotEqualTo(inLounge);
        assertThat(node.of("skibidi-lounge", "account-2")).isNotEqualTo(inLounge);
    }

    @Test
    void anotherDeploymentsPseudonymsDiffer(@TempDir Path dir) {
        Pseudonyms one = new Pseudonyms(MasterKey.loadOrCreate(dir.resolve("one.key")));
        Pseudonyms two = new Pseudonyms(MasterKey.loadOrCreate(dir.resolve("two.key")));

        assertThat(one.of("skibidi-lounge", "account-1")).isNotEqualTo(two.of("skibidi-lounge", "account-1"));
    }
}
