/* Test mock of l8w8jwt 2.5.0 include/l8w8jwt/claim.h: the decoded claims
 * (header and payload together) and their look-up. */
#ifndef L8W8JWT_CLAIM_H
#define L8W8JWT_CLAIM_H

#include "version.h"
#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

struct chillbuff;

#define L8W8JWT_CLAIM_TYPE_STRING 0
#define L8W8JWT_CLAIM_TYPE_INTEGER 1
#define L8W8JWT_CLAIM_TYPE_NUMBER 2
#define L8W8JWT_CLAIM_TYPE_BOOLEAN 3
#define L8W8JWT_CLAIM_TYPE_NULL 4
#define L8W8JWT_CLAIM_TYPE_ARRAY 5
#define L8W8JWT_CLAIM_TYPE_OBJECT 6
#define L8W8JWT_CLAIM_TYPE_OTHER 7

struct l8w8jwt_claim {
  char *key;
  size_t key_length;
  char *value;
  size_t value_length;
  int type;
};

L8W8JWT_API void l8w8jwt_free_claims(struct l8w8jwt_claim *claims, size_t claims_count);
L8W8JWT_API int l8w8jwt_write_claims(struct chillbuff *stringbuilder, struct l8w8jwt_claim *claims,
                                     size_t claims_count);
L8W8JWT_API struct l8w8jwt_claim *l8w8jwt_get_claim(struct l8w8jwt_claim *claims, size_t claims_count,
                                                    const char *key, size_t key_length);

#ifdef __cplusplus
}
#endif

#endif
