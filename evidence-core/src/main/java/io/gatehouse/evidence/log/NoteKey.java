package io.gatehouse.evidence.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key of a C2SP signed note, with the JDK's Ed25519. Its text forms are the ones Go's
 * golang.org/x/mod/sumdb/note and every C2SP tool read:
 * <ul>
 *   <li>verifier key: {@code <name>+<8 hex digits of key hash>+<base64 of 0x01 and the 32-byte public key>};</li>
 *   <li>signer key: {@code PRIVATE+KEY+<name>+<8 hex digits>+<base64 of 0x01 and the 32-byte seed>}.</li>
 * </ul>
 * The key hash is SHA-256 of the name, a newline, 0x01 and the public key; its first four bytes are the key id that
 * starts every signature.
 */
public final class NoteKey {

    private static final byte ED25519 = 0x01;
    private static final String SIGNER_PREFIX = "PRIVATE+KEY+";
    /** DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key (RFC 8410). */
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final HexFormat HEX = HexFormat.of();

    private final String name;
    private final byte[] publicKey;
    private final PublicKey verifier;
    private final PrivateKey signer;
    private final byte[] seed;

    private NoteKey(String name, byte[] publicKey, PublicKey verifier, PrivateKey signer, byte[] seed) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a key name is not empty and has no '+' or white space: " + name);
        }
        this.name = name;
        this.publicKey = publicKey;
        this.verifier = verifier;
        this.signer = signer;
        this.seed = seed;
    }

    /** A new signing key. */
    public static NoteKey generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return fromSeed(name, seed);
    }

    /** A signing key from its signer-key text. */
    public static NoteKey parseSigner(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith(SIGNER_PREFIX)) {
            throw new IllegalArgumentException("a signer key starts with " + SIGNER_PREFIX);
        }
        String[] parts = trimmed.substring(SIGNER_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signer key is PRIVATE+KEY+<name>+<hash>+<key>");
        }
        byte[] key = decodeKey(parts[2]);
        NoteKey signer = fromSeed(parts[0], key);
        if (!signer.keyIdHex().equals(parts[1])) {
            throw new IllegalArgumentException("the signer key's hash " + parts[1] + " does not match its key");
        }
        return signer;
    }

    /** A key that only verifies, from its verifier-key text. */
    public static NoteKey parseVerifier(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<hash>+<key>");
        }
        byte[] key = decodeKey(parts[2]);
        NoteKey verifier = new NoteKey(parts[0], key, publicKeyOf(key), null, null);
        if (!verifier.keyIdHex().equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash " + parts[1] + " does not match its key");
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    /** The first four bytes of the key hash. */
    public byte[] keyId() {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] hashed = Arrays.copyOf(nameBytes, nameBytes.length + 2 + 32);
        hashed[nameBytes.length] = '\n';
        hashed[nameBytes.length + 1] = ED25519;
        System.arraycopy(publicKey, 0, hashed, nameBytes.length + 2, 32);
        return Arrays.copyOf(HEX.parseHex(HashChain.sha256(hashed)), 4);
    }

    public String keyIdHex() {
        return HEX.formatHex(keyId());
    }

    public String verifierKey() {
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed(publicKey));
    }

    /** The signer-key text: secret, kept under .gatehouse/ locally and in a secret store in production. */
    public String signerKey() {
        requireSigner();
        return SIGNER_PREFIX + name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed(seed));
    }

    public boolean canSign() {
        return signer != null;
    }

    /** The Ed25519 signature of {@code message}: deterministic (RFC 8032), the same bytes every time. */
    public byte[] sign(byte[] message) {
        requireSigner();
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signer);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }

    public boolean verify(byte[] message, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(verifier);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }

    /** The same key without its secret half. */
    public NoteKey verifierOnly() {
        return new NoteKey(name, publicKey, verifier, null, null);
    }

    private static NoteKey fromSeed(String name, byte[] seed) {
        try {
            // The JDK derives an Ed25519 key pair from the 32 bytes its generator draws: handing it the seed rebuilds the pair.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            return new NoteKey(name, raw, pair.getPublic(), pair.getPrivate(), seed.clone());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }

    private static PublicKey publicKeyOf(byte[] raw) {
        byte[] encoded = Arrays.copyOf(X509_ED25519_PREFIX, X509_ED25519_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the key is not an Ed25519 key (0x01 and 32 bytes)");
        }
        return Arrays.copyOfRange(typed, 1, 33);
    }

    private static byte[] typed(byte[] key) {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(key, 0, typed, 1, 32);
        return typed;
    }

    private void requireSigner() {
        if (signer == null) {
            throw new IllegalStateException("key " + name + " verifies only; it has no private half");
        }
    }

    /** A random source that yields one fixed seed. */
    private static final class FixedBytes extends SecureRandom {

        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("the Ed25519 generator draws " + bytes.length + " bytes, not " + out.length);
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
