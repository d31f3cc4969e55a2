/**
 * Running the pipeline: what {@code callscribe run} does around the roles. {@link dev.callscribe.app.Pipeline} is the
 * entry class: it merges the configuration ({@link dev.callscribe.app.EffectiveConfig}: command line, then
 * {@code CALLSCRIBE_} environment variables, then a properties file, then defaults), starts an in-process broker
 * and schema registry with {@code --embedded} ({@link dev.callscribe.app.embedded.EmbeddedStack}), creates missing
 * topics and prepares their registry subjects ({@link dev.callscribe.app.TopicSetup}), serves {@code /metrics},
 * {@code /health} and {@code /ready} ({@link dev.callscribe.app.MetricsServer}) from the process's one meter registry
 * ({@link dev.callscribe.app.ProcessMeters}), and builds, starts and finally closes the roles registered in
 * {@link dev.callscribe.app.Roles}.
 *
 * <p>For role authors: a role is a {@link dev.callscribe.pipeline.PipelineRole} built by a
 * {@link dev.callscribe.app.RoleFactory} from the configuration and the meter registry; it binds its Kafka clients'
 * metrics with {@link dev.callscribe.pipeline.KafkaClientMeters}.
 */
package dev.callscribe.app;
