// Test mock of Oat++: imitates src/oatpp/web/protocol/http/Http.hpp and
// core/data/share/{MemoryLabel,LazyStringMap}.hpp (1.3.0). Not Oat++'s code.
#pragma once

#include "oatpp/core/Types.hpp"

#include <string>
#include <unordered_map>

namespace oatpp { namespace data { namespace share {

class MemoryLabel {
public:
  MemoryLabel() {}
  String toString() const;
  std::string std_str() const;
};

class StringKeyLabel : public MemoryLabel {
public:
  StringKeyLabel() {}
  StringKeyLabel(std::nullptr_t) {}
  StringKeyLabel(const char *constText);
  StringKeyLabel(const String &str);
};

class StringKeyLabelCI : public MemoryLabel {
public:
  StringKeyLabelCI() {}
  StringKeyLabelCI(std::nullptr_t) {}
  StringKeyLabelCI(const char *constText);
  StringKeyLabelCI(const String &str);
};

template <class Key> class LazyStringMultimap {
public:
  String get(const Key &key) const;
  v_int32 getSize() const;
};

}}} // namespace oatpp::data::share

namespace oatpp { namespace web { namespace protocol { namespace http {

typedef data::share::LazyStringMultimap<data::share::StringKeyLabelCI> Headers;
typedef data::share::LazyStringMultimap<data::share::StringKeyLabel> QueryParams;

class Status {
public:
  static const Status CODE_200;
  static const Status CODE_201;
  static const Status CODE_204;
  static const Status CODE_301;
  static const Status CODE_302;
  static const Status CODE_400;
  static const Status CODE_401;
  static const Status CODE_403;
  static const Status CODE_404;
  static const Status CODE_500;
  Status() : code(0), description(nullptr) {}
  Status(v_int32 pCode, const char *pDesc) : code(pCode), description(pDesc) {}
  v_int32 code;
  const char *description;
};

class Header {
public:
  static const char *const ACCEPT;
  static const char *const AUTHORIZATION;
  static const char *const CONTENT_LENGTH;
  static const char *const CONTENT_TYPE;
  static const char *const HOST;
  static const char *const USER_AGENT;
  static const char *const CORS_ORIGIN;
};

}}}} // namespace oatpp::web::protocol::http
