package dev.callscribe.model.hub;

import java.net.URI;
import java.nio.file.Path;

/**
 * One file to bring into the cache.
 *
 * @param repo       the repository
 * @param file       the file, relative to the repository
 * @param url        its resolve address
 * @param metadata   its ETag, size and commit
 * @param incomplete where the partial download lives
 * @param blob       where the verified file goes
 */
record BlobRequest(RepoId repo, String file, URI url, FileMetadata metadata, Path incomplete, Path blob) {
}
