#include "storage.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace {
std::optional<std::string> slurp(std::ifstream &in) {
  if (!in)
    return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}
} // namespace

std::optional<fs::path> Storage::resolve(const std::string &tenant,
                                         const std::string &relative) const {
  const auto base = fs::weakly_canonical(root_ / tenant);
  const auto candidate = fs::weakly_canonical(base / relative);
  const auto rel = candidate.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..")
    return std::nullopt;
  return candidate;
}

fs::path Storage::export_path(const std::string &name) const { return root_ / "exports" / name; }

std::optional<std::string> Storage::read(const std::string &tenant,
                                         const std::string &relative) const {
  auto path = resolve(tenant, relative);
  if (!path)
    return std::nullopt;
  std::ifstream in(*path, std::ios::binary);
  return slurp(in);
}

std::optional<std::string> Storage::read_thumbnail(const std::string &tenant,
                                                   const std::string &name) const {
  std::ostringstream p;
  p << root_.string() << '/' << tenant << "/.thumbs/" << name << ".png";
  std::ifstream in(p.str(), std::ios::binary);
  return slurp(in);
}

bool Storage::write(const std::string &tenant, const std::string &relative,
                    const std::string &data) {
  auto path = resolve(tenant, relative);
  if (!path)
    return false;
  fs::create_directories(path->parent_path());
  std::ofstream out(*path, std::ios::binary | std::ios::trunc);
  out << data;
  return static_cast<bool>(out);
}

bool Storage::store_upload(const std::string &tenant, const std::string &filename,
                           const std::string &data) {
  auto dir = root_ / tenant / "incoming";
  fs::create_directories(dir);
  std::ofstream out(dir / filename, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  return static_cast<bool>(out);
}
