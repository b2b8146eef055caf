#include "OpenRedirectCheck.h"

// The check is the shared taint analysis restricted to one sink category;
// the sinks themselves are model data (lib/models/*.json).
