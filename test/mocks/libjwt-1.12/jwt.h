/* libjwt 1.12+ (benmcollins/libjwt, include/jwt.h) adds claim validation to
 * the 1.10 API Debian 12 ships. This mock puts the 1.10 header first and adds
 * the validation declarations as upstream declares them, so tests see them
 * where real code does: in <jwt.h>. Only what the tests use. */
#pragma once
#include_next <jwt.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jwt_valid jwt_valid_t;

/* 0 when the token is valid, otherwise JWT_VALIDATION_* flags. */
unsigned int jwt_validate(jwt_t *jwt, jwt_valid_t *jwt_valid);

#ifdef __cplusplus
}
#endif
