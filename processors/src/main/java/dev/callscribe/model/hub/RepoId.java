package dev.callscribe.model.hub;

import java.util.regex.Pattern;

/**
 * A Hugging Face model repository id, {@code owner/name} (e.g. {@code distil-whisper/distil-large-v3}).
 *
 * @param value the id
 */
public record RepoId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[\\w.-]{1,96}/[\\w.-]{1,96}");

    /** Checks the shape Hugging Face accepts: two names of letters, digits, '-', '_', '.', with no "--" or "..". */
    public RepoId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a Hugging Face repo id; expected owner/name,"
                + " e.g. distil-whisper/distil-large-v3");
        }
    }

    /** Returns whether the text has the shape of a repo id. */
    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches() && !value.contains("--") && !value.contains("..")
            && !value.startsWith(".") && !value.contains("/.");
    }

    /** Returns the folder name the Hugging Face cache uses, {@code models--owner--name}. */
    public String cacheFolderName() {
        return "models--" + value.replace("/", "--");
    }

    @Override
    public String toString() {
        return value;
    }
}
