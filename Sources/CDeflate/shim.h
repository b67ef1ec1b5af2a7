#include <zlib.h>

/// deflateInit2 is a macro, which Swift does not import: a function that calls it, for raw
/// deflate streams (no zlib header or trailer), as a zip entry holds them.
static inline int czlib_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
