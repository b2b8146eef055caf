// Test mock of Thalhammer/jwt-cpp (not packaged in Debian). It imitates the
// public API shapes of include/jwt-cpp/jwt.h (jwt-cpp 0.6/0.7 with the default
// kazuho-picojson traits): jwt::decode, the jwt::verify() builder
// (jwt::verifier with allow_algorithm, with_issuer, with_audience, leeway,
// verify(decoded) and verify(decoded, std::error_code&)), the algorithms
// jwt::algorithm::hs256/rs256/none, and jwt::decoded_jwt with its header and
// payload accessors. Written for the tests; bodies are placeholders and the
// class layout is simplified (no json-traits machinery beyond the names).
// Include as <jwt-cpp/jwt.h> with -isystem %mocks.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <system_error>

namespace jwt {

namespace traits {
struct kazuho_picojson {
  using string_type = std::string;
};
} // namespace traits

struct default_clock {
  std::chrono::system_clock::time_point now() const { return {}; }
};

template <typename json_traits> class basic_claim {
public:
  basic_claim() = default;
  explicit basic_claim(typename json_traits::string_type s) : str(std::move(s)) {}
  typename json_traits::string_type as_string() const { return str; }
  long long as_integer() const { return 0; }
  bool as_boolean() const { return false; }
  std::set<std::string> as_set() const { return {}; }

private:
  typename json_traits::string_type str;
};

using claim = basic_claim<traits::kazuho_picojson>;

namespace algorithm {
struct none {
  std::string sign(const std::string &, std::error_code &ec) const { ec.clear(); return {}; }
  void verify(const std::string &, const std::string &signature, std::error_code &ec) const {
    ec.clear();
    if (!signature.empty()) ec = std::make_error_code(std::errc::invalid_argument);
  }
  std::string name() const { return "none"; }
};
struct hmacsha {
  hmacsha(std::string key, std::string name) : secret(std::move(key)), alg_name(std::move(name)) {}
  std::string name() const { return alg_name; }
  void verify(const std::string &, const std::string &, std::error_code &ec) const { ec.clear(); }

private:
  std::string secret;
  std::string alg_name;
};
struct hs256 : public hmacsha {
  explicit hs256(std::string key) : hmacsha(std::move(key), "HS256") {}
};
struct hs384 : public hmacsha {
  explicit hs384(std::string key) : hmacsha(std::move(key), "HS384") {}
};
struct hs512 : public hmacsha {
  explicit hs512(std::string key) : hmacsha(std::move(key), "HS512") {}
};
struct rsa {
  rsa(const std::string &public_key, const std::string &private_key, std::string name)
      : pub(public_key), priv(private_key), alg_name(std::move(name)) {}
  std::string name() const { return alg_name; }

private:
  std::string pub, priv, alg_name;
};
struct rs256 : public rsa {
  explicit rs256(const std::string &public_key, const std::string &private_key = "",
                 const std::string &public_key_password = "",
                 const std::string &private_key_password = "")
      : rsa(public_key, private_key, "RS256") {}
};
} // namespace algorithm

template <typename json_traits> class header {
public:
  typename json_traits::string_type get_algorithm() const { return {}; }
  typename json_traits::string_type get_type() const { return {}; }
  typename json_traits::string_type get_key_id() const { return {}; }
  bool has_header_claim(const typename json_traits::string_type &) const { return false; }
  basic_claim<json_traits> get_header_claim(const typename json_traits::string_type &) const { return {}; }
};

template <typename json_traits> class payload {
public:
  typename json_traits::string_type get_issuer() const { return {}; }
  typename json_traits::string_type get_subject() const { return {}; }
  std::set<std::string> get_audience() const { return {}; }
  typename json_traits::string_type get_id() const { return {}; }
  bool has_expires_at() const { return false; }
  std::chrono::system_clock::time_point get_expires_at() const { return {}; }
  bool has_payload_claim(const typename json_traits::string_type &) const { return false; }
  basic_claim<json_traits> get_payload_claim(const typename json_traits::string_type &) const { return {}; }
};

template <typename json_traits>
class decoded_jwt : public header<json_traits>, public payload<json_traits> {
public:
  explicit decoded_jwt(const typename json_traits::string_type &token) : token(token) {}
  const typename json_traits::string_type &get_token() const noexcept { return token; }
  const typename json_traits::string_type &get_signature() const noexcept { return token; }
  /// The payload as decoded from base64 (a JSON text).
  const typename json_traits::string_type &get_payload() const noexcept { return token; }
  std::map<std::string, basic_claim<json_traits>> get_payload_json() const { return {}; }
  std::map<std::string, basic_claim<json_traits>> get_header_json() const { return {}; }
  // jwt-cpp 0.7 redeclares these in decoded_jwt (hiding header's and payload's).
  basic_claim<json_traits> get_payload_claim(const typename json_traits::string_type &) const { return {}; }
  basic_claim<json_traits> get_header_claim(const typename json_traits::string_type &) const { return {}; }

private:
  typename json_traits::string_type token;
};

namespace verify_ops {
template <typename json_traits> struct verify_context {
  std::chrono::system_clock::time_point current_time;
};
} // namespace verify_ops

template <typename Clock, typename json_traits> class verifier {
public:
  using verify_check_fn_t =
      std::function<void(const verify_ops::verify_context<json_traits> &, std::error_code &ec)>;
  explicit verifier(Clock c) : clock(c) {}
  verifier &leeway(size_t) { return *this; }
  verifier &expires_at_leeway(size_t) { return *this; }
  verifier &with_type(const typename json_traits::string_type &) { return *this; }
  verifier &with_issuer(const typename json_traits::string_type &) { return *this; }
  verifier &with_subject(const typename json_traits::string_type &) { return *this; }
  verifier &with_audience(const typename json_traits::string_type &) { return *this; }
  verifier &with_id(const typename json_traits::string_type &) { return *this; }
  verifier &with_claim(const typename json_traits::string_type &, basic_claim<json_traits>) { return *this; }
  /// jwt-cpp 0.7: a custom check of one claim.
  verifier &with_claim(const typename json_traits::string_type &, verify_check_fn_t) { return *this; }
  template <typename Algorithm> verifier &allow_algorithm(Algorithm alg) {
    algs.insert(alg.name());
    return *this;
  }
  /// Throws on failure (token_verification_exception in jwt-cpp).
  void verify(const decoded_jwt<json_traits> &) const {}
  /// Reports failure in \p ec instead of throwing.
  void verify(const decoded_jwt<json_traits> &, std::error_code &ec) const { ec.clear(); }

private:
  Clock clock;
  std::set<std::string> algs;
};

/// Builds and signs a token (jwt::create()).
template <typename Clock, typename json_traits> class builder {
public:
  explicit builder(Clock c) : clock(c) {}
  builder &set_type(const typename json_traits::string_type &) { return *this; }
  builder &set_issuer(const typename json_traits::string_type &) { return *this; }
  builder &set_subject(const typename json_traits::string_type &) { return *this; }
  builder &set_payload_claim(const typename json_traits::string_type &, basic_claim<json_traits>) {
    return *this;
  }
  builder &set_issued_at(std::chrono::system_clock::time_point) { return *this; }
  builder &set_expires_at(std::chrono::system_clock::time_point) { return *this; }
  template <typename Algo> typename json_traits::string_type sign(const Algo &) const { return {}; }

private:
  Clock clock;
};

inline builder<default_clock, traits::kazuho_picojson> create() {
  return builder<default_clock, traits::kazuho_picojson>(default_clock{});
}

inline verifier<default_clock, traits::kazuho_picojson> verify() {
  return verifier<default_clock, traits::kazuho_picojson>(default_clock{});
}

template <typename json_traits>
decoded_jwt<json_traits> decode(const typename json_traits::string_type &token) {
  return decoded_jwt<json_traits>(token);
}

inline decoded_jwt<traits::kazuho_picojson> decode(const std::string &token) {
  return decoded_jwt<traits::kazuho_picojson>(token);
}

} // namespace jwt
