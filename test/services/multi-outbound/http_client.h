#pragma once

#include "config.h"

#include <string>
#include <vector>

struct HttpResult {
  long status = 0;
  std::string body;
  std::string error;
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

class HttpClient {
public:
  explicit HttpClient(const RelayConfig &cfg);
  ~HttpClient();

  HttpResult post_json(const std::string &url, const std::string &json);
  HttpResult get(const std::string &url);
  HttpResult deliver(const std::string &subscriber, const std::string &json);
  HttpResult fetch_preview(const std::string &host, const std::string &path);

private:
  void apply_common(void *curl, std::string &sink);
  void apply_debug_options(void *curl);
  HttpResult perform(void *curl, std::string &sink);

  const RelayConfig &cfg_;
};
