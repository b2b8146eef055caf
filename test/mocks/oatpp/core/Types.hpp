// Test mock of Oat++ (https://github.com/oatpp/oatpp), written for
// appsec-tidy's tests; not Oat++'s code. Imitates the mapping types of
// Oat++ 1.3.0 (src/oatpp/core/Types.hpp, core/data/mapping/type/Type.hpp and
// Primitive.hpp): oatpp::String is an ObjectWrapper around
// std::shared_ptr<std::string>; oatpp::Int32 and friends wrap numbers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace oatpp {

typedef int32_t v_int32;
typedef int64_t v_int64;
typedef intptr_t v_buff_size;

namespace data { namespace mapping { namespace type {

template <class T> class ObjectWrapper {
protected:
  std::shared_ptr<T> m_ptr;

public:
  ObjectWrapper() {}
  ObjectWrapper(std::nullptr_t) {}
  ObjectWrapper(const std::shared_ptr<T> &ptr) : m_ptr(ptr) {}
  ObjectWrapper(std::shared_ptr<T> &&ptr) : m_ptr(std::move(ptr)) {}
  inline T *operator->() const { return m_ptr.operator->(); }
  T *get() const { return m_ptr.get(); }
  std::shared_ptr<T> getPtr() const { return m_ptr; }
  explicit operator bool() const { return m_ptr.operator bool(); }
  bool operator!() const { return !m_ptr; }
};

class String : public ObjectWrapper<std::string> {
public:
  String() {}
  String(std::nullptr_t) {}
  String(const char *data) : ObjectWrapper<std::string>(data ? std::make_shared<std::string>(data) : nullptr) {}
  String(const char *data, v_buff_size size)
      : ObjectWrapper<std::string>(std::make_shared<std::string>(data, size)) {}
  String(const std::string &str) : ObjectWrapper<std::string>(std::make_shared<std::string>(str)) {}
  String(std::string &&str)
      : ObjectWrapper<std::string>(std::make_shared<std::string>(std::move(str))) {}
  String(const std::shared_ptr<std::string> &ptr) : ObjectWrapper<std::string>(ptr) {}
  String(const String &other) : ObjectWrapper<std::string>(other) {}
  String(String &&other) : ObjectWrapper<std::string>(std::move(other)) {}
  static String loadFromFile(const char *filename);
  void saveToFile(const char *filename) const;
  const std::string &operator*() const;
  operator std::string() const { return *m_ptr; }
  String &operator=(const String &other) {
    m_ptr = other.m_ptr;
    return *this;
  }
  String &operator=(String &&other) noexcept {
    m_ptr = std::move(other.m_ptr);
    return *this;
  }
  std::string getValue(const std::string &defaultValue) const;
  bool operator==(const char *str) const;
  bool operator==(const String &other) const;
  bool operator!=(const char *str) const;
};

String operator+(const char *a, const String &b);
String operator+(const String &a, const char *b);
String operator+(const String &a, const String &b);

/// Numbers: Int32 wraps a v_int32.
template <typename TValueType> class Primitive : public ObjectWrapper<TValueType> {
public:
  Primitive() {}
  Primitive(std::nullptr_t) {}
  Primitive(const TValueType &value)
      : ObjectWrapper<TValueType>(std::make_shared<TValueType>(value)) {}
  TValueType &operator*() const { return *this->m_ptr; }
  operator TValueType() const { return *this->m_ptr; }
};

typedef Primitive<int8_t> Int8;
typedef Primitive<int32_t> Int32;
typedef Primitive<uint32_t> UInt32;
typedef Primitive<int64_t> Int64;
typedef Primitive<double> Float64;
typedef Primitive<bool> Boolean;

class Void : public ObjectWrapper<void> {
public:
  Void() {}
  Void(std::nullptr_t) {}
  template <class T> Void(const ObjectWrapper<T> &other);
};

}}} // namespace data::mapping::type

typedef data::mapping::type::String String;
typedef data::mapping::type::Int8 Int8;
typedef data::mapping::type::Int32 Int32;
typedef data::mapping::type::UInt32 UInt32;
typedef data::mapping::type::Int64 Int64;
typedef data::mapping::type::Float64 Float64;
typedef data::mapping::type::Boolean Boolean;
typedef data::mapping::type::Void Void;

namespace utils { namespace conversion {
v_int32 strToInt32(const char *str);
String int32ToStr(v_int32 value);
}} // namespace utils::conversion

} // namespace oatpp
