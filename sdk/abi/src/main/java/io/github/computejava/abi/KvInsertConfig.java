package io.github.computejava.abi;

/**
 * The {@code kv_insert_config} record of {@code fastly_kv_store.insert}, as Java values. In guest memory it is
 * {@value #SIZE} bytes: mode u32 @0, unused u32 @4, metadata pointer @8 and length @12, time_to_live_sec u32
 * @16, if_generation_match u64 @24. The {@code kv_insert_config_options} mask says which fields are set.
 */
public final class KvInsertConfig {
    public static final int SIZE = 32;
    public static final int OFF_MODE = 0;
    public static final int OFF_METADATA = 8;
    public static final int OFF_METADATA_LEN = 12;
    public static final int OFF_TIME_TO_LIVE_SEC = 16;
    public static final int OFF_IF_GENERATION_MATCH = 24;

    // kv_insert_config_options flags
    public static final int BACKGROUND_FETCH = 1 << 1;
    public static final int METADATA = 1 << 3;
    public static final int TIME_TO_LIVE_SEC = 1 << 4;
    public static final int IF_GENERATION_MATCH = 1 << 5;

    // kv_insert_mode
    public static final int MODE_OVERWRITE = 0;
    public static final int MODE_ADD = 1;
    public static final int MODE_APPEND = 2;
    public static final int MODE_PREPEND = 3;

    public int mode;
    public byte[] metadata;
    public int timeToLiveSec;
    public long ifGenerationMatch;
}
