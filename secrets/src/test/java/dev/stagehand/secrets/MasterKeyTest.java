package dev.stagehand.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private static final byte[] AAD = "row-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void isCreatedOnceInAnOwnerOnlyFileAndReadBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/master.key");
        SecretKey first = MasterKey.loadOrCreate(file).derive("purpose");
        SecretKey second = MasterKey.loadOrCreate(file).derive("purpose");

        assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void derivesADifferentKeyForEveryPurpose(@TempDir Path dir) {
        MasterKey master = MasterKey.loadOrCreate(dir.resolve("master.key"));
        assertThat(master.derive("a").getEncoded()).isNotEqualTo(master.derive("b").getEncoded());
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndItsAssociatedData(@TempDir Path dir) {
        SecretKey key = MasterKey.loadOrCreate(dir.resolve("one.key")).derive("p");
        SecretKey otherKey = MasterKey.loadOrCreate(dir.resolve("two.key")).derive("p");
        byte[] sealed = AesGcm.seal(key, "oauth-token".getBytes(StandardCharsets.UTF_8), AAD);

        assertThat(new String(AesGcm.open(key, sealed, AAD), StandardCharsets.UTF_8)).isEqualTo("oauth-token");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("oauth-token");
        assertThatThrownBy(() -> AesGcm.open(otherKey, sealed, AAD))
                .isInstanceOf(SealedValueUnreadableException.class);
        assertThatThrownBy(() -> AesGcm.open(key, sealed, "row-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SealedValueUnreadableException.class);
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ="))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!"))
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void neverPrintsItself() {
        assertThat(MasterKey.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")).hasToString("MasterKey[hidden]");
    }
}
