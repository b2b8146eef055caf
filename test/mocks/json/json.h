// Test mock of JsonCpp (https://github.com/open-source-parsers/jsoncpp),
// written for appsec-tidy's tests; not JsonCpp's code. It imitates the part
// of include/json/value.h and include/json/reader.h (1.9.x) that Drogon's
// API exposes: Json::Value, Json::Reader, Json::CharReaderBuilder.
#pragma once

#include <string>
#include <vector>

namespace Json {

using String = std::string;
using Int = int;
using UInt = unsigned int;
using Int64 = long long;
using ArrayIndex = unsigned int;

enum ValueType { nullValue = 0, intValue, uintValue, realValue, stringValue, booleanValue, arrayValue, objectValue };

class Value {
public:
  Value(ValueType type = nullValue);
  Value(Int value);
  Value(UInt value);
  Value(Int64 value);
  Value(double value);
  Value(const char *value);
  Value(const String &value);
  Value(bool value);
  Value(const Value &other);
  Value(Value &&other);
  ~Value();
  Value &operator=(const Value &other);
  Value &operator=(Value &&other);

  const char *asCString() const;
  String asString() const;
  Int asInt() const;
  UInt asUInt() const;
  Int64 asInt64() const;
  double asDouble() const;
  bool asBool() const;
  bool isNull() const;
  bool isString() const;
  bool isInt() const;
  bool isObject() const;
  bool isArray() const;
  bool isMember(const char *key) const;
  bool isMember(const String &key) const;
  ArrayIndex size() const;
  bool empty() const;

  Value &operator[](ArrayIndex index);
  Value &operator[](int index);
  const Value &operator[](ArrayIndex index) const;
  const Value &operator[](int index) const;
  Value &operator[](const char *key);
  const Value &operator[](const char *key) const;
  Value &operator[](const String &key);
  const Value &operator[](const String &key) const;
  Value get(const char *key, const Value &defaultValue) const;
  Value get(const String &key, const Value &defaultValue) const;
  Value &append(const Value &value);
  std::vector<String> getMemberNames() const;
  String toStyledString() const;
};

class Reader {
public:
  Reader();
  bool parse(const std::string &document, Value &root, bool collectComments = true);
};

} // namespace Json
