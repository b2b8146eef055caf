#pragma once

#include <map>
#include <optional>
#include <string>

struct ReportConfig {
  std::string output_dir = "/var/lib/reportd/out";
  std::string archive_dir = "/var/lib/reportd/archive";
  std::string scripts_dir = "/opt/reportd/scripts";
  std::string warehouse_host = "warehouse.internal";
  int warehouse_port = 8081;
};

struct ReportJob {
  std::string script;
  std::string date;
  std::string format;
};

// Known report names -> generator script.
const std::map<std::string, std::string> &report_catalog();

bool valid_date(const std::string &s);
std::optional<ReportJob> make_job(const std::string &name, const std::string &date,
                                  const std::string &format);

// Runs a generator and returns the produced file name (relative to output_dir).
std::string run_job(const ReportConfig &cfg, const ReportJob &job);

// Converts an HTML report to PDF with a title page.
int render_pdf(const ReportConfig &cfg, const std::string &html_file, const std::string &title);

// Pulls a CSV extract from a warehouse node.
std::string fetch_extract(const std::string &host, int port, const std::string &table);
