#include "service.h"

#include <Poco/Logger.h>

namespace users {

static Poco::Logger &logger() { return Poco::Logger::get("accounts"); }

void log_info(const std::string &msg) { logger().information(msg); }
void log_debug(const std::string &msg) { logger().debug(msg); }
void log_warn(const std::string &msg) { logger().warning(msg); }

} // namespace users
