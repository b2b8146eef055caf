// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c++17
// The project's own look-alikes of the JWT APIs, with other shapes: no
// finding and no crash (a test with no CHECK lines must stay silent).
#include <system_error>

namespace jwt {
namespace params {
int verify();
int algorithms();
} // namespace params
struct verifier {
  int verify();
  int allow_algorithm();
  void verify(int token, std::error_code &ec);
};
int decode();
} // namespace jwt

extern "C" const char *jwt_get_grant(...);
extern "C" int jwt_decode(int, int);
extern "C" int jwt_get_alg();

void lookalikes(std::error_code &callerEc) {
  jwt::params::verify();
  jwt::params::algorithms();
  jwt::verifier v;
  v.verify();
  v.allow_algorithm();
  v.verify(1, callerEc); // the caller's error code: the caller checks it
  jwt::decode();
  jwt_get_grant();
  jwt_decode(1, 2);
  if (jwt_get_alg() == 1)
    v.verify();
  else
    v.allow_algorithm();
}
