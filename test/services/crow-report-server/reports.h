#pragma once

#include <optional>
#include <string>

namespace reports {

struct Settings {
  std::string root = "/srv/reports";
  std::string themes = "/srv/reports/themes";
  std::string export_dir = "/var/tmp/report-exports";
};

/// Reads <root>/<tenant>/<name> if it stays inside the tenant directory.
std::optional<std::string> read_report(const Settings &s, const std::string &tenant,
                                       const std::string &name);
/// The CSS theme wrapped around rendered reports.
std::string load_theme(const Settings &s, const std::string &theme);
/// Converts a rendered report to PDF; returns the output path or empty.
std::string export_pdf(const Settings &s, const std::string &html_path, const std::string &paper);
/// Converts to a spreadsheet with the bundled converter.
std::string export_table(const Settings &s, const std::string &csv_path, const std::string &format);

} // namespace reports
