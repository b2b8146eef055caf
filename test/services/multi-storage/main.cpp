#include "storage.h"

#include <crow.h>

#include <cctype>
#include <cstdlib>

namespace {

bool valid_tenant(const std::string &t) {
  if (t.empty() || t.size() > 40)
    return false;
  for (unsigned char c : t)
    if (!std::islower(c) && !std::isdigit(c) && c != '-')
      return false;
  return true;
}

std::string content_type_for(const std::string &name) {
  auto ext = fs::path(name).extension().string();
  if (ext == ".json")
    return "application/json";
  if (ext == ".csv")
    return "text/csv";
  if (ext == ".png")
    return "image/png";
  return "application/octet-stream";
}

} // namespace

int main() {
  const char *root_env = std::getenv("FILESTORE_ROOT");
  Storage storage(root_env ? root_env : "/srv/filestore");
  crow::SimpleApp app;

  CROW_ROUTE(app, "/t/<string>/files/<path>")
  ([&storage](const std::string &tenant, const std::string &path) {
    if (!valid_tenant(tenant))
      return crow::response(400);
    auto data = storage.read(tenant, path);
    if (!data)
      return crow::response(404);
    crow::response res(200, *data);
    res.set_header("Content-Type", content_type_for(path));
    return res;
  });

  CROW_ROUTE(app, "/t/<string>/files/<path>").methods("PUT"_method)
  ([&storage](const crow::request &req, const std::string &tenant, const std::string &path) {
    if (!valid_tenant(tenant))
      return crow::response(400);
    return crow::response(storage.write(tenant, path, req.body) ? 201 : 400);
  });

  CROW_ROUTE(app, "/t/<string>/thumb")
  ([&storage](const crow::request &req, const std::string &tenant) {
    const char *name = req.url_params.get("name");
    if (!valid_tenant(tenant) || !name)
      return crow::response(400);
    auto png = storage.read_thumbnail(tenant, name); // expect: appsec-path-traversal
    if (!png)
      return crow::response(404);
    return crow::response("image/png", *png);
  });

  CROW_ROUTE(app, "/t/<string>/upload").methods("POST"_method)
  ([&storage](const crow::request &req, const std::string &tenant) {
    if (!valid_tenant(tenant))
      return crow::response(400);
    crow::multipart::message msg(req);
    int stored = 0;
    for (const auto &part : msg.parts) {
      const auto &disposition = part.get_header_object("Content-Disposition");
      auto it = disposition.params.find("filename");
      if (it == disposition.params.end() || it->second.empty())
        continue;
      if (storage.store_upload(tenant, it->second, part.body)) // expect: appsec-path-traversal
        ++stored;
    }
    crow::json::wvalue body{{"stored", stored}};
    return crow::response(201, body);
  });

  CROW_ROUTE(app, "/exports/<string>")
  ([&storage](const std::string &name) {
    crow::response res;
    res.set_static_file_info(storage.export_path(name).string());
    return res;
  });

  CROW_ROUTE(app, "/exports/raw")
  ([&storage](const crow::request &req) {
    const char *name = req.url_params.get("file");
    if (!name)
      return crow::response(400);
    crow::response res;
    res.set_static_file_info_unsafe(storage.export_path(name).string()); // expect: appsec-path-traversal
    return res;
  });

  app.port(8070).multithreaded().run();
}
