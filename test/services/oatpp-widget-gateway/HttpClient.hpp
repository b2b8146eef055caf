#pragma once

#include <optional>
#include <string>

struct HttpResult {
  long status = 0;
  std::string contentType;
  std::string body;
};

class HttpClient {
public:
  explicit HttpClient(bool verifyTls = true) : m_verifyTls(verifyTls) {}
  std::optional<HttpResult> get(const std::string &url) const;
  static std::string escape(const std::string &s);

private:
  bool m_verifyTls;
};
