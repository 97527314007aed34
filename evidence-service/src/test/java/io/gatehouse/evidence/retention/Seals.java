package io.gatehouse.evidence.retention;

import io.gatehouse.evidence.log.HashChain;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sealed bundles written straight into the tables sealing fills (sealed_bundle, evidence_blob), so that retention is
 * tested on its own, at any seal date.
 */
final class Seals {

    static final int RELEASE = 14;
    static final int INCIDENT = 17;

    /** One seal as written. */
    record Seal(String subject, int seal, int protocol, String triggerEventId, byte[] bytes, String sha256, Instant sealedAt) {
    }

    private final DataSource dataSource;

    Seals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bytes that stand for a bundle: unique to {@code label}, so no two tests share a digest by chance. */
    static byte[] bundleBytes(String label) {
        return ("PK bundle of " + label + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    Seal seal(String subject, int seal, int protocol, Instant sealedAt, byte[] bytes) {
        String sha256 = HashChain.sha256(bytes);
        String triggerEventId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement blob = connection.prepareStatement("insert into evidence_blob (sha256, bytes) values (?, ?) on conflict do nothing");
             PreparedStatement row = connection.prepareStatement("insert into sealed_bundle (subject, seal, protocol, trigger_event_id,"
                     + " trigger_leaf_index, tree_size, bundle_name, bundle_sha256, size_bytes, sealed_at) values (?, ?, ?, ?, 0, 1, ?, ?, ?, ?)")) {
            blob.setString(1, sha256);
            blob.setBytes(2, bytes);
            blob.executeUpdate();
            row.setString(1, subject);
            row.setInt(2, seal);
            row.setInt(3, protocol);
            row.setString(4, triggerEventId);
            row.setString(5, protocol == RELEASE ? "PRE-DEPLOYMENT-PACKAGE.zip" : "INCIDENT-EVIDENCE-BUNDLE.zip");
            row.setString(6, sha256);
            row.setLong(7, bytes.length);
            row.setTimestamp(8, Timestamp.from(sealedAt));
            row.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Seal(subject, seal, protocol, triggerEventId, bytes, sha256, sealedAt);
    }

    /** The bytes in the active store under this digest, if any. */
    Optional<byte[]> activeBlob(String sha256) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select bytes from evidence_blob where sha256 = ?")) {
            select.setString(1, sha256);
            ResultSet result = select.executeQuery();
            return result.next() ? Optional.of(result.getBytes(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void replaceActiveBlob(String sha256, byte[] bytes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update evidence_blob set bytes = ? where sha256 = ?")) {
            update.setBytes(1, bytes);
            update.setString(2, sha256);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many actions of this kind are recorded for the seal. */
    int actionsRecorded(Seal seal, CleanupAction.Kind kind) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from retention_action where subject = ? and seal = ? and action = ?")) {
            select.setString(1, seal.subject());
            select.setInt(2, seal.seal());
            select.setString(3, kind.name());
            ResultSet result = select.executeQuery();
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
