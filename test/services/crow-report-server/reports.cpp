#include "reports.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace reports {

namespace {

std::string slurp(std::ifstream &in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string out_path(const Settings &s, const std::string &src, const std::string &ext) {
  return (fs::path(s.export_dir) / fs::path(src).stem()).string() + "." + ext;
}

} // namespace

std::optional<std::string> read_report(const Settings &s, const std::string &tenant,
                                       const std::string &name) {
  const fs::path base = fs::weakly_canonical(fs::path(s.root) / tenant);
  const fs::path target = fs::weakly_canonical(base / name);
  auto rel = target.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..")
    return std::nullopt;
  std::ifstream in(target);
  if (!in)
    return std::nullopt;
  return slurp(in);
}

std::string load_theme(const Settings &s, const std::string &theme) {
  std::ifstream in(s.themes + "/" + theme + ".css");
  if (!in)
    return {};
  return slurp(in);
}

std::string export_pdf(const Settings &s, const std::string &html_path, const std::string &paper) {
  auto out = out_path(s, html_path, "pdf");
  std::string cmd = "wkhtmltopdf --quiet --page-size " + paper + " '" + html_path + "' '" + out + "'";
  if (std::system(cmd.c_str()) != 0)
    return {};
  return out;
}

std::string export_table(const Settings &s, const std::string &csv_path, const std::string &format) {
  static const std::set<std::string> kFormats = {"xlsx", "ods", "csv"};
  if (!kFormats.count(format))
    return {};
  auto out = out_path(s, csv_path, format);
  std::ostringstream cmd;
  cmd << "soffice --headless --convert-to " << format << " --outdir " << s.export_dir << " '"
      << csv_path << "'";
  if (std::system(cmd.str().c_str()) != 0)
    return {};
  return out;
}

} // namespace reports
