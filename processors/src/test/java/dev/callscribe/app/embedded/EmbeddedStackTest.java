package dev.callscribe.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.avro.AudioChunk;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.RegistryClientConfig;
import dev.callscribe.schemas.registry.RestSchemaRegistryClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker and the registry of {@code run --embedded}, as other processes reach them, across restarts. */
class EmbeddedStackTest {

    private static final EmbeddedSettings FREE_PORTS = EmbeddedSettings.defaults().withFreePorts();

    @Test
    void shouldServeItsRegistryOverHttpBesideTheBroker() {
        // Given a stack with nothing configured but free ports
        try (EmbeddedStack stack = EmbeddedStack.start(FREE_PORTS);
             RestSchemaRegistryClient client = client(stack)) {
            // When a client of its registry registers a schema
            int id = client.register("calls.audio-value", AudioChunk.getClassSchema());

            // Then the registry answers over HTTP on loopback, and the broker's address is a loopback one too
            assertThat(stack.registryUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(stack.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(client.getSchemaById(id)).isEqualTo(AudioChunk.getClassSchema());
            assertThat(stack.isTemporary()).isTrue();
        }
    }

    @Test
    void shouldDeleteATemporaryDataDirectoryWhenClosed() {
        // Given
        EmbeddedStack stack = EmbeddedStack.start(FREE_PORTS);
        Path directory = stack.dataDirectory();

        // When
        stack.close();
        stack.close();

        // Then
        assertThat(directory).doesNotExist();
    }

    @Test
    void shouldComeBackOnTheSamePortsWithTopicsAndSchemaIdsWhenGivenADataDirectory(@TempDir Path dataDir)
            throws Exception {
        // Given a stack on fixed ports keeping its data, with a topic and a registered schema, stopped
        EmbeddedSettings settings = new EmbeddedSettings("127.0.0.1", "", freePort(), freePort(),
                Optional.of(dataDir));
        int id;
        String bootstrap;
        String registryUrl;
        try (EmbeddedStack first = EmbeddedStack.start(settings); RestSchemaRegistryClient client = client(first)) {
            client.register("unrelated-value", Topics.DEAD_LETTER.valueSchema());
            id = client.register("calls.audio-value", AudioChunk.getClassSchema());
            createTopic(first.bootstrapServers(), "kept");
            bootstrap = first.bootstrapServers();
            registryUrl = first.registryUrl();
        }

        // When it starts again with the same settings
        try (EmbeddedStack second = EmbeddedStack.start(settings); RestSchemaRegistryClient client = client(second);
             Admin admin = Admin.create(Map.of("bootstrap.servers", second.bootstrapServers()))) {
            // Then the addresses are the same, the topic is there and the schema has its old id
            assertThat(second.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(second.registryUrl()).isEqualTo(registryUrl);
            assertThat(admin.listTopics().names().get()).contains("kept");
            assertThat(client.getSchemaById(id)).isEqualTo(AudioChunk.getClassSchema());
            assertThat(client.register("calls.audio-value", AudioChunk.getClassSchema())).isEqualTo(id);
            assertThat(second.isTemporary()).isFalse();
        }
        assertThat(dataDir.resolve("registry.json")).isRegularFile();
    }

    @Test
    void shouldStopItsBrokerWhenTheRegistryPortIsTaken() throws Exception {
        // Given a registry port another server holds
        try (ServerSocket taken = new ServerSocket(0)) {
            EmbeddedSettings settings = new EmbeddedSettings("127.0.0.1", "", 0, taken.getLocalPort(),
                    Optional.empty());

            // When / Then the start fails naming the port
            assertThatThrownBy(() -> EmbeddedStack.start(settings))
                    .hasMessageContaining("cannot serve the schema registry on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static RestSchemaRegistryClient client(EmbeddedStack stack) {
        return new RestSchemaRegistryClient(new RegistryClientConfig(Map.of("schema.registry.url",
                stack.registryUrl())));
    }

    private static void createTopic(String bootstrap, String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
