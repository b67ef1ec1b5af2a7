#include <xlsxwriter.h>

/// LXW_VERSION is a string macro, which Swift does not import as a constant.
static inline const char *cxlsxwriter_version(void) {
    return LXW_VERSION;
}

/// LXW_CHART_LEGEND_* and friends are anonymous enums; the ones the wrapper
/// needs are plain integer constants in Swift already. Nothing else to shim.
