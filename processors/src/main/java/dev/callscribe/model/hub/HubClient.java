package dev.callscribe.model.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings files of a Hugging Face model repository into the local hub cache (the layout of {@link HubCache}, shared
 * with the Python tools) and returns the snapshot folder that holds them. Files already in the snapshot cost no
 * request: a second call makes one repository-info request and nothing else, and offline none at all.
 *
 * <p>Requests: {@code GET {endpoint}/api/models/{repo}/revision/{revision}} for the commit and file list, then per
 * missing file {@code HEAD} and {@code GET {endpoint}/{repo}/resolve/{commit}/{path}} (files are fetched at the
 * resolved commit, so a branch moving meanwhile cannot mix two versions). Downloads resume, are verified and are
 * moved into place atomically ({@link BlobDownloader}); failures worth retrying are retried a bounded number of times;
 * other failures raise a {@link HubException} whose reason and message say what went wrong. When the Hub cannot be
 * reached (no connection, unknown host, timeout: {@link Reachability}) and the cache holds the selected files, the
 * cached snapshot is used at once, without retries, as huggingface_hub does; with {@code HF_HUB_OFFLINE} set it is
 * used without asking. Either way one log line says so. An answer from the Hub, even an error, is never hidden by the
 * cache; a server error (HTTP 5xx) is retried first, then the cache is used.
 *
 * <p>Thread-safe: calls may run in parallel; two downloads of the same file, in this process or another one sharing
 * the cache, wait for each other.
 */
public final class HubClient {

