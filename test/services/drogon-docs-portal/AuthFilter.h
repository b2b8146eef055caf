#pragma once

#include <drogon/HttpFilter.h>

#include <string>

// Accepts RS256 tokens from the identity provider. The public key is read
// once at start-up (see main.cpp).
class AuthFilter : public drogon::HttpFilter<AuthFilter> {
public:
  static void configure(std::string publicKeyPem, std::string issuer);

  void doFilter(const drogon::HttpRequestPtr &req, drogon::FilterCallback &&fcb,
                drogon::FilterChainCallback &&fccb) override;

private:
  static std::string publicKey_;
  static std::string issuer_;
};
