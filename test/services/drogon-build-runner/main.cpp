#include "BuildController.h"

#include <drogon/drogon.h>

int main(int argc, char **argv) {
  const char *config = argc > 1 ? argv[1] : "config.json";
  drogon::app()
      .loadConfigFile(config)
      .addListener("0.0.0.0", 8848)
      .setThreadNum(4)
      .run();
  return 0;
}
