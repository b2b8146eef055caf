#pragma once

#include "oatpp/core/macro/codegen.hpp"
#include "oatpp/core/macro/component.hpp"
#include "oatpp/web/server/api/ApiController.hpp"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include OATPP_CODEGEN_BEGIN(ApiController)

namespace fs = std::filesystem;

struct MediaConfig {
  fs::path root = "/var/lib/mediad/files";
  fs::path thumbs = "/var/lib/mediad/thumbs";
  std::string convertBin = "/usr/bin/convert";
};

class MediaController : public oatpp::web::server::api::ApiController {
public:
  MediaController(MediaConfig cfg, OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper), m_cfg(std::move(cfg)) {}

  ENDPOINT("GET", "/health", health) { return createResponse(Status::CODE_200, "ok"); }

  ENDPOINT("GET", "/files/{name}", download, PATH(String, name)) {
    auto full = fs::weakly_canonical(m_cfg.root / *name);
    auto rel = full.lexically_relative(m_cfg.root);
    if (rel.empty() || *rel.begin() == "..") return createResponse(Status::CODE_403, "forbidden");
    auto data = oatpp::String::loadFromFile(full.c_str());
    if (!data) return createResponse(Status::CODE_404, "not found");
    return createResponse(Status::CODE_200, data);
  }

  ENDPOINT("GET", "/thumbs/{name}", thumbnail, PATH(String, name), QUERY(String, size, "size", "128x128")) {
    int width = 0;
    try {
      width = std::stoi(*size);
    } catch (...) {
      return createResponse(Status::CODE_400, "bad size");
    }
    std::string src = (m_cfg.root / *name).string();
    std::string dst = (m_cfg.thumbs / (std::to_string(width) + "_" + *name)).string();
    if (!fs::exists(dst)) {
      std::string cmd = m_cfg.convertBin + " '" + src + "' -thumbnail " + std::to_string(width) + " '" + dst + "'";
      if (std::system(cmd.c_str()) != 0) // expect: appsec-command-injection
        return createResponse(Status::CODE_500, "thumbnail failed");
    }
    return createResponse(Status::CODE_200, oatpp::String::loadFromFile(dst.c_str()));
  }

  ENDPOINT("GET", "/raw", rawFile, QUERY(String, path)) {
    auto data = oatpp::String::loadFromFile((m_cfg.root.string() + "/" + *path).c_str()); // expect: appsec-path-traversal
    if (!data) return createResponse(Status::CODE_404, "not found");
    return createResponse(Status::CODE_200, data);
  }

  ENDPOINT("POST", "/files", upload, HEADER(String, filename, "X-Filename"), BODY_STRING(String, content)) {
    std::string clean;
    for (unsigned char c : *filename) {
      if (std::isalnum(c) || c == '.' || c == '-' || c == '_') clean += static_cast<char>(c);
      else return createResponse(Status::CODE_400, "invalid file name");
    }
    if (clean.empty() || clean[0] == '.') return createResponse(Status::CODE_400, "invalid file name");
    auto stamp = std::chrono::system_clock::now().time_since_epoch().count();
    auto target = m_cfg.root / (std::to_string(stamp) + "-" + clean);
    content.saveToFile(target.c_str());
    auto res = createResponse(Status::CODE_201, target.filename().string());
    res->putHeader("Location", "/files/" + target.filename().string());
    return res;
  }

  ENDPOINT("DELETE", "/files", removeFile, QUERY(String, name)) {
    std::error_code ec;
    if (!fs::remove(m_cfg.root / *name, ec)) // expect: appsec-path-traversal
      return createResponse(Status::CODE_404, "not found");
    fs::remove(m_cfg.thumbs / ("128_" + *name), ec); // expect: appsec-path-traversal
    return createResponse(Status::CODE_204, "");
  }

private:
  MediaConfig m_cfg;
};

#include OATPP_CODEGEN_END(ApiController)
