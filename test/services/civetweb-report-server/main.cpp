// reportd: internal reporting front-end. Generates reports on demand and serves them.
#include <chrono>
#include <cctype>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include <civetweb.h>

#include "reports.h"

namespace {

std::string get_query(mg_connection *conn, const char *name) {
  const mg_request_info *ri = mg_get_request_info(conn);
  if (!ri->query_string) return {};
  char buf[512];
  int n = mg_get_var(ri->query_string, std::strlen(ri->query_string), name, buf, sizeof buf);
  return n < 0 ? std::string() : std::string(buf, n);
}

std::string get_form(mg_connection *conn, const char *name) {
  char body[4096];
  int len = mg_read(conn, body, sizeof(body) - 1);
  if (len <= 0) return {};
  char val[512];
  int n = mg_get_var(body, len, name, val, sizeof val);
  return n < 0 ? std::string() : std::string(val, n);
}

struct FormFields {
  std::string report, date, format;
};

FormFields read_run_form(mg_connection *conn) {
  std::string body;
  char buf[1024];
  int n;
  while ((n = mg_read(conn, buf, sizeof buf)) > 0) body.append(buf, n);
  auto field = [&body](const char *name) {
    char v[256];
    int r = mg_get_var(body.data(), body.size(), name, v, sizeof v);
    return r < 0 ? std::string() : std::string(v, r);
  };
  return {field("report"), field("date"), field("format")};
}

int run_handler(mg_connection *conn, void *cbdata) {
  auto *cfg = static_cast<ReportConfig *>(cbdata);
  auto [report, date, format] = read_run_form(conn);
  auto job = make_job(report, date, format.empty() ? "html" : format);
  if (!job) {
    mg_printf(conn, "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n");
    mg_printf(conn, "<html><body><h2>Cannot run report</h2><p>Unknown report <b>%s</b> for %s</p>" // expect: appsec-xss
                    "<a href=\"/\">back</a></body></html>",
              report.c_str(), date.c_str());
    return 400;
  }
  auto out = run_job(*cfg, *job);
  if (out.empty()) { mg_send_http_error(conn, 500, "%s", "report generation failed"); return 500; }
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                  "<html><body>Report ready: <a href=\"/reports/file?name=%s\">%s</a></body></html>",
            out.c_str(), out.c_str());
  return 200;
}

int file_handler(mg_connection *conn, void *cbdata) {
  auto *cfg = static_cast<ReportConfig *>(cbdata);
  auto name = get_query(conn, "name");
  if (name.empty()) { mg_send_http_error(conn, 400, "%s", "name required"); return 400; }
  std::string path = cfg->output_dir + "/" + name;
  mg_send_file(conn, path.c_str()); // expect: appsec-path-traversal
  return 200;
}

int archive_handler(mg_connection *conn, void *cbdata) {
  auto *cfg = static_cast<ReportConfig *>(cbdata);
  auto id = get_query(conn, "id");
  char *end = nullptr;
  long n = std::strtol(id.c_str(), &end, 10);
  if (id.empty() || *end != '\0' || n <= 0) {
    mg_send_http_error(conn, 400, "%s", "bad archive id");
    return 400;
  }
  auto path = cfg->archive_dir + "/" + std::to_string(n) + ".zip";
  mg_send_file(conn, path.c_str());
  return 200;
}

int pdf_handler(mg_connection *conn, void *cbdata) {
  auto *cfg = static_cast<ReportConfig *>(cbdata);
  auto file = get_query(conn, "file");
  auto title = get_query(conn, "title");
  for (char c : file) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') {
      mg_send_http_error(conn, 400, "%s", "bad file");
      return 400;
    }
  }
  if (file.find("..") != std::string::npos) { mg_send_http_error(conn, 400, "%s", "bad file"); return 400; }
  int rc = render_pdf(*cfg, file, title.empty() ? "Report" : title); // expect: appsec-command-injection
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"rc\":%d}", rc);
  return 200;
}

int import_handler(mg_connection *conn, void *cbdata) {
  auto *cfg = static_cast<ReportConfig *>(cbdata);
  auto table = get_form(conn, "table");
  static const char *tables[] = {"orders", "shipments", "refunds"};
  bool known = false;
  for (const char *t : tables) known = known || table == t;
  if (!known) { mg_send_http_error(conn, 400, "%s", "unknown table"); return 400; }
  auto csv = fetch_extract(cfg->warehouse_host, cfg->warehouse_port, table);
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nimported %zu bytes\n", csv.size());
  return 200;
}

int mirror_handler(mg_connection *conn, void *) {
  auto node = get_query(conn, "node");
  auto csv = fetch_extract(node, 8081, "orders"); // expect: appsec-ssrf
  mg_send_http_ok(conn, "text/csv", static_cast<long long>(csv.size()));
  mg_write(conn, csv.data(), csv.size());
  return 200;
}

} // namespace

int main(int argc, char **argv) {
  ReportConfig cfg;
  if (argc > 1) cfg.output_dir = argv[1];
  const char *options[] = {
      "listening_ports", "8444s",
      "ssl_certificate", "/etc/reportd/tls.pem",
      "ssl_protocol_version", "2", // expect: appsec-weak-tls-version
      "document_root", "/opt/reportd/www",
      nullptr,
  };
  mg_init_library(MG_FEATURES_SSL);
  mg_callbacks callbacks;
  std::memset(&callbacks, 0, sizeof callbacks);
  mg_context *ctx = mg_start(&callbacks, &cfg, options);
  if (!ctx) { std::cerr << "failed to start civetweb\n"; return 1; }
  mg_set_request_handler(ctx, "/reports/run", run_handler, &cfg);
  mg_set_request_handler(ctx, "/reports/file", file_handler, &cfg);
  mg_set_request_handler(ctx, "/reports/archive", archive_handler, &cfg);
  mg_set_request_handler(ctx, "/reports/pdf", pdf_handler, &cfg);
  mg_set_request_handler(ctx, "/reports/import", import_handler, &cfg);
  mg_set_request_handler(ctx, "/reports/mirror", mirror_handler, &cfg);
  for (;;) std::this_thread::sleep_for(std::chrono::minutes(5));
}
