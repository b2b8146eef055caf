/* Test mock of GlitchedPolygons/l8w8jwt 2.5.0 (not packaged in Debian):
 * include/l8w8jwt/version.h. Declarations only, written for appsec-tidy's
 * tests after the shapes of the upstream header; no upstream text.
 * Include as <l8w8jwt/version.h> with -isystem %mocks. */
#ifndef L8W8JWT_VERSION_H
#define L8W8JWT_VERSION_H

#ifdef __cplusplus
extern "C" {
#endif

#define L8W8JWT_VERSION 250
#define L8W8JWT_VERSION_STR "2.5.0"
#define L8W8JWT_API

L8W8JWT_API void l8w8jwt_free(void *mem);
L8W8JWT_API int l8w8jwt_get_version_number(void);
L8W8JWT_API void l8w8jwt_get_version_string(char out[32]);

#ifdef __cplusplus
}
#endif

#endif
