package org.ecx.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.ecx.common.EcxConfig;
import org.jboss.logging.Logger;

/**
 * The audit chain's keys, from configuration (never from the database): the HMAC key of the chain and the
 * Ed25519 key that signs checkpoints of its head (ADR 0007, docs/security-model.md).
 */
@ApplicationScoped
class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class);

    private final AuditChain chain;
    private final PrivateKey signingKey;
    private final PublicKey publicKey;
    private final String keyId;

    @Inject
    public AuditKeys(EcxConfig config) {
        try {
            this.chain = new AuditChain(Base64.getDecoder().decode(config.audit().hashKey().trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ecx.audit.hash-key must be base64 of at least 32 bytes", e);
        }
        try {
            if (config.audit().signingKey().isPresent()) {
                KeyFactory kf = KeyFactory.getInstance("Ed25519");
                this.signingKey = kf.generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(config.audit().signingKey().get().trim())));
                this.publicKey = publicOf(signingKey);
            } else {
                var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                LOG.warn("ecx.audit.signing-key is not set: audit checkpoints are signed with a key generated for"
                        + " this run only");
                this.signingKey = pair.getPrivate();
                this.publicKey = pair.getPublic();
            }
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(publicKey.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("ecx.audit.signing-key must be an Ed25519 private key, PKCS#8, base64", e);
        }
    }

    public AuditChain chain() {
        return chain;
    }

    public String keyId() {
        return keyId;
    }

    /** The checkpoint public key, X.509 SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The text a checkpoint signature covers. */
    public static String checkpointText(long seq, String hash, Instant at) {
        return "ecx-audit-checkpoint\n" + seq + "\n" + hash + "\n" + at;
    }

    /**
     * The text a checkpoint signature served to a state's auditor covers: the head's hash and time, not its sequence
     * number (which counts the whole federation's events).
     */
    public static String headText(String hash, Instant at) {
        return "ecx-audit-head\n" + hash + "\n" + at;
    }

    String sign(long seq, String hash, Instant at) {
        return sign(checkpointText(seq, hash, at));
    }

    String signHead(String hash, Instant at) {
        return sign(headText(hash, at));
    }

    private String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signingKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(long seq, String hash, Instant at, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(checkpointText(seq, hash, at).getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        // The JDK derives no public key from an EdDSA private key directly: sign-free route via the key's seed
        var edKey = (java.security.interfaces.EdECPrivateKey) key;
        byte[] seed = edKey.getBytes().orElseThrow();
        var generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedRandom(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** Hands the key's seed to the key-pair generator, which derives the same pair from it. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
