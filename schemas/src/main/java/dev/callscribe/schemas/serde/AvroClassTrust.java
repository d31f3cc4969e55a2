package dev.callscribe.schemas.serde;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro instantiate callscribe's generated record classes.
 *
 * <p>Avro 1.12.2 refuses to load a class named by a schema unless its package is trusted (a guard against schemas
 * from untrusted sources naming arbitrary classes), and generated classes are refused by default. The serdes call
 * {@link #install()} themselves; code that uses the generated classes directly with Avro's own API, say
 * {@code AudioChunk.fromByteBuffer}, calls it first or sets {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}. Only
 * {@value #TRUSTED_PACKAGE} is added: other trust settings stay as they were.
 */
public final class AvroClassTrust {

    /** The package of the classes generated from callscribe's schemas. */
    public static final String TRUSTED_PACKAGE = "dev.callscribe.avro";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private AvroClassTrust() {
    }

    /** Adds {@value #TRUSTED_PACKAGE} to Avro's trusted classes. Idempotent and thread-safe. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            ClassSecurityPredicate callscribeClasses = type -> TRUSTED_PACKAGE.equals(type.getPackageName());
            ClassSecurityValidator.setGlobal(
                    ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), callscribeClasses));
        }
    }
}
