package io.github.computejava.server;

/**
 * Modules the local server does not offer: device detection, Image Optimizer, shielding and the deprecated
 * user-agent parser. Each function answers {@code unsupported}.
 */
final class UnsupportedImports implements ImportGroup {
    @Override
    public void register(Registrar r) {
        r.unsupported("fastly_device_detection", "lookup");
        r.unsupported("fastly_image_optimizer", "transform_image_optimizer_request");
        r.unsupported("fastly_shielding", "backend_for_shield", "shield_info");
        r.unsupported("fastly_uap", "parse");
    }
}
