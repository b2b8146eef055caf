// Test mock of Drogon: imitates lib/inc/drogon/MultiPart.h (v1.9.13), the
// multipart/form-data parser and its uploaded files. Not Drogon's code.
// Facts the models rely on (lib/src/HttpFileImpl.cc): save() and save(dir)
// refuse a file name that leaves the directory; saveAs(path) writes to the
// path it is given, and save(dir) to any directory it is given.
#pragma once

#include <drogon/HttpRequest.h>
#include <drogon/HttpTypes.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace drogon {

class HttpFileImpl;

class HttpFile {
public:
  explicit HttpFile(std::shared_ptr<HttpFileImpl> &&implPtr) noexcept;
  /// The file name the client sent.
  const std::string &getFileName() const noexcept;
  std::string_view getFileExtension() const noexcept;
  /// The name of the form item.
  const std::string &getItemName() const noexcept;
  void setFileName(const std::string &fileName) noexcept;
  void setFile(const char *data, size_t length) noexcept;
  /// Saves under the upload path, with the client's file name.
  int save() const noexcept;
  /// Saves in directory \p path, with the client's file name.
  int save(const std::string &path) const noexcept;
  /// Saves to \p fileName (relative to the upload path unless absolute).
  int saveAs(const std::string &fileName) const noexcept;
  std::string_view fileContent() const noexcept { return std::string_view{fileData(), fileLength()}; }
  size_t fileLength() const noexcept;
  drogon::ContentType getContentType() const noexcept;
  const char *fileData() const noexcept;
  std::string getMd5() const noexcept;
  const std::string &getContentTransferEncoding() const noexcept;

private:
  std::shared_ptr<HttpFileImpl> implPtr_;
};

class MultiPartParser {
public:
  MultiPartParser() {}
  MultiPartParser(const MultiPartParser &other) = default;
  MultiPartParser(MultiPartParser &&other) = default;
  ~MultiPartParser() {}
  const std::vector<HttpFile> &getFiles() const;
  std::unordered_map<std::string, HttpFile> getFilesMap() const;
  const SafeStringMap<std::string> &getParameters() const;
  template <typename T> std::optional<T> getOptionalParameter(const std::string &key);
  template <typename T> T getParameter(const std::string &key) {
    return getOptionalParameter<T>(key).value_or(T{});
  }
  /// Parses the request's body; 0 on success.
  int parse(const HttpRequestPtr &req);

protected:
  std::vector<HttpFile> files_;
  SafeStringMap<std::string> parameters_;
};

using FileUpload = MultiPartParser;

} // namespace drogon
