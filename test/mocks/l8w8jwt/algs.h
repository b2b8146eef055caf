/* Test mock of l8w8jwt 2.5.0 include/l8w8jwt/algs.h: the algorithm IDs that
 * go into l8w8jwt_decoding_params.alg. Upstream, -1 means "verify no
 * signature" and l8w8jwt_decoding_params_init() leaves -2, which matches no
 * algorithm, so no signature is verified either. */
#ifndef L8W8JWT_ALGS_H
#define L8W8JWT_ALGS_H

#define L8W8JWT_ALG_HS256 0
#define L8W8JWT_ALG_HS384 1
#define L8W8JWT_ALG_HS512 2
#define L8W8JWT_ALG_RS256 3
#define L8W8JWT_ALG_RS384 4
#define L8W8JWT_ALG_RS512 5
#define L8W8JWT_ALG_PS256 6
#define L8W8JWT_ALG_PS384 7
#define L8W8JWT_ALG_PS512 8
#define L8W8JWT_ALG_ES256 9
#define L8W8JWT_ALG_ES384 10
#define L8W8JWT_ALG_ES512 11
#define L8W8JWT_ALG_ES256K 12
#define L8W8JWT_ALG_ED25519 13

#ifndef L8W8JWT_ENABLE_EDDSA
#define L8W8JWT_ENABLE_EDDSA 0
#endif

#endif
