package dev.callscribe.schemas.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A least-recently-used cache of fixed capacity. The loader runs outside the lock, so a slow registry call does not
 * block readers of other keys; two threads missing the same key at once may both load it.
 */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V getOrLoad(K key, Function<K, V> loader) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V loaded = loader.apply(key);
        synchronized (entries) {
            entries.put(key, loaded);
        }
        return loaded;
    }
}
