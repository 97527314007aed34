package io.gatehouse.evidence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The active store of sealed bundles, table evidence_blob: each bundle's bytes once, under their SHA-256, however many
 * seals share them. Sealing writes it, the bundle endpoint reads it, retention empties it into the archive.
 */
@ApplicationScoped
public class ActiveBundles {

    private final EntityManager entityManager;

    ActiveBundles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the bytes under their digest, unless a seal stored the same bytes before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(String sha256, byte[] bytes) {
        entityManager.createNativeQuery("insert into evidence_blob (sha256, bytes) values (?1, ?2) on conflict (sha256) do nothing")
                .setParameter(1, sha256).setParameter(2, bytes).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> read(String sha256) {
        return entityManager.createNativeQuery("select bytes from evidence_blob where sha256 = ?1").setParameter(1, sha256)
                .getResultList().stream().findFirst().map(byte[].class::cast);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String sha256) {
        entityManager.createNativeQuery("delete from evidence_blob where sha256 = ?1").setParameter(1, sha256).executeUpdate();
    }
}
