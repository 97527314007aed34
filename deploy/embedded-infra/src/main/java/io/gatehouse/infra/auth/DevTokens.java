package io.gatehouse.infra.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development identities: an RSA key pair kept in a directory of the local stack, and RS256 bearer tokens signed
 * with it for a named person and roles (the {@code groups} claim). Services verify tokens with the public key;
 * in production they are given the public key of the organisation's identity provider instead.
 *
 * <p>{@code DevTokens --keys DIR --name NAME --roles ROLE[,ROLE] [--hours N]} prints a token;
 * {@code DevTokens --keys DIR} only makes sure the key pair exists.
 */
public final class DevTokens {

    public static final String ISSUER = "gatehouse-local";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    private static final String PRIVATE_KEY_FILE = "private.pem";

    private DevTokens() {
    }

    public static void main(String[] args) {
        Path keys = null;
        String name = null;
        String roles = null;
        long hours = 8;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = Path.of(args[i + 1]);
                case "--name" -> name = args[i + 1];
                case "--roles" -> roles = args[i + 1];
                case "--hours" -> hours = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: DevTokens --keys DIR --name NAME --roles ROLE[,ROLE] [--hours N]");
            }
        }
        if (keys == null || (name == null) != (roles == null)) {
            throw new IllegalArgumentException("usage: DevTokens --keys DIR [--name NAME --roles ROLE[,ROLE] [--hours N]]");
        }
        PrivateKey key = ensureKeys(keys);
        if (name != null) {
            System.out.println(mint(key, name, Set.of(roles.split(",")), Duration.ofHours(hours)));
        }
    }

    /** The private key under {@code dir}, generating a new key pair there first if there is none. */
    public static PrivateKey ensureKeys(Path dir) {
        try {
            Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(privateKey)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String base64 = Files.readAllLines(privateKey).stream().filter(l -> !l.startsWith("-----")).collect(Collectors.joining());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep development keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create or read the development key in " + dir, e);
        }
    }

    /** A signed token naming {@code person} (upn and sub) with {@code roles}, valid for {@code ttl}. */
    public static String mint(PrivateKey key, String person, Set<String> roles, Duration ttl) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(ISSUER) + ",\"sub\":" + json(person) + ",\"upn\":" + json(person)
                + ",\"groups\":[" + new TreeSet<>(roles).stream().map(DevTokens::json).collect(Collectors.joining(",")) + "]"
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
