package dev.callscribe.app;

import dev.callscribe.pipeline.PipelineConfig;
import dev.callscribe.schemas.Topic;
import dev.callscribe.schemas.Topics;
import dev.callscribe.schemas.registry.CompatibilityLevel;
import dev.callscribe.schemas.registry.NotFoundException;
import dev.callscribe.schemas.registry.SchemaRegistryClient;
import dev.callscribe.schemas.registry.SchemaRegistryClients;
import dev.callscribe.schemas.serde.AvroSerdeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Prepares the registry subjects of the pipeline's topics: registers each topic's value schema (as the serializers
 * would on their first record, unless {@code auto.register.schemas=false}) and sets the subject's compatibility level
 * to {@code topics.subject.compatibility} (FULL unless configured otherwise). Registering first, in flow order, also
 * gives the contract's schemas the same ids on every fresh registry, and makes the subject exist, which Apicurio
 * needs before it takes a subject's level. Safe to repeat and to run from several processes at once.
 */
final class SubjectSetup {

    private final PipelineConfig config;
    private final AvroSerdeConfig serde;

    SubjectSetup(PipelineConfig config) {
        this.config = config;
        this.serde = new AvroSerdeConfig(config.serdeConfig());
    }

    /**
     * Prepares every topic's subject.
     *
     * @return one line per subject saying what it holds, for the log
     * @throws IllegalStateException naming the registry and the subject when the registry refuses or cannot be
     *     reached
     */
    List<String> prepare() {
        List<String> done = new ArrayList<>();
        try (SchemaRegistryClient registry = SchemaRegistryClients.create(serde)) {
            for (Topic<?> topic : Topics.ALL) {
                done.add(prepare(registry, config.topic(topic)));
            }
        }
        return done;
    }

    private String prepare(SchemaRegistryClient registry, Topic<?> topic) {
        Schema schema = topic.valueSchema();
        String subject = serde.subjectNameStrategy(false).subjectName(topic.name(), false, schema);
        Optional<CompatibilityLevel> level = config.subjectCompatibility();
        try {
            if (serde.autoRegisterSchemas()) {
                registry.register(subject, schema);
            } else if (!exists(registry, subject)) {
                return subject + " (not registered: auto.register.schemas=false)";
            }
            level.ifPresent(wanted -> registry.setCompatibility(subject, wanted));
            return subject + " " + registry.getCompatibility(subject);
        } catch (RuntimeException e) {
            throw new IllegalStateException("registry " + TopicSetup.registryUrl(config) + ", subject " + subject
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(SchemaRegistryClient registry, String subject) {
        try {
            registry.getVersions(subject);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
