package dev.callscribe.schemas.registry;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of a Schema Registry client. The names are Confluent's, so a producer or consumer configuration
 * written for Confluent's serdes carries over unchanged.
 */
public class RegistryClientConfig extends AbstractConfig {

    public static final String URL_CONFIG = "schema.registry.url";
    private static final String URL_DOC = "Comma-separated URLs of Schema Registry instances, tried in turn when one "
            + "cannot be reached. 'mock://<scope>' selects an in-memory registry shared by everything in this JVM "
            + "that names the same scope (embedded mode and tests).";

    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_SOURCE_URL = "URL";
    public static final String BASIC_AUTH_SOURCE_USER_INFO = "USER_INFO";
    private static final String BASIC_AUTH_CREDENTIALS_SOURCE_DOC = "Where the Basic Auth credentials come from: "
            + "URL (user:password@ in schema.registry.url) or USER_INFO (basic.auth.user.info).";

    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    private static final String USER_INFO_DOC = "Basic Auth credentials as user:password, used when "
            + "basic.auth.credentials.source is USER_INFO. Never logged.";

    public static final String LEGACY_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    private static final String LEGACY_USER_INFO_DOC = "Deprecated spelling of basic.auth.user.info, accepted for "
            + "configurations written for older Confluent serdes.";

    public static final String HTTP_CONNECT_TIMEOUT_MS_CONFIG = "http.connect.timeout.ms";
    private static final String HTTP_CONNECT_TIMEOUT_MS_DOC = "Timeout for opening a connection to the registry.";

    public static final String HTTP_READ_TIMEOUT_MS_CONFIG = "http.read.timeout.ms";
    private static final String HTTP_READ_TIMEOUT_MS_DOC = "Timeout for the registry's answer to one request.";

    public static final String MAX_RETRIES_CONFIG = "max.retries";
    private static final String MAX_RETRIES_DOC = "Retries of a request that failed to connect, timed out, or got a "
            + "server error (5xx, 408, 429). Client errors (4xx) are not retried.";

    public static final String RETRIES_WAIT_MS_CONFIG = "retries.wait.ms";
    private static final String RETRIES_WAIT_MS_DOC = "Wait before the first retry; it doubles with each retry, "
            + "with jitter that may shorten it.";

    public static final String RETRIES_MAX_WAIT_MS_CONFIG = "retries.max.wait.ms";
    private static final String RETRIES_MAX_WAIT_MS_DOC = "Upper bound of the wait before any retry.";

    public static final String MAX_SCHEMAS_PER_SUBJECT_CONFIG = "max.schemas.per.subject";
    private static final String MAX_SCHEMAS_PER_SUBJECT_DOC = "Maximum number of schema ids and subject lookups "
            + "cached locally; each id is fetched from the registry once.";

    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = SSL_PREFIX + "truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = SSL_PREFIX + "truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = SSL_PREFIX + "truststore.type";
    public static final String SSL_KEYSTORE_LOCATION_CONFIG = SSL_PREFIX + "keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD_CONFIG = SSL_PREFIX + "keystore.password";
    public static final String SSL_KEYSTORE_TYPE_CONFIG = SSL_PREFIX + "keystore.type";
    public static final String SSL_KEY_PASSWORD_CONFIG = SSL_PREFIX + "key.password";

    public static final String DEFAULT_BASIC_AUTH_CREDENTIALS_SOURCE = BASIC_AUTH_SOURCE_URL;
    public static final int DEFAULT_HTTP_CONNECT_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_HTTP_READ_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_RETRIES_WAIT_MS = 1_000;
    public static final int DEFAULT_RETRIES_MAX_WAIT_MS = 20_000;
    public static final int DEFAULT_MAX_SCHEMAS_PER_SUBJECT = 1_000;
    public static final String DEFAULT_STORE_TYPE = "JKS";

    /** Every key of this config; serde configs extend it. */
    public static final ConfigDef CONFIG_DEF = configDef();

    public RegistryClientConfig(Map<?, ?> originals) {
        this(CONFIG_DEF, originals);
    }

