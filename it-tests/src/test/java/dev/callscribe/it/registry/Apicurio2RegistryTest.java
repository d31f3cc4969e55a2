package dev.callscribe.it.registry;

import dev.callscribe.it.support.ApicurioRegistryExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The registry contract against Apicurio Registry 2.x's Confluent-compatible API. */
class Apicurio2RegistryTest extends RegistryContractTests {

    @RegisterExtension
    static final ApicurioRegistryExtension APICURIO = ApicurioRegistryExtension.v2();

    @Override
    String registryUrl() {
        return APICURIO.registry().ccompatUrl();
    }
}
