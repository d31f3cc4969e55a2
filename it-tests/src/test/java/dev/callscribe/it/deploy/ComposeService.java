package dev.callscribe.it.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One service of a compose file, its values interpolated: what a test needs to run it somewhere else or to check it.
 *
 * @param name        the service name, which is also its host name on the compose network
 * @param image       the image, or empty
 * @param command     the command (the container's arguments), empty when the image's default applies
 * @param environment the environment variables it sets, in file order
 * @param volumes     the volumes in short syntax ({@code SOURCE:TARGET[:MODE]})
 * @param ports       the published ports in short syntax ({@code HOST:CONTAINER})
 */
record ComposeService(String name, String image, List<String> command, Map<String, String> environment,
        List<String> volumes, List<String> ports) {

    /** Whether the service runs the callscribe image (the CPU or the CUDA build). */
    boolean runsCallscribe() {
        return image.startsWith("callscribe:");
    }

    /** The port the container listens on for the given host port ({@code 8081:8080} gives 8080 for 8081). */
    int containerPort(int hostPort) {
        return ports.stream()
                .map(port -> port.split(":"))
                .filter(parts -> parts.length >= 2 && parts[parts.length - 2].equals(String.valueOf(hostPort)))
                .map(parts -> Integer.parseInt(parts[parts.length - 1]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("service " + name + " publishes no host port " + hostPort
                        + ": " + ports));
    }

    /**
     * The file on the host behind a path inside the container, through a bind mount of a folder of the project
     * ({@code ./deploy/connect:/etc/callscribe/connect:ro}).
     *
     * @throws AssertionError when no bind mount of the project holds that path
     */
    Path hostPath(String containerPath, Path projectDirectory) {
        for (String volume : volumes) {
            String[] parts = volume.split(":");
            String source = parts[0];
            String target = parts[1];
            boolean bindMount = source.startsWith(".") || source.startsWith("/");
            if (bindMount && (containerPath.equals(target) || containerPath.startsWith(target + "/"))) {
                String rest = containerPath.substring(target.length()).replaceFirst("^/", "");
                return projectDirectory.resolve(source).resolve(rest).normalize();
            }
        }
        throw new AssertionError("service " + name + " mounts nothing of the project at " + containerPath
                + ": " + volumes);
    }

    /** The container path a folder of the project is mounted at ({@code ./recordings} gives {@code /recordings}). */
    String mountTarget(String projectFolder) {
        return volumes.stream()
                .map(volume -> volume.split(":"))
                .filter(parts -> Path.of(parts[0]).normalize().equals(Path.of(projectFolder).normalize()))
                .map(parts -> parts[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("service " + name + " does not mount " + projectFolder
                        + ": " + volumes));
    }
}
