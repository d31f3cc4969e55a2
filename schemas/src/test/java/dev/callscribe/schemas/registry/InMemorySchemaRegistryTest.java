package dev.callscribe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callscribe.schemas.SampleRecords;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private static final String SCOPE = InMemorySchemaRegistryTest.class.getSimpleName();

    private final InMemorySchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void shouldGiveTheSameSchemaTheSameIdInEverySubject() {
        int first = registry.register("a-value", SampleRecords.callV1());
        int again = registry.register("a-value", SampleRecords.callV1());
        int elsewhere = registry.register("b-value", SampleRecords.callV1());

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(registry.getVersions("a-value")).containsExactly(1);
    }

    @Test
    void shouldCountVersionsPerSubjectAndKeepThemInOrder() {
        int v1 = registry.register("calls-value", SampleRecords.callV1());
        int v2 = registry.register("calls-value", SampleRecords.callV2());

        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.getVersions("calls-value")).containsExactly(1, 2);
        assertThat(registry.getLatest("calls-value")).isEqualTo(
                new RegisteredSchema("calls-value", 2, v2, SampleRecords.callV2()));
        assertThat(registry.getVersion("calls-value", 1).schema()).isEqualTo(SampleRecords.callV1());
        assertThat(registry.getId("calls-value", SampleRecords.callV1())).isEqualTo(v1);
    }

    @Test
    void shouldRejectABackwardIncompatibleSchemaByDefault() {
        registry.register("calls-value", SampleRecords.callV1());

        assertThatThrownBy(() -> registry.register("calls-value", SampleRecords.callWithRequiredAgent()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("calls-value")
                .hasMessageContaining("agentId");
        assertThat(registry.testCompatibility("calls-value", SampleRecords.callWithRequiredAgent()).compatible())
                .isFalse();
        assertThat(registry.testCompatibility("calls-value", SampleRecords.callV2()).compatible()).isTrue();
    }

    @Test
    void shouldAcceptAnyChangeUnderCompatibilityNone() {
        registry.register("calls-value", SampleRecords.callV1());
        registry.setCompatibility("calls-value", CompatibilityLevel.NONE);

        registry.register("calls-value", SampleRecords.callWithRequiredAgent());

        assertThat(registry.getVersions("calls-value")).containsExactly(1, 2);
        assertThat(registry.getCompatibility("other-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
        registry.register("plain-value", SampleRecords.callV1());
        registry.register("plain-value", SampleRecords.callV2());
        registry.setCompatibility("strict-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
        registry.register("strict-value", SampleRecords.callV1());
        registry.register("strict-value", SampleRecords.callV2());

        registry.register("plain-value", SampleRecords.callV3());

        assertThat(registry.getVersions("plain-value")).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> registry.register("strict-value", SampleRecords.callV3()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("queue");
    }

    @Test
    void shouldKeepIdsResolvableAfterASubjectIsDeleted() {
        int id = registry.register("calls-value", SampleRecords.callV1());

        assertThat(registry.deleteSubject("calls-value")).containsExactly(1);

        assertThat(registry.getSubjects()).isEmpty();
        assertThat(registry.getSchemaById(id)).isEqualTo(SampleRecords.callV1());
        assertThatThrownBy(() -> registry.getLatest("calls-value")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldIsolateScopesAndStartEmptyAfterADrop() {
        registry.register("calls-value", SampleRecords.callV1());

        assertThat(MockSchemaRegistry.forScope(SCOPE + "-other").getSubjects()).isEmpty();
        MockSchemaRegistry.dropScope(SCOPE);
        assertThat(MockSchemaRegistry.forScope(SCOPE).getSubjects()).isEmpty();
        MockSchemaRegistry.dropScope(SCOPE + "-other");
    }

    @Test
    void shouldBeWhatAMockUrlSelects() {
        SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://" + SCOPE));

        assertThat(client).isSameAs(registry);
    }

    @Test
    void shouldNameTheUnknownIdInItsError() {
        assertThatThrownBy(() -> registry.getSchemaById(42))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Schema id 42")
                .extracting(e -> ((NotFoundException) e).errorCode()).isEqualTo(NotFoundException.SCHEMA_NOT_FOUND);
    }
}
