// An oat++ controller in a header of its own whose endpoints use request data:
// routed by web-oatpp-header.cpp, analysed there (no unit has the header's
// functions as its own).
#pragma once

#include "oatpp/web/server/api/ApiController.hpp"

#include <cstdlib>
#include <memory>
#include <set>
#include <string>

#include OATPP_CODEGEN_BEGIN(ApiController)

class FilesController : public oatpp::web::server::api::ApiController {
public:
  FilesController() : oatpp::web::server::api::ApiController(nullptr) {}
  static std::shared_ptr<FilesController> createShared() {
    return std::make_shared<FilesController>();
  }

  ENDPOINT("POST", "/files/convert", convert, QUERY(String, name), QUERY(String, format)) {
    static const std::set<std::string> Formats = {"png", "jpg"};
    if (!Formats.count(*format))
      return createResponse(Status::CODE_400, "format");
    std::string cmd = "convert /srv/in.bin /srv/out." + *format;
    std::system(cmd.c_str());
    std::system(("convert '/srv/" + *name + "' /srv/out.png").c_str());
    return createResponse(Status::CODE_200, "ok");
  }
};

#include OATPP_CODEGEN_END(ApiController)
