// Test mock of Oat++: imitates src/oatpp/core/macro/codegen.hpp (1.3.0).
// `#include OATPP_CODEGEN_BEGIN(ApiController)` pulls in the ENDPOINT macros.
// Not Oat++'s code.
#pragma once

#define OATPP_MACRO_EXPAND(X) X
#define OATPP_CODEGEN_DEFINE_ApiController "oatpp/codegen/ApiController_define.hpp"
#define OATPP_CODEGEN_UNDEF_ApiController "oatpp/codegen/ApiController_undef.hpp"
#define OATPP_CODEGEN_BEGIN(NAME) OATPP_MACRO_EXPAND(OATPP_CODEGEN_DEFINE_##NAME)
#define OATPP_CODEGEN_END(NAME) OATPP_MACRO_EXPAND(OATPP_CODEGEN_UNDEF_##NAME)