    private static final Logger LOG = LoggerFactory.getLogger(HubClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final HubSettings settings;
    private final HubCache cache;
    private final HubHttp http;
    private final Retrier retrier;
    private final BlobDownloader downloader;

    /**
     * @param settings endpoint, token, cache folder and offline mode
     * @param options  timeouts and retries
     * @param listener hears about each file downloaded
     */
    public HubClient(HubSettings settings, HubOptions options, DownloadListener listener) {
        this.settings = settings;
        this.cache = new HubCache(settings.cacheDir());
        this.http = new HubHttp(settings, options);
        this.retrier = new Retrier(options.maxAttempts(), options.retryBackoff());
        this.downloader = new BlobDownloader(http, retrier, options.stallTimeout(), listener,
            settings.token().isPresent());
    }

    /**
     * Returns a client configured from environment variables (see {@link HubSettings}), with default timeouts and
     * a listener that logs progress.
     *
     * @param environment variable name to value, e.g. {@code System.getenv()}
     * @return the client
     */
    public static HubClient fromEnvironment(Map<String, String> environment) {
        return new HubClient(HubSettings.fromEnvironment(environment), HubOptions.defaults(),
            new LoggingDownloadListener());
    }

    /** Returns the settings in force. */
    public HubSettings settings() {
        return settings;
    }

    /**
     * Makes sure the selected files of a repository are in the cache and returns the snapshot folder holding them.
     *
     * @param repoId   the repository, {@code owner/name}
     * @param revision a branch, tag or commit sha, e.g. "main"
     * @param selector picks the files to fetch from the repository's file list
     * @return {@code {cache}/models--owner--name/snapshots/{commit}}, where each selected file is present
     * @throws HubException             when the repository, revision or a file is missing, access is refused, a
     *                                  download fails verification, or (offline) the cache lacks a file
     * @throws IOException              when the network or the disk keeps failing after the retries
     * @throws IllegalArgumentException when {@code repoId} is not of the form owner/name
     */
    public Path snapshot(String repoId, String revision, FileSelector selector) throws IOException {
        RepoId repo = new RepoId(repoId);
        if (settings.offline()) {
            return cachedSnapshot(repo, revision, selector, "HF_HUB_OFFLINE is set");
        }
        RepoInfo info;
        try {
            // Unreachable with the model cached: use the cache at once, as huggingface_hub does, not after retries.
            info = retrier.call("repository info of " + repo, () -> fetchRepoInfo(repo, revision),
                failure -> Reachability.isUnreachable(failure) && isCached(repo, revision, selector));
        } catch (HubException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return cachedSnapshot(repo, revision, selector, "cannot reach " + settings.endpoint() + ": "
                + Retrier.describe(e));
        }
        if (!info.commit().equals(revision)) {
            cache.writeRef(repo, revision, info.commit());
        }
        for (String file : selector.select(info.files())) {
            ensureFile(repo, info.commit(), file);
        }
        return cache.snapshotDir(repo, info.commit());
    }

    /** Whether the cache holds every selected file of the revision; a cache it cannot read holds nothing. */
    private boolean isCached(RepoId repo, String revision, FileSelector selector) {
        try {
            return cachedCopy(repo, revision, selector).isComplete();
        } catch (IOException | RuntimeException e) {
            LOG.debug("The cache cannot serve {} at '{}'", repo, revision, e);
            return false;
        }
    }

    private Path cachedSnapshot(RepoId repo, String revision, FileSelector selector, String why) throws IOException {
        CachedCopy copy = cachedCopy(repo, revision, selector);
        if (copy.commit().isEmpty()) {
            throw new HubException(HubException.Reason.NOT_CACHED, "No cached copy of " + repo + " at revision '"
                + revision + "' in " + settings.cacheDir() + " and " + why + "; download it once with network"
                + " access (HF_HUB_OFFLINE unset)");
        }
        if (!copy.missing().isEmpty()) {
            throw new HubException(HubException.Reason.NOT_CACHED, "The cached copy of " + repo + " at "
                + copy.commit().get() + " lacks " + copy.missing() + " and " + why);
        }
        String line = "Using the cached snapshot of " + repo + " at " + copy.commit().get() + " offline (" + why + ")";
        if (settings.offline()) {
            LOG.info(line);
        } else {
            LOG.warn(line);
        }
        return cache.snapshotDir(repo, copy.commit().get());
    }

    /** The commit the cache knows for a revision, if any, and the selected files its snapshot lacks. */
    private CachedCopy cachedCopy(RepoId repo, String revision, FileSelector selector) throws IOException {
        Optional<String> commit = COMMIT.matcher(revision).matches() ? Optional.of(revision)
            : cache.readRef(repo, revision);
        if (commit.isEmpty()) {
            return new CachedCopy(commit, List.of(), true);
        }
        List<String> cached = cache.snapshotFiles(repo, commit.get());
        List<String> missing = new ArrayList<>(selector.select(cached));
        missing.removeAll(cached);
        return new CachedCopy(commit, missing, cached.isEmpty());
    }

    /**
     * What the cache holds of a revision: its commit, where a ref or the revision itself gives it, the selected files
     * its snapshot lacks, and whether it holds any file at all.
     */
    private record CachedCopy(Optional<String> commit, List<String> missing, boolean empty) {

        boolean isComplete() {
            return commit.isPresent() && missing.isEmpty() && !empty;
        }
    }

    private RepoInfo fetchRepoInfo(RepoId repo, String revision) throws IOException {
        HttpResponse<byte[]> response = http.getBytes(HubUrls.repoInfo(settings.endpoint(), repo, revision));
        if (response.statusCode() != 200) {
            throw HubErrors.of(response, HubErrors.Subject.REPOSITORY, "repository info of " + repo + " at '"
                + revision + "'", repo, settings.token().isPresent());
        }
        JsonNode info = parseJson(response.body(), repo);
        String commit = info.path("sha").asText("");
        if (!COMMIT.matcher(commit).matches()) {
            throw new HubException(HubException.Reason.UNEXPECTED_RESPONSE, "Repository info of " + repo
                + " has no commit sha (got '" + commit + "'); is " + settings.endpoint() + " a Hugging Face Hub?");
        }
        List<String> files = new ArrayList<>();
        info.path("siblings").forEach(sibling -> files.add(sibling.path("rfilename").asText()));
        return new RepoInfo(commit, files);
    }

    private JsonNode parseJson(byte[] body, RepoId repo) throws HubException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new HubException(HubException.Reason.UNEXPECTED_RESPONSE, "Repository info of " + repo
                + " is not JSON; is " + settings.endpoint() + " a Hugging Face Hub?", e);
        }
    }

    private void ensureFile(RepoId repo, String commit, String file) throws IOException {
        Path target = cache.snapshotFile(repo, commit, file);
        if (Files.exists(target)) {
            return;
        }
        URI url = HubUrls.file(settings.endpoint(), repo, commit, file);
        FileMetadata metadata = retrier.call("metadata of " + file, () -> fetchMetadata(url, repo, file));
        if (metadata.commit().isPresent() && !metadata.commit().get().equals(commit)) {
            throw new HubException(HubException.Reason.UNEXPECTED_RESPONSE, file + " of " + repo
                + " was served from commit " + metadata.commit().get() + " instead of " + commit);
        }
        Path blob = cache.blob(repo, metadata.etag());
        try (HubCache.BlobLock lock = cache.lock(repo, metadata.etag())) {
            if (!Files.exists(blob)) {
                downloader.download(new BlobRequest(repo, file, url, metadata,
                    cache.incomplete(repo, metadata.etag()), blob));
            }
        }
        cache.link(target, blob);
    }

    private FileMetadata fetchMetadata(URI url, RepoId repo, String file) throws IOException {
        HttpResponse<Void> response = http.headWithinHost(url);
        if (response.statusCode() >= 400) {
            throw HubErrors.of(response, HubErrors.Subject.FILE, "metadata of " + file, repo,
                settings.token().isPresent());
        }
        return FileMetadata.fromHeaders(response.headers()).orElseThrow(() -> new HubException(
            HubException.Reason.UNEXPECTED_RESPONSE, "HEAD " + url + " gave no ETag; is " + settings.endpoint()
                + " a Hugging Face Hub?"));
    }
}
