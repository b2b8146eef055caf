#include "reports.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sstream>

#include <civetweb.h>

const std::map<std::string, std::string> &report_catalog() {
  static const std::map<std::string, std::string> catalog{
      {"daily-sales", "sales_daily.py"},
      {"inventory", "inventory_snapshot.py"},
      {"returns", "returns_by_region.py"},
  };
  return catalog;
}

bool valid_date(const std::string &s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::optional<ReportJob> make_job(const std::string &name, const std::string &date,
                                  const std::string &format) {
  auto it = report_catalog().find(name);
  if (it == report_catalog().end() || !valid_date(date)) return std::nullopt;
  if (format != "csv" && format != "html") return std::nullopt;
  return ReportJob{it->second, date, format};
}

std::string run_job(const ReportConfig &cfg, const ReportJob &job) {
  std::string out_name = job.script.substr(0, job.script.find('.')) + "-" + job.date + "." + job.format;
  std::ostringstream cmd;
  cmd << "python3 " << cfg.scripts_dir << "/" << job.script << " --date " << job.date << " --format "
      << job.format << " --out " << cfg.output_dir << "/" << out_name;
  FILE *p = popen(cmd.str().c_str(), "r");
  if (!p) return {};
  char line[256];
  while (fgets(line, sizeof line, p)) {
  }
  return pclose(p) == 0 ? out_name : std::string();
}

int render_pdf(const ReportConfig &cfg, const std::string &html_file, const std::string &title) {
  std::string cmd = "wkhtmltopdf --title '" + title + "' " + cfg.output_dir + "/" + html_file + " " +
                    cfg.output_dir + "/" + html_file + ".pdf";
  return std::system(cmd.c_str());
}

std::string fetch_extract(const std::string &host, int port, const std::string &table) {
  char err[256] = {0};
  mg_connection *conn = mg_download(host.c_str(), port, 0, err, sizeof(err),
                                    "GET /extract/%s HTTP/1.0\r\nHost: %s\r\n\r\n", table.c_str(),
                                    host.c_str());
  if (!conn) return {};
  std::string body;
  char buf[4096];
  int n;
  while ((n = mg_read(conn, buf, sizeof buf)) > 0) body.append(buf, n);
  mg_close_connection(conn);
  return body;
}