    /** For configs that extend {@link #CONFIG_DEF} with keys of their own. */
    protected RegistryClientConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
        if (getList(URL_CONFIG).isEmpty()) {
            throw new ConfigException(URL_CONFIG, "", "Missing required configuration: no registry URL given");
        }
    }

    /** The registry URLs, as given. */
    public List<String> urls() {
        return getList(URL_CONFIG);
    }

    /** The credentials for {@code USER_INFO}, from the current or the deprecated key; null when neither is set. */
    public Password userInfo() {
        Password current = getPassword(USER_INFO_CONFIG);
        return current != null ? current : getPassword(LEGACY_USER_INFO_CONFIG);
    }

    /** Whether the credentials come from the URL's user info rather than {@link #USER_INFO_CONFIG}. */
    public boolean credentialsFromUrl() {
        return BASIC_AUTH_SOURCE_URL.equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG));
    }

    /** The retry settings. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(getInt(MAX_RETRIES_CONFIG), getInt(RETRIES_WAIT_MS_CONFIG),
                getInt(RETRIES_MAX_WAIT_MS_CONFIG));
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef()
                .define(URL_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, URL_DOC)
                .define(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING, DEFAULT_BASIC_AUTH_CREDENTIALS_SOURCE,
                        ValidString.in(BASIC_AUTH_SOURCE_URL, BASIC_AUTH_SOURCE_USER_INFO), Importance.MEDIUM,
                        BASIC_AUTH_CREDENTIALS_SOURCE_DOC)
                .define(USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, USER_INFO_DOC)
                .define(LEGACY_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.LOW, LEGACY_USER_INFO_DOC)
                .define(HTTP_CONNECT_TIMEOUT_MS_CONFIG, Type.INT, DEFAULT_HTTP_CONNECT_TIMEOUT_MS,
                        ConfigDef.Range.atLeast(1), Importance.LOW, HTTP_CONNECT_TIMEOUT_MS_DOC)
                .define(HTTP_READ_TIMEOUT_MS_CONFIG, Type.INT, DEFAULT_HTTP_READ_TIMEOUT_MS,
                        ConfigDef.Range.atLeast(1), Importance.LOW, HTTP_READ_TIMEOUT_MS_DOC)
                .define(MAX_RETRIES_CONFIG, Type.INT, DEFAULT_MAX_RETRIES, ConfigDef.Range.atLeast(0),
                        Importance.LOW, MAX_RETRIES_DOC)
                .define(RETRIES_WAIT_MS_CONFIG, Type.INT, DEFAULT_RETRIES_WAIT_MS, ConfigDef.Range.atLeast(0),
                        Importance.LOW, RETRIES_WAIT_MS_DOC)
                .define(RETRIES_MAX_WAIT_MS_CONFIG, Type.INT, DEFAULT_RETRIES_MAX_WAIT_MS,
                        ConfigDef.Range.atLeast(0), Importance.LOW, RETRIES_MAX_WAIT_MS_DOC)
                .define(MAX_SCHEMAS_PER_SUBJECT_CONFIG, Type.INT, DEFAULT_MAX_SCHEMAS_PER_SUBJECT,
                        ConfigDef.Range.atLeast(1), Importance.LOW, MAX_SCHEMAS_PER_SUBJECT_DOC);
        return defineSsl(def);
    }

    private static ConfigDef defineSsl(ConfigDef def) {
        return def
                .define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.MEDIUM,
                        "Trust store with the certificates of the registry's CA, for https URLs; "
                                + "unset uses the JVM's default trust store.")
                .define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of the trust store.")
                .define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, DEFAULT_STORE_TYPE, Importance.LOW,
                        "Format of the trust store (JKS or PKCS12).")
                .define(SSL_KEYSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.MEDIUM,
                        "Key store with this client's certificate, for registries that require mutual TLS.")
                .define(SSL_KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                        "Password of the key store.")
                .define(SSL_KEYSTORE_TYPE_CONFIG, Type.STRING, DEFAULT_STORE_TYPE, Importance.LOW,
                        "Format of the key store (JKS or PKCS12).")
                .define(SSL_KEY_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
                        "Password of the private key in the key store, if it differs from the store's.");
    }
}
