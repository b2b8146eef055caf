// Test mock of trantor (https://github.com/an-tao/trantor), Drogon's network
// library, written for appsec-tidy's tests; not trantor's code. Imitates
// trantor/utils/Logger.h and LogStream.h (v1.5.x): LOG_* is a Logger
// temporary whose stream() is fed with <<.
#pragma once

#include <string>
#include <string_view>

namespace trantor {

class LogStream {
  using self = LogStream;

public:
  self &operator<<(bool v);
  self &operator<<(short);
  self &operator<<(unsigned short);
  self &operator<<(int);
  self &operator<<(unsigned int);
  self &operator<<(long);
  self &operator<<(unsigned long);
  self &operator<<(long long);
  self &operator<<(unsigned long long);
  self &operator<<(const void *);
  self &operator<<(float v);
  self &operator<<(double);
  self &operator<<(char v);
  self &operator<<(const char *str);
  self &operator<<(const unsigned char *str);
  self &operator<<(const std::string &v);
  self &operator<<(const std::string_view &v);
};

class Logger {
public:
  enum LogLevel { kTrace = 0, kDebug, kInfo, kWarn, kError, kFatal, kNumberOfLogLevels };
  class SourceFile {
  public:
    template <int N> inline SourceFile(const char (&arr)[N]) : data_(arr), size_(N - 1) {}
    explicit SourceFile(const char *filename = nullptr);
    const char *data_;
    int size_;
  };
  Logger(SourceFile file, int line);
  Logger(SourceFile file, int line, LogLevel level);
  Logger(SourceFile file, int line, bool isSysErr);
  Logger(SourceFile file, int line, LogLevel level, const char *func);
  ~Logger();
  LogStream &stream();
  static LogLevel logLevel();
};

} // namespace trantor

#define TRANTOR_IF_(cond) for (int _r = 0; _r == 0 && (cond); _r = 1)
#define LOG_TRACE                                                              \
  TRANTOR_IF_(trantor::Logger::logLevel() <= trantor::Logger::kTrace)          \
  trantor::Logger(__FILE__, __LINE__, trantor::Logger::kTrace, __func__).stream()
#define LOG_DEBUG                                                              \
  TRANTOR_IF_(trantor::Logger::logLevel() <= trantor::Logger::kDebug)          \
  trantor::Logger(__FILE__, __LINE__, trantor::Logger::kDebug, __func__).stream()
#define LOG_INFO                                                               \
  TRANTOR_IF_(trantor::Logger::logLevel() <= trantor::Logger::kInfo)           \
  trantor::Logger(__FILE__, __LINE__).stream()
#define LOG_WARN trantor::Logger(__FILE__, __LINE__, trantor::Logger::kWarn).stream()
#define LOG_ERROR trantor::Logger(__FILE__, __LINE__, trantor::Logger::kError).stream()
