# Sanitizer and fuzzing builds of appsec-tidy's own code (lib/, checks/, tools/,
# the tests). The LLVM/Clang libraries we link stay uninstrumented: AddressSanitizer
# works with uninstrumented libraries (it intercepts malloc/free everywhere, it only
# misses bad accesses made inside them). docs/architecture.md, "Sanitizer and fuzzing
# builds", says how to run them.
#
#   -DAPPSEC_SANITIZE=ON                  AddressSanitizer + UndefinedBehaviorSanitizer
#   -DAPPSEC_SANITIZE=address,undefined   the same, spelled out (any -fsanitize= list)
#   -DAPPSEC_FUZZ=ON                      the libFuzzer targets of test/fuzz (clang only;
#                                         implies APPSEC_SANITIZE=address,undefined)
set(APPSEC_SANITIZE "" CACHE STRING
    "Build our code with these sanitizers (ON = address,undefined); empty for none")
option(APPSEC_FUZZ "Build the libFuzzer targets of test/fuzz (clang only)" OFF)

if(APPSEC_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "APPSEC_FUZZ=ON needs clang (libFuzzer): configure with "
                        "CC=clang-19 CXX=clang++-19 (and install libclang-rt-19-dev)")
  endif()
  if(NOT APPSEC_SANITIZE)
    set(APPSEC_SANITIZE "address,undefined" CACHE STRING "" FORCE)
  endif()
endif()

if(APPSEC_SANITIZE)
  if(APPSEC_SANITIZE STREQUAL "ON" OR APPSEC_SANITIZE STREQUAL "1" OR
     APPSEC_SANITIZE STREQUAL "TRUE")
    set(APPSEC_SANITIZE_LIST "address,undefined")
  else()
    set(APPSEC_SANITIZE_LIST "${APPSEC_SANITIZE}")
  endif()
  set(APPSEC_SANITIZE_FLAGS -fsanitize=${APPSEC_SANITIZE_LIST} -fno-omit-frame-pointer)
  if(APPSEC_SANITIZE_LIST MATCHES "undefined")
    # Every UBSan report fails the test that triggered it, instead of printing a line
    # that a passing test hides.
    list(APPEND APPSEC_SANITIZE_FLAGS -fno-sanitize-recover=undefined)
    # The vptr check reads the RTTI of an object's dynamic type. Debian's LLVM 19 is
    # built with -fno-rtti, so every clang::Decl, Stmt, ASTConsumer or MatchCallback
    # that LLVM creates has a vtable without type information and the check could
    # only report false positives on them.
    list(APPEND APPSEC_SANITIZE_FLAGS -fno-sanitize=vptr)
  endif()
  # Line tables, so that sanitizer reports name our files and lines.
  list(APPEND APPSEC_SANITIZE_FLAGS -g1)
  add_compile_options(${APPSEC_SANITIZE_FLAGS})
  add_link_options(-fsanitize=${APPSEC_SANITIZE_LIST})
  if(APPSEC_FUZZ)
    # Coverage feedback for libFuzzer in all our code; only the fuzz targets link
    # libFuzzer itself (-fsanitize=fuzzer, test/fuzz/CMakeLists.txt).
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
  message(STATUS "appsec-tidy: sanitizers ${APPSEC_SANITIZE_LIST}, fuzz targets ${APPSEC_FUZZ}")
endif()

# The sanitizer options of every test process (test/CMakeLists.txt): a UBSan report
# comes with its stack. LLVM's BumpPtrAllocator poisons its free slab space when the
# code including Allocator.h is built with ASan, and unpoisons only there; clangd's
# uninstrumented static libraries then write into a slab our instrumented code
# poisoned, a report about LLVM's bookkeeping, not a bug (clangd's config parser,
# seen in the clangd-lsp test). allow_user_poisoning=0 turns that bookkeeping off;
# ASan still checks every allocation.
set(APPSEC_SANITIZER_ENV "")
if(APPSEC_SANITIZE)
  set(APPSEC_SANITIZER_ENV "UBSAN_OPTIONS=print_stacktrace=1;ASAN_OPTIONS=allow_user_poisoning=0")
endif()
