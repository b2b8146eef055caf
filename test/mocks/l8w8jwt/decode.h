/* Test mock of l8w8jwt 2.5.0 include/l8w8jwt/decode.h (GlitchedPolygons,
 * not packaged in Debian). Declarations only, written for appsec-tidy's tests
 * after the shapes of the upstream header; no upstream text. Upstream
 * behaviour the checks rely on (src/decode.c):
 *  - l8w8jwt_decoding_params_init() zeroes the struct and sets alg = -2, so
 *    validate_exp/nbf/iat are off until set to 1;
 *  - l8w8jwt_decode() returns L8W8JWT_SUCCESS when the token could be parsed;
 *    signature and claim failures are flags in *out_validation_result
 *    (L8W8JWT_VALID = 0), and the claims are handed out either way;
 *  - alg = -1 skips the signature check; an alg that is no L8W8JWT_ALG_*
 *    (e.g. the -2 left by init) matches no verifier, so no signature is
 *    checked and no failure flag is set;
 *  - l8w8jwt_decode_raw_no_validation() checks nothing. */
#ifndef L8W8JWT_DECODE_H
#define L8W8JWT_DECODE_H

#include "algs.h"
#include "claim.h"
#include "retcodes.h"
#include "version.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef L8W8JWT_MAX_KEY_SIZE
#define L8W8JWT_MAX_KEY_SIZE 8192
#endif

enum l8w8jwt_validation_result {
  L8W8JWT_VALID = (unsigned)0,
  L8W8JWT_ISS_FAILURE = (unsigned)1 << 0,
  L8W8JWT_SUB_FAILURE = (unsigned)1 << 1,
  L8W8JWT_AUD_FAILURE = (unsigned)1 << 2,
  L8W8JWT_JTI_FAILURE = (unsigned)1 << 3,
  L8W8JWT_EXP_FAILURE = (unsigned)1 << 4,
  L8W8JWT_NBF_FAILURE = (unsigned)1 << 5,
  L8W8JWT_IAT_FAILURE = (unsigned)1 << 6,
  L8W8JWT_SIGNATURE_VERIFICATION_FAILURE = (unsigned)1 << 7,
  L8W8JWT_TYP_FAILURE = (unsigned)1 << 8
};

struct l8w8jwt_decoding_params {
  char *jwt;
  size_t jwt_length;
  int alg;
  char *validate_iss;
  size_t validate_iss_length;
  char *validate_sub;
  size_t validate_sub_length;
  char *validate_aud;
  size_t validate_aud_length;
  char *validate_jti;
  size_t validate_jti_length;
  int validate_exp;
  int validate_nbf;
  int validate_iat;
  uint8_t exp_tolerance_seconds;
  uint8_t nbf_tolerance_seconds;
  uint8_t iat_tolerance_seconds;
  unsigned char *verification_key;
  size_t verification_key_length;
  char *validate_typ;
  size_t validate_typ_length;
};

L8W8JWT_API void l8w8jwt_decoding_params_init(struct l8w8jwt_decoding_params *params);
L8W8JWT_API int l8w8jwt_validate_decoding_params(struct l8w8jwt_decoding_params *params);
L8W8JWT_API int l8w8jwt_decode(struct l8w8jwt_decoding_params *params,
                               enum l8w8jwt_validation_result *out_validation_result,
                               struct l8w8jwt_claim **out_claims, size_t *out_claims_length);
L8W8JWT_API int l8w8jwt_decode_raw(struct l8w8jwt_decoding_params *params,
                                   enum l8w8jwt_validation_result *out_validation_result,
                                   char **out_header, size_t *out_header_length, char **out_payload,
                                   size_t *out_payload_length, uint8_t **out_signature,
                                   size_t *out_signature_length);
L8W8JWT_API int l8w8jwt_decode_raw_no_validation(struct l8w8jwt_decoding_params *params,
                                                 char **out_header, size_t *out_header_length,
                                                 char **out_payload, size_t *out_payload_length,
                                                 uint8_t **out_signature, size_t *out_signature_length);

#ifdef __cplusplus
}
#endif

#endif
