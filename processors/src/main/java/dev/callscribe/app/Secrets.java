package dev.callscribe.app;

import dev.callscribe.schemas.serde.AvroSerdeConfig;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Which configuration values must never be logged, and how they are shown instead. A key is secret when Kafka's
 * clients, Kafka Streams, the Avro serdes or callscribe declare it as a password (for example
 * {@code ssl.key.password}, {@code sasl.jaas.config}, {@code basic.auth.user.info}), also behind a prefix such as
 * {@code producer.} or {@code main.consumer.}, or when its name contains {@code password} or {@code secret}.
 * Credentials written into a URL ({@code https://user:pass@host}) are masked in any value.
 */
public final class Secrets {

    /** What a secret value is shown as. */
    public static final String MASK = "[hidden]";

    private static final Set<String> WORDS = Set.of("password", "secret");
    private static final Set<String> DECLARED = declaredSecrets();
    private static final Pattern URL_CREDENTIALS = Pattern.compile("://[^/@\\s,]+@");

    private Secrets() {
    }

    /** Whether the value of this key is a secret. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (WORDS.stream().anyMatch(lower::contains)) {
            return true;
        }
        return DECLARED.stream().anyMatch(name -> lower.equals(name) || lower.endsWith("." + name));
    }

    /** The value as it may be logged: {@link #MASK} for a secret key, else the value with URL credentials masked. */
    public static String masked(String key, String value) {
        if (isSecret(key)) {
            return MASK;
        }
        return value == null ? null : URL_CREDENTIALS.matcher(value).replaceAll("://" + MASK + "@");
    }

    private static Set<String> declaredSecrets() {
        Set<String> names = new HashSet<>();
        for (ConfigDef def : Set.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                AdminClientConfig.configDef(), StreamsConfig.configDef(), AvroSerdeConfig.CONFIG_DEF,
                AppConfig.CONFIG_DEF)) {
            for (ConfigKey key : def.configKeys().values()) {
                if (key.type == Type.PASSWORD) {
                    names.add(key.name);
                }
            }
        }
        // Not typed PASSWORD everywhere, but always a credential.
        names.add("sasl.jaas.config");
        names.add("basic.auth.user.info");
        names.add("bearer.auth.token");
        return Set.copyOf(names);
    }
}
